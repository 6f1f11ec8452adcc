using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces Identity UI's page, which shows a developers' note about QR codes. On a phone a QR code
/// cannot be scanned by the phone showing it; an otpauth:// link opens the authenticator app directly.
/// </summary>
public sealed class EnableAuthenticatorModel(UserManager<PortalUser> users, ILogger<EnableAuthenticatorModel> logger) : PageModel
{
    private const string Issuer = "Health and Care Portal";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your app")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code is 6 digits")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "That code is not right. Check the app shows this account and type the code it shows now.");
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        logger.LogInformation("User turned on two-factor sign-in with an authenticator app");
        StatusMessage = "Two-factor sign-in is on.";
        if (await users.CountRecoveryCodesAsync(user) == 0)
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
            return RedirectToPage("./ShowRecoveryCodes");
        }

        return RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task LoadKeyAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = Group(key);
        var account = Uri.EscapeDataString(await users.GetEmailAsync(user) ?? "");
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{account}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
