using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;

namespace Portal.Infrastructure.Email;

/// <summary>Development default: each message becomes an .eml file anyone can open in a mail client.</summary>
internal sealed class PickupDirectoryMailGateway(IOptions<MailOptions> options, IHostEnvironment environment) : IMailGateway
{
    public Task<IMailConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));
        Directory.CreateDirectory(directory);
        return Task.FromResult<IMailConnection>(new Connection(directory, options.Value));
    }

    private sealed class Connection(string directory, MailOptions settings) : IMailConnection
    {
        public async Task SendAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken)
        {
            using var message = MimeMessageFactory.Create(mail, messageId, settings);
            var name = SafeName(messageId) + ".eml";
            var temp = Path.Combine(directory, name + ".tmp");
            await message.WriteToAsync(temp, cancellationToken);
            // Rename so a reader never sees half a message; overwrite so a resend after a crash leaves one file.
            File.Move(temp, Path.Combine(directory, name), overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static string SafeName(string messageId) =>
            string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
    }
}
