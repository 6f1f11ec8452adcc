namespace Portal.Domain.Training;

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
