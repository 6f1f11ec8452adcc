namespace Portal.Domain.Training.Offline;

/// <summary>
/// The answer the server gave to one thing a learner did on their phone without signal (a lesson read,
/// a quiz answered), keyed by the id the phone made for it. A phone that sends it again, because the
/// signal dropped before the answer arrived, finds this row and gets the same answer: nothing is
/// recorded twice.
/// </summary>
public sealed class OfflineReceipt
{
    public const int MaxMessageLength = 300;

    private OfflineReceipt()
    {
    }

    /// <summary>The phone's id for the item: a random UUID, unique across everyone.</summary>
    public Guid Key { get; private set; }

    public string UserId { get; private set; } = "";
    public string ModuleSlug { get; private set; } = "";
    public OfflineItemKind Kind { get; private set; }
    public OfflineOutcome Outcome { get; private set; }

    /// <summary>What the learner was told, said again on a repeat.</summary>
    public string Message { get; private set; } = "";

    /// <summary>The round a recorded pass completed, to find its completion again.</summary>
    public int? Round { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    public static OfflineReceipt For(Guid key, string userId, string moduleSlug, OfflineItemKind kind, OfflineOutcome outcome, string message, int? round, DateTime utcNow)
    {
        if (key == Guid.Empty)
            throw new ArgumentException("An offline item needs its own key.", nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(moduleSlug);
        ArgumentException.ThrowIfNullOrEmpty(message);
        if (moduleSlug.Length > ModuleProgress.MaxSlugLength)
            throw new ArgumentException("The module slug is too long.", nameof(moduleSlug));
        return new OfflineReceipt
        {
            Key = key,
            UserId = userId,
            ModuleSlug = moduleSlug,
            Kind = kind,
            Outcome = outcome,
            Message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message,
            Round = round,
            ReceivedAtUtc = utcNow,
        };
    }
}

public enum OfflineItemKind
{
    Lesson,
    Quiz,
}

/// <summary>What became of an offline item. Every outcome is final: the phone stops sending it.</summary>
public enum OfflineOutcome
{
    /// <summary>The lesson counts as read, or the pass is on the record.</summary>
    Recorded,

    /// <summary>This round was already passed (online, or by another item); the first result stands.</summary>
    AlreadyPassed,

    /// <summary>Marked, not passed; nothing recorded, as online.</summary>
    NotPassed,

    /// <summary>The module changed too long ago for the version they used to count; they do it again.</summary>
    Retake,

    /// <summary>Out of order, lessons unread, or not this quiz's answers; nothing recorded.</summary>
    Refused,
}
