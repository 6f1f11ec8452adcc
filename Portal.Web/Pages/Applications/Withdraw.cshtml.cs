using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Applications;

/// <summary>
/// Asks before withdrawing: a page of its own, not a script dialog, so the question is there
/// without JavaScript. Another person's application, or an unknown one, is not found.
/// </summary>
public sealed class WithdrawModel(ApplicationService applications) : PageModel
{
    public ApplicationService.MyApplication Application { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await applications.FindMyApplicationAsync(User.RequiredId(), id, cancellationToken) is not { } mine)
            return NotFound();
        Application = mine;
        if (!IndexModel.CanWithdraw(mine.Status))
        {
            TempData["StatusMessage"] = $"Error: your application for {mine.VacancyTitle} is {mine.Status.ToString().ToLowerInvariant()}, so it cannot be withdrawn.";
            return RedirectToPage("/Applications/Index");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await applications.WithdrawAsync(User.RequiredId(), id, cancellationToken);
        return this.Answer(result, () => Back("Your application is withdrawn. You can apply again while the job is open."), problem => Back("Error: " + problem.Message));
    }

    private RedirectToPageResult Back(string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage("/Applications/Index");
    }
}
