using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's second-step page. It has no "remember this machine": a remembered
/// browser signs in with the password alone, which the pages that need two factors would then
/// refuse. A passkey can be used instead of the code. In Development, a demo account's page shows
/// its current code, so the demo can be tried without an authenticator app.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<PortalUser> signInManager, IHostEnvironment environment, TimeProvider time, ILogger<LoginWith2faModel> logger)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    /// <summary>Development only, for a demo account still on the demo key: the code its authenticator shows now.</summary>
    public string? DemoCode { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code is 6 digits")]
        [Display(Name = "Authenticator code")]
        public string TwoFactorCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToPage("./Login", new { ReturnUrl });
        await ShowDemoCodeAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool rememberMe, string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        // The password step was more than five minutes ago, or never happened in this browser.
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToPage("./Login", new { ReturnUrl });
        if (!ModelState.IsValid)
        {
            await ShowDemoCodeAsync(user);
            return Page();
        }

        var code = Input.TwoFactorCode.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, rememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in with an authenticator code");
            return LocalRedirect(ReturnUrl);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Account locked out after repeated wrong authenticator codes");
            return RedirectToPage("./Lockout");
        }

        ModelState.AddModelError("Input.TwoFactorCode", "That code is not right. Check the app shows this account and type the code it shows now.");
        await ShowDemoCodeAsync(user);
        return Page();
    }

    private async Task ShowDemoCodeAsync(PortalUser user)
    {
        if (environment.IsDevelopment() && await signInManager.UserManager.GetAuthenticatorKeyAsync(user) == DemoAuthenticator.Key
            && DemoAccounts.All.Any(a => string.Equals(a.Email, user.Email, StringComparison.OrdinalIgnoreCase)))
            DemoCode = DemoAuthenticator.CodeAt(time.GetUtcNow());
    }
}
