namespace Portal.Domain.Compliance;

/// <summary>A required topic as a column, with how many of the people shown are in each status.</summary>
public sealed record MatrixColumn(Topic Topic, string Title, IReadOnlyList<int> CountByStatus)
{
    public int Count(ComplianceStatus status) => CountByStatus[(int)status];

    /// <summary>People shown who are required to hold it.</summary>
    public int Required => CountByStatus.Sum();

    public int Held => Required - Count(ComplianceStatus.Expired) - Count(ComplianceStatus.Missing);
}
