using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;

namespace Portal.Infrastructure.Email;

/// <summary>MailKit over SMTP; one authenticated session per delivery batch.</summary>
internal sealed class SmtpMailGateway(IOptions<MailOptions> options) : IMailGateway
{
    public async Task<IMailConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = settings.SmtpSecurity switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUser))
                await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
            return new Connection(client, settings);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException
                                       or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            client.Dispose();
            throw new MailGatewayUnavailableException($"SMTP server {settings.SmtpHost}:{settings.SmtpPort} unavailable: {ex.Message}", ex);
        }
        catch (OperationCanceledException)
        {
            // A caller that gave up waiting (a shutdown, or the admin page's server check) must not leave the socket open.
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client, MailOptions settings) : IMailConnection
    {
        public async Task SendAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken)
        {
            using var message = MimeMessageFactory.Create(mail, messageId, settings);
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable || ex.ErrorCode == SmtpErrorCode.SenderNotAccepted)
            {
                // 421, or our own sender refused: the server or our account is the problem, not this message.
                throw new MailGatewayUnavailableException($"SMTP server refused service: {(int)ex.StatusCode} {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException)
            {
                throw new MailGatewayUnavailableException($"SMTP session lost: {ex.Message}", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                    await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException)
            {
                // Everything that mattered was already accepted by the server.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
