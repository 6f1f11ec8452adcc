using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's page, which keeps its message in TempData (so "Thank you for confirming"
/// came back on a later page), offers no way on, and forgets where the person was going. Here the
/// message is part of this page only, "Sign in" carries the return address from the email link, and
/// the link works once.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(AccountRegistration registration) : PageModel
{
    public bool Confirmed { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code))
            return RedirectToPage("/Index", new { area = "" });
        Confirmed = await registration.ConfirmEmailAsync(userId, code);
        return Page();
    }
}
