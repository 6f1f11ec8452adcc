namespace Portal.Domain.Notifications;

public interface IMailConnection : IAsyncDisposable
{
    /// <param name="messageId">Stable per outbox row, so a receiver can spot a resend after a crash.</param>
    Task SendAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken);
}
