using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training;

namespace Portal.Web.Pages.Verify;

/// <summary>
/// Public check of a certificate by its code: confirms what the certificate says (name, module,
/// dates) or that no such certificate exists, and nothing else about the person.
/// </summary>
public sealed class IndexModel(ContentStore content, TrainingService training) : PageModel
{
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
}
