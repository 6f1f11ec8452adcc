namespace Portal.Domain.Talent;

/// <summary>
/// A person packed for matching, as of the last run that looked at them, so a new vacancy can be
/// scored against everyone without re-reading every profile and learning record. The bit positions
/// follow the content version it was packed under.
/// </summary>
public sealed class MatchPerson
{
    public const int MaxContentVersionLength = 64;

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

    /// <summary>They let employers find them: only then are they offered to recruiters.</summary>
    public bool Findable { get; init; }

    /// <summary>The lowest score among their kept matches when their list is full; -1 when it is not.</summary>
    public float Cutoff { get; init; }

    public string ContentVersion { get; init; } = "";
    public DateTime ComputedAtUtc { get; init; }

    public MatchCandidate Candidate => new(Latitude, Longitude, Days, Shifts, DrivingLicence,
        unchecked((ulong)ModulesHeld), unchecked((ulong)RolesWanted), unchecked((ulong)RolesOnSavedRoute), unchecked((uint)ProgrammesHeld), PayAsked);
}
