using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Organisations;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Invitations;

/// <summary>The link in an invitation email. Signing in first is required (the page is not anonymous).</summary>
public sealed class AcceptModel(InvitationService invitations, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TimeProvider clock) : PageModel
{
    public Invitation? Invitation { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await invitations.FindAsync(token, cancellationToken) is not { } found)
            return NotFound();
        (Invitation, OrganisationName) = found;
        var email = (await users.GetUserAsync(User))?.Email ?? "";
        Refusal = Invitation.Refusal(email, clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var result = await invitations.AcceptAsync(User.RequiredId(), token, cancellationToken);
        // The new role is in the database; put it in the sign-in cookie now rather than at the next sign-in.
        if (result.IsDone && await users.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        var found = await invitations.FindAsync(token, cancellationToken);
        // Refused: the page again, which says why from the invitation itself.
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = $"You have joined {found?.OrganisationName}.";
            return RedirectToPage(found?.Invitation.Role switch { MembershipRole.Manager => "/Manage/Index", MembershipRole.Staff => "/Learn/Record", MembershipRole.Navigator => "/Navigate/Index", _ => "/Recruit/Index" });
        }, _ => OnGetAsync(token, cancellationToken));
    }
}
