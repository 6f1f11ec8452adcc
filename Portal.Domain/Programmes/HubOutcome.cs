namespace Portal.Domain.Programmes;

/// <summary>What happened for a person the hub supported, counted once each.</summary>
public enum OutcomeKind
{
    ProgrammeCompleted,
    Interview,
    Offer,
    StartedWork,
    StillInWork13Weeks,
    StillInWork26Weeks,
    StillInWork52Weeks,
    LeftWork,
}

/// <summary>
/// One outcome for one person, credited to one navigator organisation and, where it came from a
/// programme, the cohort. The store holds it unique per person, organisation, kind and cohort
/// (<see cref="Guid.Empty"/> when there is none), so a retry, a double click or the portal and a
/// navigator recording the same job cannot count it twice.
/// </summary>
public sealed class HubOutcome
{
    public const int MaxEmployerLength = 160;

    /// <summary>Who recorded an outcome the portal saw for itself (a hire on the portal, an answered check-in).</summary>
    public const string RecordedByPortal = "portal";

    private HubOutcome()
    {
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public Guid OrganisationId { get; private set; }
    public Guid CohortId { get; private set; }
    public OutcomeKind Kind { get; private set; }
    public string? Employer { get; private set; }
    public DateOnly On { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>Outcomes about a job name its employer, so the hub can see where people went.</summary>
    public static bool NeedsEmployer(OutcomeKind kind) => kind is OutcomeKind.Interview or OutcomeKind.Offer or OutcomeKind.StartedWork;

    public static OutcomeKind StillInWorkAt(int weeks) => weeks switch
    {
        13 => OutcomeKind.StillInWork13Weeks,
        26 => OutcomeKind.StillInWork26Weeks,
        52 => OutcomeKind.StillInWork52Weeks,
        _ => throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "Check-ins are at 13, 26 and 52 weeks."),
    };

    public static HubOutcome Record(string userId, Guid organisationId, Guid? cohortId, OutcomeKind kind, string? employer, DateOnly on, string recordedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(recordedBy);
        employer = string.IsNullOrWhiteSpace(employer) ? null : employer.Trim();
        if (NeedsEmployer(kind) && employer is null)
            throw new ProgrammeRuleException("Name the employer");
        if (employer is { Length: > MaxEmployerLength })
            throw new ProgrammeRuleException($"The employer's name is at most {MaxEmployerLength} characters");
        if (kind == OutcomeKind.ProgrammeCompleted && cohortId is null)
            throw new ProgrammeRuleException("Completing a programme belongs to a cohort");
        return new HubOutcome
        {
            UserId = userId, OrganisationId = organisationId, CohortId = cohortId ?? Guid.Empty, Kind = kind, Employer = employer, On = on,
            RecordedBy = recordedBy, RecordedAtUtc = utcNow,
        };
    }
}
