using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Passport;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Manage;

/// <summary>
/// A manager takes a new starter's training passport (a share link, the credential text, or a badge
/// image): first what was found and what each would count as, then, on confirm, the recognition.
/// Only for staff of an organisation they manage (anyone else's id is not found).
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class RecogniseModel(RecognitionService recognitions) : PageModel
{
    private const int MaxRequestBytes = 4 * 1024 * 1024;

    [BindProperty]
    public PassportInput Input { get; set; } = new();

    [BindProperty]
    public ConfirmInput Confirm { get; set; } = new();

    public RecognitionStaff Staff { get; private set; } = null!;

    /// <summary>What the last check found; null before anything was checked.</summary>
    public IReadOnlyList<FoundCredential>? Found { get; private set; }

    public sealed class PassportInput
    {
        public string? ShareLink { get; set; }

        public string? Jws { get; set; }

        public IFormFile? Badge { get; set; }
    }

    public sealed class ConfirmInput
    {
        public List<string> Credentials { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await recognitions.StaffAsync(User.RequiredId(), id, cancellationToken) is not { } staff)
            return NotFound();
        Staff = staff;
        return Page();
    }

    /// <summary>Checks what was given and shows it; nothing is stored, so there is nothing to redirect to.</summary>
    public async Task<IActionResult> OnPostCheckAsync(long id, CancellationToken cancellationToken)
    {
        byte[]? badge = null;
        if (Input.Badge is { Length: > 0 } file)
        {
            if (file.Length > Verify.IndexModel.MaxBadgeBytes)
            {
                ModelState.AddModelError("Input.Badge", "That file is too large to be a badge image (the limit is 1 MB). Upload the badge image from their passport");
                return await OnGetAsync(id, cancellationToken);
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            badge = buffer.ToArray();
        }
        var result = await recognitions.FindAsync(User.RequiredId(), id, Input.ShareLink, Input.Jws, badge, cancellationToken);
        return await this.AnswerAsync(result, findings =>
        {
            Staff = findings.Staff;
            Found = findings.Credentials;
            return Page();
        }, () => OnGetAsync(id, cancellationToken));
    }

    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken cancellationToken)
    {
        var result = await recognitions.RecogniseAsync(User.RequiredId(), id, Confirm.Credentials, cancellationToken);
        return await this.AnswerAsync(result, count =>
        {
            TempData["StatusMessage"] = count switch
            {
                0 => "That training was already recognised.",
                1 => "Recognised: it now counts towards their required training while it is valid.",
                _ => $"Recognised {count} credentials: they now count towards their required training while they are valid.",
            };
            return RedirectToPage("/Manage/Staff", new { id });
        }, () => OnGetAsync(id, cancellationToken));
    }
}
