namespace Portal.Domain.Compliance;

/// <summary>The whole view: columns, rows, and compliance as the share of required cells held.</summary>
public sealed record MatrixView(IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows)
{
    // Summed once: the page asks several times, over 500 rows.
    public int Required { get; } = Rows.Sum(r => r.Required);

    public int Held { get; } = Rows.Sum(r => r.Held);

    /// <summary>Held as a whole percentage (rounded down, so 99.6% never shows as 100%); null when nothing is required.</summary>
    public int? CompliancePercent => Required == 0 ? null : (int)Math.Floor(100.0 * Held / Required);
}
