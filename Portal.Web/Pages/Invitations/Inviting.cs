using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisations;

namespace Portal.Web.Pages.Invitations;

/// <summary>What every page that sends an invitation shares: the link in the email, and what the sender is told.</summary>
internal static class Inviting
{
    /// <summary>The accept link an invitation email carries (absolute), for the token made with it.</summary>
    public static Func<string, string> AcceptLink(this PageModel page) =>
        token => page.Url.Page("/Invitations/Accept", pageHandler: null, values: new { token }, protocol: page.Request.Scheme)!;

    /// <summary>Sent: who it went to and how long it works, on the page the sender comes back to.</summary>
    public static IActionResult Sent(this PageModel page, string email, object? routeValues = null)
    {
        page.TempData["StatusMessage"] = $"Invitation sent to {email}. It works for {Invitation.LifeTime.Days} days.";
        return page.RedirectToPage(routeValues);
    }
}
