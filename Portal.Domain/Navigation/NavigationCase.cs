namespace Portal.Domain.Navigation;

/// <summary>
/// One person's record with a talent hub: what they asked for, who helps them, where they are.
/// It exists only with their consent (<see cref="Start"/> refuses without it); while nobody has
/// taken it, it waits in the hub's shared queue.
/// </summary>
public sealed class NavigationCase
{
    public const int MaxHelpWithLength = 1000;
    public const int MaxContactDetailLength = 200;

    private NavigationCase()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>The navigator whose caseload it is on; null while it waits in the queue.</summary>
    public string? NavigatorId { get; private set; }

    public CaseStage Stage { get; private set; }

    /// <summary>In their own words: what they would like help with.</summary>
    public string HelpWith { get; private set; } = "";

    public ContactPreference ContactBy { get; private set; }

    /// <summary>A phone number for a call or a text; the account's email address is used for email.</summary>
    public string? Phone { get; private set; }

    /// <summary>When suits them ("weekday mornings", "after 3pm").</summary>
    public string? ContactTimes { get; private set; }

    public DateTime ConsentedAtUtc { get; private set; }
    public DateTime OpenedAtUtc { get; private set; }
    public DateTime? TakenAtUtc { get; private set; }

    /// <summary>The day of the latest contact note, kept here so the caseload can sort and show it.</summary>
    public DateOnly? LastContactOn { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }
    public CaseClosure? ClosedBecause { get; private set; }

    public bool IsOpen => Stage != CaseStage.Closed;

    /// <summary>Still on the hub's books: open, or closed by the navigator (a withdrawn consent hides it at once).</summary>
    public bool Visible => ClosedBecause != CaseClosure.ConsentWithdrawn;

    public bool InQueue => IsOpen && NavigatorId is null;

    /// <param name="consented">They agreed to the hub keeping their record; without it there is no record.</param>
    /// <param name="navigatorId">Set when a navigator added them: the case starts on that navigator's caseload.</param>
    public static NavigationCase Start(Guid organisationId, string userId, bool consented, string helpWith, ContactPreference contactBy, string? phone, string? contactTimes, DateTime utcNow, string? navigatorId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!consented)
            throw new InvalidOperationException("No record without consent.");
        if (Problem(helpWith, contactBy, phone, contactTimes) is { } problem)
            throw new ArgumentException(problem.Message, problem.Field);
        return new NavigationCase
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            UserId = userId,
            NavigatorId = string.IsNullOrEmpty(navigatorId) ? null : navigatorId,
            TakenAtUtc = string.IsNullOrEmpty(navigatorId) ? null : utcNow,
            Stage = CaseStage.New,
            HelpWith = helpWith.Trim(),
            ContactBy = contactBy,
            Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
            ContactTimes = string.IsNullOrWhiteSpace(contactTimes) ? null : contactTimes.Trim(),
            ConsentedAtUtc = utcNow,
            OpenedAtUtc = utcNow,
        };
    }

    /// <summary>What stops a request as typed, by field, or null when it can be made.</summary>
    public static (string Field, string Message)? Problem(string? helpWith, ContactPreference contactBy, string? phone, string? contactTimes)
    {
        if (string.IsNullOrWhiteSpace(helpWith))
            return ("HelpWith", "Say what you would like help with");
        if (helpWith.Trim().Length > MaxHelpWithLength)
            return ("HelpWith", $"Keep it to {MaxHelpWithLength} characters");
        if (contactBy != ContactPreference.Email && string.IsNullOrWhiteSpace(phone))
            return ("Phone", "Give a phone number to be called or texted, or choose email");
        var digits = phone?.Count(char.IsAsciiDigit) ?? 0;
        if (!string.IsNullOrWhiteSpace(phone) && (digits < 10 || digits > 13 || phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '(' or ')' or '-'))))
            return ("Phone", "Enter a phone number like 07700 900123");
        if (phone?.Trim().Length > MaxContactDetailLength || contactTimes?.Trim().Length > MaxContactDetailLength)
            return ("ContactTimes", $"Keep it to {MaxContactDetailLength} characters");
        return null;
    }

    /// <summary>A navigator takes it from the queue onto their caseload.</summary>
    public void Take(string navigatorId, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(navigatorId);
        if (!InQueue)
            throw new InvalidOperationException("Only a request still in the queue can be taken.");
        NavigatorId = navigatorId;
        TakenAtUtc = utcNow;
    }

    /// <summary>Moves to another stage; closing goes through <see cref="Close"/>.</summary>
    public void MoveTo(CaseStage stage, DateTime utcNow)
    {
        if (NavigatorId is null)
            throw new InvalidOperationException("Take the request before moving it on.");
        if (!CaseStages.CanMove(Stage, stage))
            throw new InvalidOperationException($"A case cannot move from {CaseStages.Name(Stage)} to {CaseStages.Name(stage)}.");
        if (stage == CaseStage.Closed)
            Close(utcNow);
        else
            Stage = stage;
    }

    /// <summary>The navigator closes it; it stays on the hub's books until the retention schedule removes it.</summary>
    public void Close(DateTime utcNow)
    {
        if (!IsOpen)
            throw new InvalidOperationException("This case is already closed.");
        Stage = CaseStage.Closed;
        ClosedAtUtc = utcNow;
        ClosedBecause = CaseClosure.Finished;
    }

    /// <summary>
    /// The person takes back their consent: closed at once, hidden from navigators, and erased by the
    /// next retention run. Works on a case already closed too (the record is still held until then).
    /// </summary>
    public void WithdrawConsent(DateTime utcNow)
    {
        if (ClosedBecause == CaseClosure.ConsentWithdrawn)
            throw new InvalidOperationException("Consent has already been withdrawn.");
        Stage = CaseStage.Closed;
        ClosedAtUtc = utcNow;
        ClosedBecause = CaseClosure.ConsentWithdrawn;
    }

    /// <summary>Hands the case to another navigator of the same hub (the caller checks they are one).</summary>
    public void Reassign(string navigatorId)
    {
        ArgumentException.ThrowIfNullOrEmpty(navigatorId);
        if (!IsOpen)
            throw new InvalidOperationException("A closed case is not handed over.");
        if (NavigatorId is null)
            throw new InvalidOperationException("Take the request from the queue first.");
        if (NavigatorId == navigatorId)
            throw new InvalidOperationException("The case is already theirs.");
        NavigatorId = navigatorId;
    }

    /// <summary>A note was corrected or removed: the latest contact is worked out again from the notes left.</summary>
    public void ContactsChanged(DateOnly? latest) => LastContactOn = latest;

    /// <summary>A contact on <paramref name="on"/>: the latest is what the caseload shows.</summary>
    public void Contacted(DateOnly on)
    {
        if (LastContactOn is null || on > LastContactOn)
            LastContactOn = on;
    }
}
