using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigation;

/// <summary>What the person chooses to tell their navigator about their circumstances: theirs to change or clear.</summary>
public sealed class CircumstancesModel(HelpService help) : PageModel
{
    [BindProperty]
    public CircumstancesInput Input { get; set; } = new();

    public sealed class CircumstancesInput
    {
        public List<BarrierKind> Barriers { get; set; } = [];

        public string? Details { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await help.MineAsync(User.RequiredId(), cancellationToken) is null)
            return RedirectToPage("/Navigation/Ask");
        if (await help.CircumstancesAsync(User.RequiredId(), cancellationToken) is { } shared)
            Input = new CircumstancesInput { Barriers = [.. shared.Barriers], Details = shared.Details };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await help.ShareCircumstancesAsync(User.RequiredId(), Input.Barriers, Input.Details, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Saved. Your navigator will see what you shared.";
            return RedirectToPage("/Navigation/Index");
        });
    }
}
