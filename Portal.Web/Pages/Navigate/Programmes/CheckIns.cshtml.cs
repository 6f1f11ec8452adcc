using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Programmes;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate.Programmes;

/// <summary>The navigator's tasks: people asked at 13, 26 and 52 weeks whether they are still in work.</summary>
public sealed class CheckInsModel(ProgrammeService programmes) : PageModel
{
    public IReadOnlyList<ProgrammeService.CheckInTask> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tasks = await programmes.CheckInTasksAsync(User.RequiredId(), cancellationToken);

    public async Task<IActionResult> OnPostDoneAsync(long checkIn, CancellationToken cancellationToken) =>
        this.Answer(await programmes.FollowedUpAsync(User.RequiredId(), checkIn, cancellationToken), () =>
        {
            TempData["StatusMessage"] = "Marked as followed up.";
            return RedirectToPage();
        }, _ => BadRequest());
}
