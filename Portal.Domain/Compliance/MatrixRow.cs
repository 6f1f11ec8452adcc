namespace Portal.Domain.Compliance;

/// <summary>One person's row: a cell per column, null where their job does not require that topic.</summary>
public sealed record MatrixRow(MatrixPerson Person, IReadOnlyList<ComplianceCell?> Cells)
{
    // Counted once: the page, its totals and the table each ask, and a row has up to 44 cells.
    public int Required { get; } = Cells.Count(c => c is not null);

    public int Held { get; } = Cells.Count(c => c is { Held: true });

    /// <summary>The worst status among the cells, or null when nothing is required of them.</summary>
    public ComplianceStatus? Worst => Cells.Where(c => c is not null).Select(c => (ComplianceStatus?)c!.Value.Status).Max();
}
