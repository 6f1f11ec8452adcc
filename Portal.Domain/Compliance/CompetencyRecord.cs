namespace Portal.Domain.Compliance;

/// <summary>
/// Observed competency in a delegated healthcare activity, as an append-only log: a practitioner's
/// sign-off, or a revoke of one with its reason. Rows are never changed or removed, so who signed
/// what, when, against which checklist, and who withdrew it and why, can always be shown.
/// </summary>
public sealed class CompetencyRecord
{
    public const int MaxNoteLength = 2000;
    public const int MaxStepsLength = 8000;

    /// <summary>How far back an observation may be dated when it is recorded.</summary>
    public const int MaxDaysBack = 30;

    private CompetencyRecord()
    {
    }

    public long Id { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The worker whose competency this is.</summary>
    public string UserId { get; private set; } = "";

    public string CompetencySlug { get; private set; } = "";
    public CompetencyRecordKind Kind { get; private set; }

    /// <summary>For a sign-off: the version (hash) of the checklist observed against.</summary>
    public string? ChecklistVersion { get; private set; }

    /// <summary>For a sign-off: the steps observed, one per line, as the checklist read that day.</summary>
    public string? StepsObserved { get; private set; }

    /// <summary>For a sign-off, the practitioner's note; for a revoke, the reason.</summary>
    public string Note { get; private set; } = "";

    /// <summary>For a sign-off, the day of the observation; for a revoke, the day it was withdrawn.</summary>
    public DateOnly On { get; private set; }

    /// <summary>For a revoke: the sign-off withdrawn.</summary>
    public long? RevokesId { get; private set; }

    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>
    /// A practitioner's sign-off after observing every step. Throws on anything a form should have
    /// caught first (see <see cref="SignOffProblem"/>), so a bypassed form still records nothing.
    /// </summary>
    public static CompetencyRecord SignOff(Guid organisationId, string workerId, string competencySlug, string checklistVersion,
        IReadOnlyList<string> checklist, IReadOnlyCollection<int> stepsTicked, string? note, DateOnly observedOn, string practitionerId, DateTime utcNow, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(stepsTicked);
        ArgumentException.ThrowIfNullOrEmpty(competencySlug);
        ArgumentException.ThrowIfNullOrEmpty(checklistVersion);
        if (SignOffProblem(workerId, practitionerId, checklist.Count, stepsTicked, note, observedOn, utcNow, today) is { } problem)
            throw new ArgumentException(problem);
        var steps = string.Join('\n', checklist);
        if (steps.Length > MaxStepsLength)
            throw new ArgumentException("The checklist is too long to record.", nameof(checklist));
        return new CompetencyRecord
        {
            OrganisationId = organisationId,
            UserId = workerId,
            CompetencySlug = competencySlug,
            Kind = CompetencyRecordKind.SignedOff,
            ChecklistVersion = checklistVersion,
            StepsObserved = steps,
            Note = note?.Trim() ?? "",
            On = observedOn,
            RecordedBy = practitionerId,
            RecordedAtUtc = utcNow,
        };
    }

    /// <summary>What stops a sign-off, in words for the practitioner, or null when it may be recorded.</summary>
    /// <param name="today">Today where the observation happens (the UK, not UTC: just after midnight in summer they differ); defaults to the UTC date.</param>
    public static string? SignOffProblem(string workerId, string practitionerId, int checklistSteps, IReadOnlyCollection<int> stepsTicked,
        string? note, DateOnly observedOn, DateTime utcNow, DateOnly? today = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        ArgumentException.ThrowIfNullOrEmpty(practitionerId);
        ArgumentNullException.ThrowIfNull(stepsTicked);
        if (workerId == practitionerId)
            return "You cannot sign off your own competency: another practitioner must observe you";
        if (stepsTicked.Any(s => s < 0 || s >= checklistSteps) || stepsTicked.Distinct().Count() != stepsTicked.Count)
            return "The steps sent do not match this checklist. Reload the page and tick the steps again";
        if (stepsTicked.Count < checklistSteps)
            return $"Tick every step you observed: {checklistSteps - stepsTicked.Count} of {checklistSteps} are not ticked. If a step was not done safely, do not sign off";
        if (note is { Length: > MaxNoteLength })
            return $"Keep the note to {MaxNoteLength} characters";
        var localToday = today ?? DateOnly.FromDateTime(utcNow);
        if (observedOn > localToday)
            return "The date of the observation cannot be in the future";
        if (observedOn < localToday.AddDays(-MaxDaysBack))
            return $"Record an observation within {MaxDaysBack} days of it; for an older one, observe again";
        return null;
    }

    /// <summary>Withdraws a sign-off, with the reason, as a new row.</summary>
    public static CompetencyRecord Revoke(CompetencyRecord signOff, string reason, string revokedBy, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(signOff);
        ArgumentException.ThrowIfNullOrEmpty(revokedBy);
        if (signOff.Kind != CompetencyRecordKind.SignedOff)
            throw new ArgumentException("Only a sign-off can be revoked.", nameof(signOff));
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("A revoke needs a reason.", nameof(reason));
        if (reason.Trim().Length > MaxNoteLength)
            throw new ArgumentException("The reason is too long.", nameof(reason));
        return new CompetencyRecord
        {
            OrganisationId = signOff.OrganisationId,
            UserId = signOff.UserId,
            CompetencySlug = signOff.CompetencySlug,
            Kind = CompetencyRecordKind.Revoked,
            Note = reason.Trim(),
            On = DateOnly.FromDateTime(utcNow),
            RevokesId = signOff.Id,
            RecordedBy = revokedBy,
            RecordedAtUtc = utcNow,
        };
    }
}
