using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Passport;

namespace Portal.Web.Pages.Passport;

/// <summary>What a holder chose to share, for as long as the link is open; each opening is counted for them.</summary>
[AllowAnonymous]
public sealed class SharedModel(PassportService passport) : PageModel
{
    public IReadOnlyList<PassportEntry> Credentials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await passport.OpenShareAsync(token, cancellationToken) is not { } credentials)
            return NotFound();
        Credentials = credentials;
        // A shared passport is for the person it was sent to: no caches, no search engines.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }

    /// <summary>
    /// The same credentials as signed text, one per line: what another portal reads when a manager
    /// there recognises this passport from its link. Counts as a view, like the page.
    /// </summary>
    public async Task<IActionResult> OnGetCredentialsAsync(string token, CancellationToken cancellationToken)
    {
        if (await passport.OpenShareJwsAsync(token, cancellationToken) is not { } texts)
            return NotFound();
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Content(string.Join('\n', texts), "text/plain");
    }
}
