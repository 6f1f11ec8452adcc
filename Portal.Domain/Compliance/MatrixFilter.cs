namespace Portal.Domain.Compliance;

/// <summary>What the manager narrowed the matrix to; null means "all".</summary>
public sealed record MatrixFilter(string? JobRole = null, string? Team = null, ComplianceStatus? Status = null);
