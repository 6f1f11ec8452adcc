namespace Portal.Domain.Talent;

/// <summary>
/// A stored match between a person and an open vacancy: the score and the facts its reasons are
/// written from. A pair is kept when the vacancy is among the person's best (<see cref="ForPerson"/>)
/// or the person among the vacancy's best (<see cref="ForVacancy"/>), or both. Rows are derived:
/// the matching run rewrites them, so nothing here is edited in place.
/// </summary>
public sealed class JobMatch
{
    public string UserId { get; init; } = "";
    public Guid VacancyId { get; init; }
    public float Score { get; init; }
    public float Miles { get; init; }
    public int ModulesHeld { get; init; }
    public int ModulesRequired { get; init; }
    public int ProgrammesHeld { get; init; }
    public int ProgrammesRequired { get; init; }
    public float DaysFit { get; init; }
    public float PayAsked { get; init; }
    public float HourlyPay { get; init; }
    public bool RoleWanted { get; init; }
    public bool OnSavedRoute { get; init; }
    public bool ForPerson { get; init; }
    public bool ForVacancy { get; init; }
    public DateTime ComputedAtUtc { get; init; }

    public MatchScore Facts => new(Score, Miles, ModulesHeld, ModulesRequired, DaysFit, RoleWanted, OnSavedRoute, ProgrammesHeld, ProgrammesRequired, PayAsked, HourlyPay);

    public IReadOnlyList<string> Reasons(MatchSide side) => Matching.Reasons(Facts, side);
}

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

/// <summary>A vacancy's lowest kept score when its list of people is full; -1 when it is not.</summary>
public sealed class MatchVacancyCutoff
{
    public Guid VacancyId { get; init; }
    public float Cutoff { get; init; }
    public DateTime ComputedAtUtc { get; init; }
}

/// <summary>
/// "Not for me" or "not for us": a match one side no longer wants to see. Kept apart from the
/// matches so a recompute never brings it back.
/// </summary>
public sealed class MatchDismissal
{
    private MatchDismissal()
    {
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public Guid VacancyId { get; private set; }
    public MatchSide Side { get; private set; }

    /// <summary>Who dismissed it: the person, or the recruiter.</summary>
    public string DismissedBy { get; private set; } = "";

    public DateTime DismissedAtUtc { get; private set; }

    public static MatchDismissal Record(string userId, Guid vacancyId, MatchSide side, string dismissedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(dismissedBy);
        return new MatchDismissal { UserId = userId, VacancyId = vacancyId, Side = side, DismissedBy = dismissedBy, DismissedAtUtc = utcNow };
    }
}

/// <summary>A match already sent in a weekly "new matches" email, so the next one has only new ones.</summary>
public sealed class MatchEmailed
{
    public string UserId { get; init; } = "";
    public Guid VacancyId { get; init; }
    public DateTime SentAtUtc { get; init; }
}

/// <summary>
/// The best <c>capacity</c> of a stream of scored ids, best first with ids breaking ties, in the
/// order <see cref="Matching.Compare"/> gives. Offers below the current worst cost one comparison.
/// </summary>
public sealed class TopMatches(int capacity)
{
    private readonly float[] _scores = new float[capacity];
    private readonly int[] _ids = new int[capacity];

    public int Count { get; private set; }

    public int Capacity => capacity;

    /// <summary>The lowest kept score when full; -1 when there is room, so anything gets in.</summary>
    public float Cutoff => Count == capacity ? _scores[Count - 1] : -1f;

    /// <summary>Whether an offer would be kept: callers check this before any costlier test.</summary>
    public bool WouldKeep(float score, int id) => Count < capacity || Better(score, id, _scores[Count - 1], _ids[Count - 1]);

    public void Offer(float score, int id)
    {
        if (!WouldKeep(score, id))
            return;
        var at = Count == capacity ? Count - 1 : Count++;
        while (at > 0 && Better(score, id, _scores[at - 1], _ids[at - 1]))
        {
            _scores[at] = _scores[at - 1];
            _ids[at] = _ids[at - 1];
            at--;
        }
        _scores[at] = score;
        _ids[at] = id;
    }

    public void Clear() => Count = 0;

    public ReadOnlySpan<int> Ids => _ids.AsSpan(0, Count);

    public ReadOnlySpan<float> Scores => _scores.AsSpan(0, Count);

    private static bool Better(float score, int id, float otherScore, int otherId) => score > otherScore || (score == otherScore && id < otherId);
}
