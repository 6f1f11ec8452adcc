using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Passport;

namespace Portal.Web.Pages.Passport;

/// <summary>
/// A signing key's public half as one bare JWK, at the address every credential's kid names (the
/// 1EdTech validator reads the body as a single JWK, not a key set). Retired keys keep answering.
/// </summary>
[AllowAnonymous]
public sealed class KeysModel(BadgeKeys keys) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string kid, CancellationToken cancellationToken)
    {
        if (await keys.PublicJwkAsync(kid, cancellationToken) is not { } jwk)
            return NotFound();
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(jwk.ToJsonString(), "application/jwk+json");
    }
}
