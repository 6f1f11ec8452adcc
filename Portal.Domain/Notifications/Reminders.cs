using Portal.Domain.Training;

namespace Portal.Domain.Notifications;

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
}

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
