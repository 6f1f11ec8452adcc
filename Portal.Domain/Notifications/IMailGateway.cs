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
