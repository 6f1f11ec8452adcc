using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Passport;
using QRCoder;

namespace Portal.Web.Pages.Passport;

/// <summary>
/// A credential's public page: what it says and whether it stands today, its .jwt, and a QR code
/// of this page's address to show on a phone. Open to anyone with the link (122 random bits).
/// </summary>
[AllowAnonymous]
public sealed class CredentialModel(PassportService passport, PassportUrls urls) : PageModel
{
    public PassportEntry Credential { get; private set; } = null!;

    public string Link { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await passport.PublicAsync(id, cancellationToken) is not { } credential)
            return NotFound();
        Credential = credential;
        Link = urls.Credential(id);
        return Page();
    }

    public async Task<IActionResult> OnGetJwtAsync(Guid id, CancellationToken cancellationToken) =>
        await passport.PublicJwsAsync(id, cancellationToken) is { } jws
            ? Content(jws, "text/plain")
            : NotFound();

    /// <summary>The QR code of the public link; black on white, with the quiet zone scanners need.</summary>
    public async Task<IActionResult> OnGetQrAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await passport.PublicAsync(id, cancellationToken) is null)
            return NotFound();
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(urls.Credential(id), QRCodeGenerator.ECCLevel.M);
        return File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }
}
