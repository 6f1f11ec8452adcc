using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigation;

/// <summary>The person's whole plan with their hub, the notes about them, what they share, and withdrawing consent.</summary>
public sealed class IndexModel(HelpService help) : PageModel
{
    public HelpService.MyCase? Case { get; private set; }

    public Circumstances? Circumstances { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        Case = await help.MineAsync(userId, cancellationToken);
        if (Case is null)
            return RedirectToPage("/Navigation/Ask");
        Circumstances = await help.CircumstancesAsync(userId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(long step, CancellationToken cancellationToken)
    {
        var result = await help.CompleteMyStepAsync(User.RequiredId(), step, cancellationToken);
        return this.Answer(result, () =>
        {
            TempData["StatusMessage"] = "Step marked as done. Your navigator will see it.";
            return RedirectToPage();
        }, problem =>
        {
            TempData["StatusMessage"] = "Error: " + problem.Message;
            return RedirectToPage();
        });
    }
}
