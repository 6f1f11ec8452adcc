using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Where a signed-in person is sent when a page needs two factors and this session used one: they
/// give the second factor here (a code from their authenticator app, or one of their passkeys) and
/// carry on, or, with none set up yet, are told how to set one up. Wrong codes count towards
/// lockout, as they do at sign-in.
/// </summary>
[Authorize]
public sealed class StepUpModel(UserManager<PortalUser> users, PortalSignInManager signIn, ILogger<StepUpModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public PasskeyInput Passkey { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    /// <summary>An authenticator app is set up and turned on, so a code can be asked for.</summary>
    public bool HasAuthenticator { get; private set; }

    public bool HasPasskey { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code is 6 digits")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        if (User.SignedInWithTwoFactors())
            return LocalRedirect(ReturnUrl);
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        await LoadAsync(user);
        if (!HasAuthenticator || !ModelState.IsValid)
            return Page();
        if (await users.IsLockedOutAsync(user))
            return await LockedOutAsync();

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
                return await LockedOutAsync();
            ModelState.AddModelError("Input.Code", "That code is not right. Check the app shows this account and type the code it shows now.");
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.UpgradeToTwoFactorsAsync(user, "otp");
        logger.LogInformation("Session confirmed with an authenticator code");
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>Options for this person's own passkeys only: they are signed in, so naming them tells nobody anything.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        return Content(await signIn.MakePasskeyRequestOptionsAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync(string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        await LoadAsync(user);
        // The code field belongs to the other form on this page.
        ModelState.Clear();
        if (string.IsNullOrEmpty(Passkey.CredentialJson) || Passkey.CredentialJson.Length > 20_000)
        {
            ModelState.AddModelError(string.Empty, Passkey.Problem("Using your passkey"));
            return Page();
        }

        var assertion = await signIn.AssertPasskeyAsync(Passkey.CredentialJson);
        // A passkey of another account proves nothing about this session's person.
        if (assertion is not { Succeeded: true, User: { } owner, Passkey: { } passkey } || owner.Id != user.Id
            || !(await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded)
        {
            ModelState.AddModelError(string.Empty, Passkey.Problem("Using your passkey"));
            return Page();
        }

        await signIn.UpgradeToTwoFactorsAsync(user, PortalSignInManager.PasskeyMethods(passkey));
        logger.LogInformation("Session confirmed with a passkey");
        return LocalRedirect(ReturnUrl);
    }

    private async Task LoadAsync(PortalUser user)
    {
        HasAuthenticator = user.TwoFactorEnabled && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));
        HasPasskey = (await users.GetPasskeysAsync(user)).Count > 0;
    }

    private async Task<IActionResult> LockedOutAsync()
    {
        logger.LogWarning("Account locked out after repeated wrong codes at step-up");
        await signIn.SignOutAsync();
        return RedirectToPage("./Lockout");
    }
}
