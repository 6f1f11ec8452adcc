using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Passport;
using Portal.Infrastructure.Training;

namespace Portal.Web.Pages.Verify;

/// <summary>
/// Public check of a certificate by its code: confirms what the certificate says (name, module,
/// dates) or that no such certificate exists, and nothing else about the person. Also checks a
/// passport credential, pasted as text or uploaded as a badge image.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(ContentStore content, TrainingService training, PassportVerifier verifier) : PageModel
{
    /// <summary>A baked badge is tens of kilobytes; anything past this is refused with a message, before it is read.</summary>
    public const int MaxBadgeBytes = 1024 * 1024;

    private const int MaxRequestBytes = 4 * 1024 * 1024;

    [BindProperty]
    public CredentialInput Input { get; set; } = new();

    public CredentialCheck? Check { get; private set; }

    public sealed class CredentialInput
    {
        public string? Jws { get; set; }

        public IFormFile? Badge { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public Certificate? Certificate { get; private set; }

    public bool Checked { get; private set; }

    /// <summary>The public address that checks a certificate, as printed on it and put in a record's spreadsheet.</summary>
    public static string Link(PageModel page, string code)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Url.Page("/Verify/Index", pageHandler: null, values: new { code = TrainingService.FormatCode(code) }, protocol: page.Request.Scheme)!;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
            return Page();
        Checked = true;
        Certificate = await training.VerifyAsync(Code, content.Current, cancellationToken);
        if (Certificate is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>Checks a credential and says what was found; nothing is stored, so there is nothing to redirect to.</summary>
    public async Task<IActionResult> OnPostCredentialAsync(CancellationToken cancellationToken)
    {
        var text = Input.Jws;
        if (Input.Badge is { Length: > 0 } badge)
        {
            if (badge.Length > MaxBadgeBytes)
            {
                Check = CredentialCheck.Refused($"That file is too large to be a badge image (the limit is {MaxBadgeBytes / 1024 / 1024} MB). Upload the badge image from the passport, or paste the credential text.");
                return Page();
            }
            using var buffer = new MemoryStream();
            await badge.CopyToAsync(buffer, cancellationToken);
            var found = BakedPng.Extract(buffer.ToArray());
            if (found.Problem is { } problem)
            {
                Check = CredentialCheck.Refused(problem);
                return Page();
            }
            text = found.Text;
        }
        Check = await verifier.CheckAsync(text, cancellationToken);
        return Page();
    }
}
