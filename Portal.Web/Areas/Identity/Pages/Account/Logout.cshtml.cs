using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's sign-out page, which answered a return URL on another site with a 500
/// (its local-only redirect throws). Signing out ends this session on the server too, so a copy
/// of the cookie opens nothing afterwards.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PortalUser> signInManager) : PageModel
{
    /// <summary>Arrived from "sign out everywhere" or from ending this session on the sessions page.</summary>
    public bool Ended { get; private set; }

    public void OnGet(bool ended = false) => Ended = ended;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        await signInManager.SignOutAsync();
        return !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl)
            ? LocalRedirect(returnUrl)
            : RedirectToPage("/Index", new { area = "" });
    }
}
