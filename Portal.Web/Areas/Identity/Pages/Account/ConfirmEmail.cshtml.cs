using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's page, which keeps its message in TempData (so "Thank you for confirming"
/// came back on a later page), offers no way on, and forgets where the person was going. Here the
/// message is part of this page only, and "Sign in" carries the return address from the email link.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<PortalUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code))
            return RedirectToPage("/Index", new { area = "" });
        var user = await users.FindByIdAsync(userId);
        if (user is not null)
        {
            try
            {
                var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
                Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
            }
            catch (FormatException)
            {
                // A link cut short in the email app: the same answer as any other bad link.
            }
        }
        return Page();
    }
}
