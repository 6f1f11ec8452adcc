using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;
using Portal.Web.Pages.Invitations;

namespace Portal.Web.Pages.Admin.People;

/// <summary>
/// One person as an admin sees them: account state, memberships, invitations waiting, and what
/// admins have done to the account, with the actions to unlock, disable, enable, end a membership
/// and send an invitation again. Admins only (folder policy).
/// </summary>
public sealed class PersonModel(AccountAdminService accounts) : PageModel
{
    public AccountAdminService.Person Person { get; private set; } = null!;

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public sealed class ActionInput
    {
        public long? MembershipId { get; set; }

        public Guid? InvitationId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var result = await accounts.PersonAsync(id, cancellationToken);
        return await this.AnswerAsync(result, person =>
        {
            Person = person;
            return Page();
        });
    }

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, accounts.UnlockAsync(Actor(), id, cancellationToken), "Unlocked: they can sign in again.", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, accounts.DisableAsync(Actor(), id, cancellationToken), "Disabled: they cannot sign in until the account is enabled again.", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, accounts.EnableAsync(Actor(), id, cancellationToken), "Enabled: they can sign in again.", cancellationToken);

    public Task<IActionResult> OnPostRemoveMembershipAsync(string id, CancellationToken cancellationToken) =>
        Input.MembershipId is { } membership
            ? ActAsync(id, accounts.RemoveMembershipAsync(Actor(), id, membership, cancellationToken), "The membership has ended. Their own record is unchanged.", cancellationToken)
            : Task.FromResult<IActionResult>(BadRequest());

    public Task<IActionResult> OnPostResendInvitationAsync(string id, CancellationToken cancellationToken) =>
        Input.InvitationId is { } invitation
            ? ActAsync(id, accounts.ResendInvitationAsync(Actor(), id, invitation, this.AcceptLink(), cancellationToken), "The invitation is on its way again, with a new link that works for a week.", cancellationToken)
            : Task.FromResult<IActionResult>(BadRequest());

    private AccountAdminService.Actor Actor() => new(User.RequiredId(), HttpContext.Connection.RemoteIpAddress?.ToString());

    private async Task<IActionResult> ActAsync(string id, Task<Result> action, string done, CancellationToken cancellationToken) =>
        await this.AnswerAsync(await action, () =>
        {
            TempData["StatusMessage"] = done;
            return RedirectToPage(new { id });
        }, () => OnGetAsync(id, cancellationToken));
}
