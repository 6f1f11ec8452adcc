using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Passport;

namespace Portal.Web.Pages.Passport;

/// <summary>
/// Every signing key's public half as one JWK Set: the address another portal's admin puts on its
/// trust list, fetched once when they add us. Each key also answers at this address, a slash and its id.
/// </summary>
[AllowAnonymous]
public sealed class KeySetModel(BadgeKeys keys) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var set = await keys.PublicKeySetAsync(cancellationToken);
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(set.ToJsonString(), "application/jwk-set+json");
    }
}
