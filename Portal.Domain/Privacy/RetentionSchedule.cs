namespace Portal.Domain.Privacy;

/// <summary>
/// How long the portal keeps what it no longer needs (decision 0036): each rule is a cut-off worked
/// out from the time of the run, so a run that is repeated or killed part-way removes the same rows
/// the next time and never more.
/// </summary>
/// <param name="UnconfirmedAccountDays">An account whose email address was never confirmed.</param>
/// <param name="ApplicationMonthsAfterClosing">Applications, counted from the vacancy's closing date.</param>
/// <param name="MailMonths">The email log (sent or discarded mail; bodies go when a message is sent).</param>
/// <param name="AuditMonths">The audit log.</param>
/// <param name="KeptEvidenceMonths">Pseudonymised training evidence kept for employers after an erasure.</param>
public sealed record RetentionSchedule(int UnconfirmedAccountDays, int ApplicationMonthsAfterClosing, int MailMonths, int AuditMonths, int KeptEvidenceMonths)
{
    public static RetentionSchedule Default { get; } = new(7, 6, 12, 12, 36);

    /// <summary>
    /// Days a talent hub's record is kept after the person withdrew consent: nobody sees it from the
    /// moment they withdraw, and 0 erases it at the next run.
    /// </summary>
    public int WithdrawnCaseDays { get; init; }

    /// <summary>Months a case the navigator closed is kept, for follow-up and the hub's own reporting.</summary>
    public int ClosedCaseMonths { get; init; } = 24;

    /// <summary>
    /// Days the answer to a phone's offline sync is kept, so a retry of the same item gets the same
    /// answer. Longer than a phone plausibly stays offline; after it, a late retry of a quiz already
    /// recorded is told the module is passed, never recorded twice (a round has one completion).
    /// </summary>
    public int OfflineReceiptDays { get; init; } = 90;

    /// <summary>
    /// Days the record of a finished or abandoned sharded match run is kept (its shards' timings,
    /// who worked them, and any working rows an abandoned run left), for looking into a slow or
    /// failed night. The latest finished run is kept whatever its age.
    /// </summary>
    public int MatchRunDays { get; init; } = 14;

    /// <summary>Sharded match runs that finished before this are removed, with their working rows.</summary>
    public DateTime MatchRunsFinishedBefore(DateTime utcNow) => Utc(utcNow).AddDays(-MatchRunDays);

    /// <summary>Offline sync answers received before this are removed.</summary>
    public DateTime OfflineReceiptsBefore(DateTime utcNow) => Utc(utcNow).AddDays(-OfflineReceiptDays);

    /// <summary>Cases whose consent was withdrawn before this are erased with their plan and notes.</summary>
    public DateTime WithdrawnCasesBefore(DateTime utcNow) => Utc(utcNow).AddDays(-WithdrawnCaseDays);

    /// <summary>Cases closed by a navigator before this are erased with their plan and notes.</summary>
    public DateTime ClosedCasesBefore(DateTime utcNow) => Utc(utcNow).AddMonths(-ClosedCaseMonths);

    /// <summary>Unconfirmed accounts made before this are erased.</summary>
    public DateTime UnconfirmedAccountsCreatedBefore(DateTime utcNow) => Utc(utcNow).AddDays(-UnconfirmedAccountDays);

    /// <summary>Applications to vacancies that closed before this day are removed, with their history.</summary>
    public DateOnly ApplicationsOfVacanciesClosedBefore(DateOnly today) => today.AddMonths(-ApplicationMonthsAfterClosing);

    /// <summary>Sent and discarded mail made before this is removed; mail still to send or needing attention stays.</summary>
    public DateTime MailCreatedBefore(DateTime utcNow) => Utc(utcNow).AddMonths(-MailMonths);

    /// <summary>Audit events before this are removed.</summary>
    public DateTime AuditEventsBefore(DateTime utcNow) => Utc(utcNow).AddMonths(-AuditMonths);

    /// <summary>Until when training evidence kept at an erasure is kept.</summary>
    public DateTime KeepEvidenceUntil(DateTime erasedUtc) => Utc(erasedUtc).AddMonths(KeptEvidenceMonths);

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("The time must be UTC.", nameof(value));
}
