using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Programmes;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Programmes;

/// <summary>Employability programmes a person can join, and the ones they are on.</summary>
public sealed class IndexModel(CohortSignUp signUp) : PageModel
{
    public IReadOnlyList<CohortSignUp.OpenCohort> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cohorts = await signUp.OpenAsync(User.RequiredId(), cancellationToken);

    public async Task<IActionResult> OnPostJoinAsync(Guid cohort, CancellationToken cancellationToken) =>
        this.Answer(await signUp.JoinAsync(User.RequiredId(), cohort, cancellationToken), () => Back("You have a place. The hub will be in touch before it starts."), problem => Back("Error: " + problem.Message));

    private RedirectToPageResult Back(string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage();
    }
}
