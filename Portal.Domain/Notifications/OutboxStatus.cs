namespace Portal.Domain.Notifications;

public enum OutboxStatus
{
    Pending,
    Sent,
    DeadLettered,
}
