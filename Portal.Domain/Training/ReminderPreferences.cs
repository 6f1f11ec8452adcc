namespace Portal.Domain.Training;

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
