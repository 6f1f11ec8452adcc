using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// A person's passkeys: add one (the phone's screen lock then signs them in, and counts as two
/// factors), see them, remove one. Adding needs JavaScript and a browser that supports passkeys;
/// without either the page says so and everything else still works with a password.
/// </summary>
public sealed class PasskeysModel(UserManager<PortalUser> users, PortalSignInManager signIn, ILogger<PasskeysModel> logger) : PageModel
{
    /// <summary>Enough for a phone, a laptop and spares; a bound on what one account can store.</summary>
    public const int MaxPasskeys = 10;

    [BindProperty]
    public PasskeyInput Passkey { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Passkeys { get; private set; } = [];

    /// <param name="Id">The credential id, base64url, as the remove button posts it.</param>
    /// <param name="Synced">May be copied to the person's other devices (backup eligible).</param>
    public sealed record Row(string Id, string Name, DateTime AddedUtc, bool Synced);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        var email = await users.GetEmailAsync(user) ?? user.Id;
        return Content(await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = email,
            DisplayName = PortalUser.ShownName(user.DisplayName, email),
        }), "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        if (!ModelState.IsValid)
            return await PageAsync(user);
        if ((await users.GetPasskeysAsync(user)).Count >= MaxPasskeys)
            return await PageAsync(user, $"You have {MaxPasskeys} passkeys, the most an account can have. Remove one you no longer use first.");
        if (string.IsNullOrEmpty(Passkey.CredentialJson))
            return await PageAsync(user, Passkey.Problem("Adding a passkey"));

        var attestation = await AttestAsync(Passkey.CredentialJson);
        // Identity checks the answer against the ceremony this browser started, not that the ceremony was for this account.
        if (attestation is not { Succeeded: true, Passkey: { } passkey } || attestation.UserEntity?.Id != user.Id)
            return await PageAsync(user, Passkey.Problem("Adding a passkey"));
        passkey.Name = string.IsNullOrWhiteSpace(Passkey.Name) ? "Passkey" : Passkey.Name.Trim();
        var added = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!added.Succeeded)
            return await PageAsync(user, Passkey.Problem("Adding a passkey"));

        logger.LogInformation("User added a passkey");
        StatusMessage = $"Passkey \"{passkey.Name}\" added. Next time, choose \"Use a passkey\" on the sign-in page.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        var credentialId = Decode(id);
        if (credentialId is null || await users.GetPasskeyAsync(user, credentialId) is not { } passkey)
            return NotFound();

        var removed = await users.RemovePasskeyAsync(user, credentialId);
        if (!removed.Succeeded)
            return await PageAsync(user, "We could not remove that passkey. Try again.");
        // Removing renews the account's security stamp; keep this session, which the person is using.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User removed a passkey");
        StatusMessage = $"Passkey \"{passkey.Name ?? "Passkey"}\" removed. It can no longer sign you in.";
        return RedirectToPage();
    }

    private async Task<PasskeyAttestationResult?> AttestAsync(string credentialJson)
    {
        try
        {
            return await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No ceremony under way in this browser (never started, used already, or over five minutes old).
            return null;
        }
    }

    private async Task<PageResult> PageAsync(PortalUser user, string? problem = null)
    {
        if (problem is not null)
            ModelState.AddModelError(string.Empty, problem);
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(PortalUser user) =>
        Passkeys = [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new Row(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt.UtcDateTime, p.IsBackupEligible))];

    private static byte[]? Decode(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 2048)
            return null;
        try
        {
            return WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
