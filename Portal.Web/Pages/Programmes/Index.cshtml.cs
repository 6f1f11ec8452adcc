using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Programmes;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Programmes;

/// <summary>
/// Employability programmes a person can join, and the ones they are on. Open to anyone deciding
/// whether to ask (nothing personal shows signed out); joining and leaving need their account.
/// </summary>
public sealed class IndexModel(CohortSignUp signUp) : PageModel
{
    public IReadOnlyList<CohortSignUp.OpenCohort> Cohorts { get; private set; } = [];

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cohorts = await signUp.OpenAsync(SignedIn ? User.RequiredId() : "", cancellationToken);

    public async Task<IActionResult> OnPostJoinAsync(Guid cohort, CancellationToken cancellationToken)
    {
        if (!SignedIn)
            return Challenge();
        return this.Answer(await signUp.JoinAsync(User.RequiredId(), cohort, cancellationToken), () => Back("You have a place. The hub will be in touch before it starts."), problem => Back("Error: " + problem.Message));
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid cohort, CancellationToken cancellationToken)
    {
        if (!SignedIn)
            return Challenge();
        return this.Answer(await signUp.LeaveAsync(User.RequiredId(), cohort, cancellationToken), () => Back("You have left the cohort, and your place is free for someone else."), problem => Back("Error: " + problem.Message));
    }

    private RedirectToPageResult Back(string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage(new { handler = (string?)null });
    }
}
