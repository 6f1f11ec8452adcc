using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Passport;

namespace Portal.Web.Pages.Passport;

/// <summary>
/// A revocation status list, signed like the credentials (Bitstring Status List section 3.6: the
/// same securing mechanism), built from the credentials table on every request so a revocation
/// shows at once. Nobody is asked who they are, so fetching it tracks nobody.
/// </summary>
[AllowAnonymous]
public sealed class StatusModel(PassportService passport, CredentialSigner signer, PassportUrls urls) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int list, CancellationToken cancellationToken)
    {
        if (await passport.StatusListAsync(list, cancellationToken) is not { } status)
            return NotFound();
        var (jws, _) = await signer.SignAsync(CredentialJson.StatusListPayload(urls, list, status.Revoked, status.ChangedAtUtc), cancellationToken);
        Response.Headers.CacheControl = "no-cache";
        return Content(jws, "text/plain");
    }
}
