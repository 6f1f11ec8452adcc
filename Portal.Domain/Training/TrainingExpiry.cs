namespace Portal.Domain.Training;

/// <summary>
/// Expiry and status from completions. A completion never changes; what changes is today's date and
/// the interval that applies (an employer may change theirs, a person may change employer: see
/// <see cref="RefreshPolicy"/>), so both are inputs rather than stored results.
/// </summary>
public static class TrainingExpiry
{
    /// <summary>How close to expiry a completion counts as expiring soon.</summary>
    public static readonly TimeSpan ExpiringSoonWindow = TimeSpan.FromDays(30);

    /// <summary>When a completion runs out, or null when the module never needs doing again.</summary>
    public static DateTime? ExpiresAtUtc(DateTime completedAtUtc, int? refreshMonths) =>
        refreshMonths is { } months ? completedAtUtc.AddMonths(months) : null;

    /// <summary>
    /// When training recognised from a credential issued elsewhere runs out: the earlier of the
    /// credential's own end and the refresh interval from when it was achieved, so training from
    /// elsewhere is held to the same rule as training done here. Null: it never runs out.
    /// </summary>
    public static DateTime? RecognisedUntilUtc(DateTime achievedAtUtc, DateTime? credentialUntilUtc, int? refreshMonths) =>
        (credentialUntilUtc, ExpiresAtUtc(achievedAtUtc, refreshMonths)) switch
        {
            (null, var refreshed) => refreshed,
            (var until, null) => until,
            (var until, var refreshed) => until < refreshed ? until : refreshed,
        };

    /// <summary>Whether training in this status counts as held (for a route step, a vacancy): valid, or valid but due soon.</summary>
    public static bool CountsAsHeld(TrainingStatus status) => status is TrainingStatus.Valid or TrainingStatus.ExpiringSoon;

    /// <summary>Whether this status asks for a refresher now: expired, or expiring within the window.</summary>
    public static bool IsDue(TrainingStatus status) => status is TrainingStatus.Expired or TrainingStatus.ExpiringSoon;

    /// <summary>
    /// The status from the latest completion, if any. A refresher in progress does not hide that the
    /// last completion has expired: an inspector needs the truth, and the learner needs the nudge.
    /// </summary>
    public static TrainingStatus Status(DateTime? latestCompletionUtc, int? refreshMonths, bool inProgress, DateTime nowUtc)
    {
        if (latestCompletionUtc is not { } completed)
            return inProgress ? TrainingStatus.InProgress : TrainingStatus.NotStarted;
        if (ExpiresAtUtc(completed, refreshMonths) is not { } expires)
            return TrainingStatus.Valid;
        if (expires <= nowUtc)
            return TrainingStatus.Expired;
        return expires - nowUtc <= ExpiringSoonWindow ? TrainingStatus.ExpiringSoon : TrainingStatus.Valid;
    }
}
