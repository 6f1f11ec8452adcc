using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigation;

/// <summary>The link in a navigator's invitation: signed in with the invited address, the person consents and their case opens.</summary>
public sealed class JoinModel(HelpInvitationService invitations, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public HelpInvitationService.Found Found { get; private set; } = null!;

    public string? Refusal { get; private set; }

    [BindProperty]
    public AskModel.AskInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await invitations.FindAsync(token, cancellationToken) is not { } found)
            return NotFound();
        Found = found;
        Refusal = found.Invitation.Refusal((await users.GetUserAsync(User))?.Email ?? "", clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var result = await invitations.JoinAsync(User.RequiredId(), token,
            new HelpService.Ask(null, Input.HelpWith, Input.ContactBy, Input.Phone, Input.ContactTimes, Input.Consent), cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "You have joined the hub. Your plan is below, and on your home page.";
            return RedirectToPage("/Navigation/Index");
        }, () => OnGetAsync(token, cancellationToken));
    }
}
