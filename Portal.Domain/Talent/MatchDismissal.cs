namespace Portal.Domain.Talent;

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
