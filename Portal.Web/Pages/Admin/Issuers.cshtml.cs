using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Passport;
using Portal.Infrastructure.Passport;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Admin;

/// <summary>
/// The passport's trust list: other issuers whose credentials managers may recognise. Adding
/// fetches the issuer's public keys; removing stops new recognitions. Both are audited.
/// </summary>
public sealed class IssuersModel(TrustList trust) : PageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public IReadOnlyList<TrustedIssuerEntry> Issuers { get; private set; } = [];

    public sealed class AddInput
    {
        [Required(ErrorMessage = "Enter the issuer's name, as people know it")]
        [StringLength(TrustedIssuer.MaxNameLength, ErrorMessage = "Keep the name to 200 characters")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Enter the issuer's id: the web address its credentials name as their issuer")]
        [StringLength(TrustedIssuer.MaxUrlLength, ErrorMessage = "Keep the address to 400 characters")]
        public string? IssuerUrl { get; set; }

        [Required(ErrorMessage = "Enter the web address of the issuer's public keys")]
        [StringLength(TrustedIssuer.MaxUrlLength, ErrorMessage = "Keep the address to 400 characters")]
        public string? KeysUrl { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Issuers = await trust.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await OnGetAsync(cancellationToken);
        var result = await trust.AddAsync(User.RequiredId(), Input.IssuerUrl, Input.Name, Input.KeysUrl, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            TempData["StatusMessage"] = $"{Input.Name!.Trim()} is on the trust list: managers can now recognise its credentials.";
            return RedirectToPage();
        }, () => OnGetAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await trust.RemoveAsync(User.RequiredId(), id, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Removed from the trust list. Its credentials are no longer recognised; those recognised before stay on staff records.";
            return RedirectToPage();
        }, () => OnGetAsync(cancellationToken));
    }
}
