using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Passport;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Passport;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Manage;

/// <summary>
/// Revoking passport credentials (issued in error, fraud): an admin any, a manager those earned at
/// an organisation they manage. The published status list changes at once.
/// </summary>
public sealed class CredentialsModel(PassportService passport) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty]
    public RevokeInput Input { get; set; } = new();

    public IReadOnlyList<RevocableCredential> Credentials { get; private set; } = [];

    public sealed class RevokeInput
    {
        public Guid Credential { get; set; }

        [Required(ErrorMessage = "Say why it is revoked (for example, issued in error)")]
        [StringLength(PassportCredential.MaxReasonLength, ErrorMessage = "Keep the reason to 500 characters")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Credentials = await passport.RevocableAsync(User.RequiredId(), User.IsInRole(PortalRoles.Admin), Name, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await OnGetAsync(cancellationToken);
        var result = await passport.RevokeAsync(User.RequiredId(), User.IsInRole(PortalRoles.Admin), Input.Credential, Input.Reason, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Revoked. Anyone who checks the credential now sees that it was revoked.";
            return RedirectToPage(new { Name });
        }, () => OnGetAsync(cancellationToken));
    }
}
