using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Passport;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Passport;

/// <summary>
/// The holder's passport: every credential they hold, current and expired, each as a .jwt, a baked
/// badge image and a public link with its QR code; and share links for a chosen set. Anyone else's
/// credential or share id is not found.
/// </summary>
public sealed class IndexModel(ContentStore content, PassportService passport, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ShareInput Input { get; set; } = new();

    public IReadOnlyList<PassportEntry> Credentials { get; private set; } = [];

    public IReadOnlyList<PassportShareEntry> Shares { get; private set; } = [];

    /// <summary>A link just made: shown once, because only its hash is kept.</summary>
    [TempData]
    public string? NewShareToken { get; set; }

    public DateOnly Today { get; private set; }

    public sealed class ShareInput
    {
        public List<Guid> Credentials { get; set; } = [];

        [Display(Name = "Last day the link works")]
        public DateOnly? LastDay { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Issued here, on first sight, so achievements from before the passport existed are in it too.
        await passport.IssueDueAsync(User.RequiredId(), content.Current, cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Today = Infrastructure.UkTime.Today(clock.GetUtcNow().UtcDateTime);
        Input.LastDay ??= Today.AddDays(30);
        Credentials = await passport.HeldAsync(User.RequiredId(), cancellationToken);
        Shares = await passport.SharesAsync(User.RequiredId(), cancellationToken);
        return Page();
    }

    /// <summary>The compact JWS as text, the file form OB 3.0 section 5.1 names (.jwt, text/plain).</summary>
    public async Task<IActionResult> OnGetJwtAsync(Guid id, CancellationToken cancellationToken) =>
        await passport.OwnJwsAsync(User.RequiredId(), id, cancellationToken) is { } jws
            ? File(System.Text.Encoding.UTF8.GetBytes(jws), "text/plain", await FileNameAsync(id, "jwt", cancellationToken))
            : NotFound();

    /// <summary>The badge image with the credential baked in.</summary>
    public async Task<IActionResult> OnGetPngAsync(Guid id, CancellationToken cancellationToken) =>
        await passport.OwnJwsAsync(User.RequiredId(), id, cancellationToken) is { } jws
            ? File(BakedPng.Bake(BakedPng.BadgeImage(), jws), "image/png", await FileNameAsync(id, "png", cancellationToken))
            : NotFound();

    private async Task<string> FileNameAsync(Guid id, string extension, CancellationToken cancellationToken) =>
        await passport.PublicAsync(id, cancellationToken) is { } entry ? PassportText.FileName(entry, extension) : $"credential.{extension}";

    public async Task<IActionResult> OnPostShareAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await ShowAsync(cancellationToken);
        var result = await passport.ShareAsync(User.RequiredId(), Input.Credentials, Input.LastDay, cancellationToken);
        return await this.AnswerAsync(result, token =>
        {
            NewShareToken = token;
            return RedirectToPage();
        }, () => ShowAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid share, CancellationToken cancellationToken)
    {
        var result = await passport.WithdrawShareAsync(User.RequiredId(), share, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "That link no longer works.";
            return RedirectToPage();
        });
    }
}
