namespace Portal.Domain.Compliance;

/// <summary>A member of staff as the matrix lists them.</summary>
public sealed record MatrixPerson(long MembershipId, string UserId, string Name, string JobRole, string? Team);
