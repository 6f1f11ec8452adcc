namespace Portal.Domain.Training;

public enum ReminderKind
{
    /// <summary>A completion runs out within 30 days.</summary>
    ExpiresWithin30Days,

    /// <summary>A completion runs out within 7 days.</summary>
    ExpiresWithin7Days,

    /// <summary>A completion has run out.</summary>
    Expired,

    /// <summary>A module started and left untouched for 7 days.</summary>
    Stalled,

    /// <summary>Training an employer requires for the person's job, not held for 14 days past when it was due; their manager hears too.</summary>
    RequiredOverdue,
}

/// <summary>
/// A module an employer requires of the person: their latest completion, if any, and since when it
/// has been required (the day they joined in that job).
/// </summary>
public sealed record RequiredModule(string ModuleSlug, DateTime? LatestCompletionUtc, int? RefreshMonths, DateTime RequiredSinceUtc);

/// <summary>One module as the reminder rules see it.</summary>
/// <param name="InProgressSinceUtc">When a round still in progress was last touched; null when none is.</param>
public sealed record ModuleStanding(string ModuleSlug, DateTime? LatestCompletionUtc, int? RefreshMonths, DateTime? InProgressSinceUtc);

/// <summary>
/// A reminder that is due. <see cref="DueOn"/> is the day it is about (the expiry date, or the day the
/// module became stalled): with the person, module and kind it is the key that makes it fire once.
/// </summary>
public sealed record DueReminder(string ModuleSlug, ReminderKind Kind, DateOnly DueOn);

/// <summary>What each person should be reminded of, from their training alone: pure, so the clock is an input.</summary>
public static class ReminderRules
{
    public static readonly TimeSpan StalledAfter = TimeSpan.FromDays(7);

    /// <summary>
    /// The reminders due now: for each module at most one expiry reminder (the most urgent that
    /// applies) and, for a round in progress, "stalled" once it has been untouched for 7 days.
    /// </summary>
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
            DateTime dueAt;
            if (module.LatestCompletionUtc is { } completed)
            {
                // Done and never needing a refresher, or still in date: held.
                if (TrainingExpiry.ExpiresAtUtc(completed, module.RefreshMonths) is not { } expires || expires > nowUtc)
                    continue;
                // Ran out before they joined: due from the day they joined.
                dueAt = expires > module.RequiredSinceUtc ? expires : module.RequiredSinceUtc;
            }
            else
            {
                dueAt = module.RequiredSinceUtc;
            }
            if (nowUtc - dueAt >= RequiredOverdueAfter)
                due.Add(new(module.ModuleSlug, ReminderKind.RequiredOverdue, DateOnly.FromDateTime(dueAt)));
        }
        return due;
    }

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

/// <summary>
/// What a person wants to be reminded of, and when not to be disturbed. Quiet hours are local time
/// (the portal's city: Europe/London); the default keeps reminders out of 21:00 to 07:00.
/// </summary>
public sealed class ReminderPreferences
{
    public static readonly TimeOnly DefaultQuietFrom = new(21, 0);
    public static readonly TimeOnly DefaultQuietUntil = new(7, 0);

    private ReminderPreferences()
    {
    }

    public string UserId { get; private set; } = "";
    public bool Expiring { get; private set; } = true;
    public bool Expired { get; private set; } = true;
    public bool Stalled { get; private set; } = true;
    public TimeOnly QuietFrom { get; private set; } = DefaultQuietFrom;
    public TimeOnly QuietUntil { get; private set; } = DefaultQuietUntil;
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The defaults, for someone who never changed them.</summary>
    public static ReminderPreferences Default(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return new ReminderPreferences { UserId = userId };
    }

    public void Change(bool expiring, bool expired, bool stalled, TimeOnly quietFrom, TimeOnly quietUntil, DateTime utcNow)
    {
        (Expiring, Expired, Stalled, QuietFrom, QuietUntil, UpdatedAtUtc) = (expiring, expired, stalled, quietFrom, quietUntil, utcNow);
    }

    public bool Wants(ReminderKind kind) => kind switch
    {
        ReminderKind.ExpiresWithin30Days or ReminderKind.ExpiresWithin7Days => Expiring,
        ReminderKind.Expired => Expired,
        // The employer requires it: not the person's to switch off.
        ReminderKind.RequiredOverdue => true,
        _ => Stalled,
    };

    /// <summary>Whether a local time falls in the quiet hours, which may run past midnight (21:00 to 07:00).</summary>
    public bool IsQuiet(TimeOnly localTime) =>
        QuietFrom == QuietUntil ? false
        : QuietFrom < QuietUntil ? localTime >= QuietFrom && localTime < QuietUntil
        : localTime >= QuietFrom || localTime < QuietUntil;
}

/// <summary>A reminder that was sent: the durable record that stops it being sent again.</summary>
public sealed class SentReminder
{
    private SentReminder()
    {
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string ModuleSlug { get; private set; } = "";
    public ReminderKind Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTime SentAtUtc { get; private set; }

    public static SentReminder For(string userId, DueReminder reminder, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(reminder);
        return new SentReminder { UserId = userId, ModuleSlug = reminder.ModuleSlug, Kind = reminder.Kind, DueOn = reminder.DueOn, SentAtUtc = utcNow };
    }
}
