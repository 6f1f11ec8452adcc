using MimeKit;
using Portal.Domain.Notifications;

namespace Portal.Infrastructure.Email;

internal static class MimeMessageFactory
{
    public static MimeMessage Create(OutgoingMail mail, string messageId, MailOptions options)
    {
        var message = new MimeMessage
        {
            MessageId = messageId,
            Subject = mail.Subject,
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
