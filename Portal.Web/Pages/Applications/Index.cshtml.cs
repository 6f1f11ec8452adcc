using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Talent;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Applications;

/// <summary>The signed-in person's applications, each with its history, and a way to withdraw.</summary>
public sealed class IndexModel(ApplicationService applications) : PageModel
{
    public IReadOnlyList<ApplicationService.MyApplication> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Applications = await applications.MineAsync(User.RequiredId(), cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await applications.WithdrawAsync(User.RequiredId(), id, cancellationToken);
        return this.Answer(result, () => Back("Your application is withdrawn."), problem => Back("Error: " + problem.Message));
    }

    private RedirectToPageResult Back(string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage();
    }

    public static bool CanWithdraw(ApplicationStatus status) =>
        status is not (ApplicationStatus.Hired or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn);
}
