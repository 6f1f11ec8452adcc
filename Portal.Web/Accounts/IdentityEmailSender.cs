using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity.UI.Services;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;

namespace Portal.Web.Accounts;

/// <summary>
/// Identity's account emails (confirm, reset, change address) take the same path as all other mail:
/// into the outbox, delivered by the job.
/// </summary>
internal sealed partial class IdentityEmailSender(Outbox outbox, PortalDbContext db) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        outbox.Enqueue(new OutgoingMail(email, subject, ToPlainText(htmlMessage), htmlMessage), kind: MailKind.Account);
        await db.SaveChangesAsync();
    }

    /// <summary>Identity writes one-line HTML with a link; mail clients that show text need the address spelled out.</summary>
    internal static string ToPlainText(string html)
    {
        var withLinks = AnchorRegex().Replace(html, m => $"{m.Groups["text"].Value} ({WebUtility.HtmlDecode(m.Groups["href"].Value)})");
        var withoutTags = TagRegex().Replace(withLinks, "");
        return WebUtility.HtmlDecode(withoutTags).Trim();
    }

    [GeneratedRegex("""<a\s[^>]*href\s*=\s*['"](?<href>[^'"]*)['"][^>]*>(?<text>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AnchorRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();
}
