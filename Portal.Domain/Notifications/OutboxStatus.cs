namespace Portal.Domain.Notifications;

public enum OutboxStatus
{
    Pending,
    Sent,
    DeadLettered,

    /// <summary>An operator gave up on a dead letter: kept as a record, never sent, no longer needing attention.</summary>
    Discarded,
}
