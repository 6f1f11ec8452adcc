using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's page, which looks the address up and answers 404 for unknown ones:
/// a way to test which addresses have accounts. This page says the same thing to everyone.
/// </summary>
[AllowAnonymous]
public sealed class RegisterConfirmationModel : PageModel
{
    public string Email { get; private set; } = "";

    public void OnGet(string? email = null) => Email = email ?? "";
}
