namespace Portal.Domain.Talent;

/// <summary>
/// A person's application to a vacancy, moved along the recruiter's pipeline. The allowed moves are
/// fixed here; every move is stamped with who made it and when, and kept as history.
/// </summary>
public sealed class Application
{
    public const int MaxNoteLength = 1000;

    private readonly List<ApplicationEvent> _history = [];

    private Application()
    {
    }

    public Guid Id { get; private set; }
    public Guid VacancyId { get; private set; }
    public string UserId { get; private set; } = "";
    public string? Note { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTime SubmittedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<ApplicationEvent> History => _history;

    public bool IsFinished => Status is ApplicationStatus.Hired or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn;

    public static Application Submit(Guid vacancyId, string userId, string? note, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (note is { Length: > MaxNoteLength })
            throw new ArgumentException("The note is too long.", nameof(note));
        var application = new Application
        {
            Id = Guid.NewGuid(),
            VacancyId = vacancyId,
            UserId = userId,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Status = ApplicationStatus.Submitted,
            SubmittedAtUtc = utcNow,
            UpdatedAtUtc = utcNow,
        };
        application._history.Add(ApplicationEvent.For(application.Id, ApplicationStatus.Submitted, userId, utcNow));
        return application;
    }

    /// <summary>Where a recruiter may move an application from its current status.</summary>
    public IReadOnlyList<ApplicationStatus> RecruiterMoves() => Status switch
    {
        ApplicationStatus.Submitted => [ApplicationStatus.Shortlisted, ApplicationStatus.Rejected],
        ApplicationStatus.Shortlisted => [ApplicationStatus.Interview, ApplicationStatus.Rejected],
        ApplicationStatus.Interview => [ApplicationStatus.Offer, ApplicationStatus.Rejected],
        ApplicationStatus.Offer => [ApplicationStatus.Hired, ApplicationStatus.Rejected],
        _ => [],
    };

    /// <exception cref="ApplicationRuleException">The move is not allowed from the current status.</exception>
    public void MoveTo(ApplicationStatus status, string recruiterId, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(recruiterId);
        if (!RecruiterMoves().Contains(status))
            throw new ApplicationRuleException($"An application that is {Status.ToString().ToLowerInvariant()} cannot move to {status.ToString().ToLowerInvariant()}");
        Change(status, recruiterId, utcNow);
    }

    /// <summary>The applicant takes it back; allowed until it is finished.</summary>
    public void Withdraw(DateTime utcNow)
    {
        if (IsFinished)
            throw new ApplicationRuleException($"This application is already {Status.ToString().ToLowerInvariant()}");
        Change(ApplicationStatus.Withdrawn, UserId, utcNow);
    }

    /// <summary>
    /// The applicant applies again after withdrawing. The same application goes back to Submitted
    /// so its history keeps the withdrawal; whether the vacancy is still open is the caller's check.
    /// </summary>
    /// <exception cref="ApplicationRuleException">The application was not withdrawn.</exception>
    public void Reapply(string? note, DateTime utcNow)
    {
        if (Status != ApplicationStatus.Withdrawn)
            throw new ApplicationRuleException($"This application is {Status.ToString().ToLowerInvariant()}, not withdrawn");
        if (note is { Length: > MaxNoteLength })
            throw new ArgumentException("The note is too long.", nameof(note));
        if (!string.IsNullOrWhiteSpace(note))
            Note = note.Trim();
        SubmittedAtUtc = utcNow;
        Change(ApplicationStatus.Submitted, UserId, utcNow);
    }

    private void Change(ApplicationStatus status, string by, DateTime utcNow)
    {
        Status = status;
        UpdatedAtUtc = utcNow;
        _history.Add(ApplicationEvent.For(Id, status, by, utcNow));
    }
}
