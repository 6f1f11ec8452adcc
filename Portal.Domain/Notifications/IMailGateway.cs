namespace Portal.Domain.Notifications;

/// <summary>
/// The port through which mail leaves the portal. A connection is opened once per delivery batch
/// so a run can send many messages over one SMTP session.
/// Deliberately not called IEmailSender: ASP.NET Core Identity already owns that name.
/// </summary>
public interface IMailGateway
{
    Task<IMailConnection> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailConnection : IAsyncDisposable
{
    /// <param name="messageId">Stable per outbox row, so a receiver can spot a resend after a crash.</param>
    Task SendAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken);
}

/// <summary>The server could not be reached or refused the session: no message is to blame.</summary>
public sealed class MailGatewayUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
