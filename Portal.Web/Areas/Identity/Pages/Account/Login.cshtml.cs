using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's sign-in page, whose handler never counts failures towards lockout.
/// Here every wrong password counts, and every failure (no account, not confirmed, locked, wrong
/// password) gets the same answer after the same work, so the page cannot tell a stranger who has
/// an account. A passkey signs in without an email address or password, and counts as two factors.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(AccountPasswords passwords, SignInManager<PortalUser> signInManager, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public PasskeyInput Passkey { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        [DataType(DataType.Password)]
        [StringLength(200)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        if (!ModelState.IsValid)
            return Page();

        var result = await passwords.SignInAsync(Input.Email, Input.Password, Input.RememberMe,
            Url.Page("/Account/ForgotPassword", pageHandler: null, values: new { area = "Identity" }, protocol: Request.Scheme)!);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in");
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });

        ModelState.AddModelError(string.Empty, AccountPasswords.SignInRefused);
        return Page();
    }

    /// <summary>
    /// Options for any passkey of this site: never for a named account, whose list of passkeys
    /// would tell a stranger that the account exists.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signInManager.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync(string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        // The email and password fields belong to the other form on this page.
        ModelState.Clear();
        if (string.IsNullOrEmpty(Passkey.CredentialJson) || Passkey.CredentialJson.Length > 20_000)
        {
            ModelState.AddModelError(string.Empty, Passkey.Problem("Signing in with a passkey"));
            return Page();
        }

        var result = await signInManager.PasskeySignInAsync(Passkey.CredentialJson);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in with a passkey");
            return LocalRedirect(ReturnUrl);
        }

        ModelState.AddModelError(string.Empty, result.IsNotAllowed
            ? "We could not sign you in. If you have just created an account, confirm your email address first."
            : "We could not sign you in with that passkey. It may have been removed from your account. Use your email address and password instead.");
        return Page();
    }
}
