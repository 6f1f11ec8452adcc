using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages;

/// <summary>Status and exception pages, reached by re-execution, so the original method may be any verb.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string? RequestId { get; private set; }

    /// <summary>Where to go instead when a page under a section is missing, e.g. back to the careers explorer.</summary>
    public (string Href, string Text)? SectionLink { get; private set; }

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private PageResult Show(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        (Heading, Explanation) = status switch
        {
            404 => ("Page not found", "We cannot find that page. The link may be old, or the address may have a typo."),
            403 => ("You cannot see this page", "Your account does not have access to this page. If you think it should, ask your organisation's administrator."),
            429 => ("Too many tries", "You have tried this too many times in a short while. Wait a minute, then try again."),
            400 => ("Something was wrong with that request", "Go back, reload the page and try again."),
            _ when status >= 500 => ("Sorry, something went wrong on our side", "Nothing you did caused this. Try again in a few minutes."),
            _ => ("Something went wrong", "Go back and try again."),
        };
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        var originalPath = reExecuted?.OriginalPath ?? "";
        // Refused by the reports limit (whichever page carries it), not by the account-post limit.
        if (status == 429 && reExecuted?.Endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName == Security.PortalRateLimiting.Reports)
            (Heading, Explanation) = ("The training matrix is busy", "Several training matrices are being built right now. Wait a minute, then try again.");
        if (status == 404 && originalPath.StartsWith("/careers", StringComparison.OrdinalIgnoreCase))
            SectionLink = (Url.Page("/Careers/Index")!, "Browse all careers");
        if (status >= 500)
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // Reached directly (not re-executed), the page still reports the status it describes.
        if (reExecuted is null)
            Response.StatusCode = status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
        return Page();
    }
}
