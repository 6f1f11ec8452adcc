using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Email.Templates;

namespace Portal.Web.Accounts;

/// <summary>
/// Identity's account emails (confirm, reset, change address) in the portal's own words and layout,
/// taking the same path as all other mail: into the outbox, delivered by the job.
/// </summary>
public sealed partial class IdentityEmailSender(Outbox outbox, MailTemplates templates, PortalDbContext db) : IEmailSender<PortalUser>, IEmailSender
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        SendAsync(email, $"Confirm your email for the {templates.Site.PortalName}", new NoticeMail.Model(
            user?.DisplayName, "Confirm your email address",
            [$"Confirm this address to finish setting up your account on the {templates.Site.PortalName}."],
            new MailAction("Confirm your email address", confirmationLink),
            ["If you did not ask for an account, ignore this email: nothing happens until the address is confirmed."]));

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        SendAsync(email, $"Reset your password for the {templates.Site.PortalName}", new NoticeMail.Model(
            user?.DisplayName, "Reset your password",
            [$"Someone, hopefully you, asked to reset the password of your account on the {templates.Site.PortalName}."],
            new MailAction("Choose a new password", resetLink),
            ["If it was not you, ignore this email: your password stays as it is."]));

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        SendAsync(email, $"Reset your password for the {templates.Site.PortalName}", new NoticeMail.Model(
            user?.DisplayName, "Reset your password",
            [$"Your code to reset your password on the {templates.Site.PortalName} is {resetCode}.", "If it was not you, ignore this email: your password stays as it is."]));

    /// <summary>Identity's pages that still send their own HTML: put in the portal's layout, the link kept.</summary>
    public Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var link = AnchorRegex().Match(htmlMessage ?? "");
        var words = WebUtility.HtmlDecode(TagRegex().Replace(AnchorRegex().Replace(htmlMessage ?? "", m => m.Groups["text"].Value), "")).Trim();
        return SendAsync(email, $"{subject} for the {templates.Site.PortalName}", new NoticeMail.Model(
            null, subject, words.Length > 0 ? [words] : [],
            link.Success ? new MailAction(WebUtility.HtmlDecode(link.Groups["text"].Value), WebUtility.HtmlDecode(link.Groups["href"].Value)) : null));
    }

    /// <summary>To the owner of an address someone tried to register again: never says so on the page, only to them.</summary>
    public Task SendAccountExistsAsync(string email, string signInLink) =>
        SendAsync(email, $"You already have an account on the {templates.Site.PortalName}", new NoticeMail.Model(
            null, "You already have an account",
            ["Someone, hopefully you, tried to create an account with this email address. You already have one."],
            new MailAction("Sign in", signInLink),
            ["Use \"Forgotten your password?\" there if you need a new password. If it was not you, ignore this email."]));

    /// <summary>
    /// To the owner when wrong passwords lock their account. The sign-in page says only "we could not
    /// sign you in" to everyone, so that it cannot tell a stranger the account exists; the owner
    /// learns of the lock here.
    /// </summary>
    public Task SendLockedOutAsync(PortalUser user, int attempts, TimeSpan lockedFor, string resetLink)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SendAsync(user.Email!, $"Your account on the {templates.Site.PortalName} is locked for {(int)lockedFor.TotalMinutes} minutes", new NoticeMail.Model(
            user.DisplayName, "Your account is locked for now",
            [$"Someone typed a wrong password for your account {attempts} times in a row, so nobody can sign in to it for the next {(int)lockedFor.TotalMinutes} minutes, even with the right password."],
            new MailAction("Choose a new password", resetLink),
            ["If it was you, wait and try again, or choose a new password. If it was not you, choose a new password now: your account stays safe while it is locked."]));
    }

    private async Task SendAsync(string email, string subject, NoticeMail.Model content)
    {
        outbox.Enqueue(await templates.RenderAsync<NoticeMail>(email, subject, content), kind: MailKind.Account);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("""<a\s[^>]*href\s*=\s*['"](?<href>[^'"]*)['"][^>]*>(?<text>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AnchorRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();
}
