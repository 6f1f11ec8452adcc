namespace Portal.Domain.Compliance;

/// <summary>One person's row: a cell per column, null where their job does not require that topic.</summary>
public sealed record MatrixRow(MatrixPerson Person, IReadOnlyList<ComplianceCell?> Cells)
{
    public int Required => Cells.Count(c => c is not null);

    public int Held => Cells.Count(c => c is { Held: true });

    /// <summary>The worst status among the cells, or null when nothing is required of them.</summary>
    public ComplianceStatus? Worst => Cells.Where(c => c is not null).Select(c => (ComplianceStatus?)c!.Value.Status).Max();
}
