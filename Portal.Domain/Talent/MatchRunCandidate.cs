namespace Portal.Domain.Talent;

/// <summary>
/// A shard's person among its best for a vacancy, put forward while a run scores. A vacancy's list
/// is the best of every shard's candidates, so no shard needs anyone else's people.
/// </summary>
public sealed class MatchRunCandidate
{
    public Guid RunId { get; init; }
    public int Shard { get; init; }
    public Guid VacancyId { get; init; }
    public string UserId { get; init; } = "";
    public float Score { get; init; }
}

/// <summary>A person who made a vacancy's list in a run, for their shard to write.</summary>
public sealed class MatchRunPlace
{
    public Guid RunId { get; init; }
    public int Shard { get; init; }
    public string UserId { get; init; } = "";
    public Guid VacancyId { get; init; }
}
