namespace Portal.Domain.Training;

/// <summary>What each person should be reminded of, from their training alone: pure, so the clock is an input.</summary>
public static class ReminderRules
{
    public static readonly TimeSpan StalledAfter = TimeSpan.FromDays(7);

    /// <summary>How long required training may be missing or run out before the person and their manager are told.</summary>
    public static readonly TimeSpan RequiredOverdueAfter = TimeSpan.FromDays(14);

    /// <summary>
    /// Required modules not held 14 days after they were due: when the completion ran out, or, never
    /// done, when the person started in the job. The due date keys the reminder, so each lapse is told once.
    /// </summary>
    public static IReadOnlyList<DueReminder> RequiredOverdue(IEnumerable<RequiredModule> required, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(required);
        var due = new List<DueReminder>();
        foreach (var module in required)
        {
            // Training the employer recognised counts as the matrix counts it.
            DateTime? recognisedEnd = null;
            if (module.Recognised is { } recognised)
            {
                var end = TrainingExpiry.RecognisedUntilUtc(recognised.FromUtc, recognised.UntilUtc, module.RefreshMonths);
                if (end is null || end > nowUtc)
                    continue;
                recognisedEnd = end;
            }
            DateTime dueAt;
            if (module.LatestCompletionUtc is { } completed)
            {
                // Done and never needing a refresher, or still in date: held.
                if (TrainingExpiry.ExpiresAtUtc(completed, module.RefreshMonths) is not { } expires || expires > nowUtc)
                    continue;
                // Ran out before they joined: due from the day they joined.
                var lapsed = recognisedEnd > expires ? recognisedEnd.Value : expires;
                dueAt = lapsed > module.RequiredSinceUtc ? lapsed : module.RequiredSinceUtc;
            }
            else
            {
                dueAt = recognisedEnd > module.RequiredSinceUtc ? recognisedEnd.Value : module.RequiredSinceUtc;
            }
            if (nowUtc - dueAt >= RequiredOverdueAfter)
                due.Add(new(module.ModuleSlug, ReminderKind.RequiredOverdue, DateOnly.FromDateTime(dueAt)));
        }
        return due;
    }

    /// <summary>
    /// The reminders due now: for each module at most one expiry reminder (the most urgent that
    /// applies) and, for a round in progress, "stalled" once it has been untouched for 7 days.
    /// </summary>
    public static IReadOnlyList<DueReminder> Due(IEnumerable<ModuleStanding> modules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var due = new List<DueReminder>();
        foreach (var module in modules)
        {
            if (module.LatestCompletionUtc is { } completed && TrainingExpiry.ExpiresAtUtc(completed, module.RefreshMonths) is { } expires)
            {
                var left = expires - nowUtc;
                var day = DateOnly.FromDateTime(expires);
                if (left <= TimeSpan.Zero)
                    due.Add(new(module.ModuleSlug, ReminderKind.Expired, day));
                else if (left <= TimeSpan.FromDays(7))
                    due.Add(new(module.ModuleSlug, ReminderKind.ExpiresWithin7Days, day));
                else if (left <= TrainingExpiry.ExpiringSoonWindow)
                    due.Add(new(module.ModuleSlug, ReminderKind.ExpiresWithin30Days, day));
            }
            if (module.InProgressSinceUtc is { } touched && nowUtc - touched >= StalledAfter)
                due.Add(new(module.ModuleSlug, ReminderKind.Stalled, DateOnly.FromDateTime(touched + StalledAfter)));
        }
        return due;
    }
}
