using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigation;

/// <summary>Asks before withdrawing consent: a page of its own, so the question is there without JavaScript.</summary>
public sealed class WithdrawModel(HelpService help) : PageModel
{
    public string HubName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await help.MineAsync(User.RequiredId(), cancellationToken) is not { } mine)
            return RedirectToPage("/Index");
        HubName = mine.HubName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await help.WithdrawAsync(User.RequiredId(), cancellationToken);
        return this.Answer(result, () =>
        {
            TempData["StatusMessage"] = "You have withdrawn your consent. The hub no longer sees your record, and it will be deleted.";
            return RedirectToPage("/Index");
        }, problem =>
        {
            TempData["StatusMessage"] = "Error: " + problem.Message;
            return RedirectToPage("/Index");
        });
    }
}
