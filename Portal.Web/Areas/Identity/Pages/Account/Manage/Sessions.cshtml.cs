using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Where someone is signed in, with a way to end any one of those sessions or all of them (a lost
/// phone, a shared computer). Ending one here ends it on every device and node at once.
/// </summary>
public sealed class SessionsModel(SessionService sessions, PortalUserManager users, SignInManager<PortalUser> signIn) : PageModel
{
    public IReadOnlyList<SessionService.SessionRow> Sessions { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public EndInput Input { get; set; } = new();

    public sealed class EndInput
    {
        public string? Id { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sessions = await sessions.ListAsync(UserId, CurrentId, cancellationToken);

    public async Task<IActionResult> OnPostEndAsync(CancellationToken cancellationToken)
    {
        var result = await sessions.EndAsync(UserId, Input.Id, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            if (Input.Id == CurrentId)
                return SignedOut();
            StatusMessage = "That session has ended: that device needs to sign in again.";
            return RedirectToPage();
        });
    }

    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        var result = await users.SignOutEverywhereAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await signIn.SignOutAsync();
        return SignedOut();
    }

    private RedirectToPageResult SignedOut() => RedirectToPage("/Account/Logout", new { ended = true });

    private string UserId => User.RequiredId();

    private string? CurrentId => User.FindFirstValue(SessionTicketStore.SessionIdClaim);
}
