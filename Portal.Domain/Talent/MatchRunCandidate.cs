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

/// <summary>
/// A pair a shard writes in a run: a vacancy among the person's own best, kept when their shard
/// scored (<see cref="ForPerson"/>), or a vacancy whose list they made, settled by the merge. A pair
/// can be both, as two places.
/// </summary>
public sealed class MatchRunPlace
{
    public Guid RunId { get; init; }
    public int Shard { get; init; }
    public string UserId { get; init; } = "";
    public Guid VacancyId { get; init; }
    public bool ForPerson { get; init; }
}

/// <summary>
/// A shard's person packed as their shard scored them, with their cutoff: the shard's write step
/// starts from this instead of reading their profile and training again and scoring them twice.
/// </summary>
public sealed class MatchRunPerson
{
    public Guid RunId { get; init; }
    public int Shard { get; init; }
    public string UserId { get; init; } = "";
    public float Latitude { get; init; }
    public float Longitude { get; init; }
    public WorkDays Days { get; init; }
    public ShiftTimes Shifts { get; init; }
    public bool DrivingLicence { get; init; }
    public long ModulesHeld { get; init; }
    public int ProgrammesHeld { get; init; }
    public long RolesWanted { get; init; }
    public long RolesOnSavedRoute { get; init; }
    public float PayAsked { get; init; }
    public bool Findable { get; init; }
    public float Cutoff { get; init; }

    public MatchCandidate Candidate => new(Latitude, Longitude, Days, Shifts, DrivingLicence,
        unchecked((ulong)ModulesHeld), unchecked((ulong)RolesWanted), unchecked((ulong)RolesOnSavedRoute), unchecked((uint)ProgrammesHeld), PayAsked);
}
