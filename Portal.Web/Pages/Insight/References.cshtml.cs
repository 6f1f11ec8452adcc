using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Insight;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// The city's reference figures (the share of the city in each group of a monitoring question,
/// with its source and year) that the workforce and pipeline are set beside. Analysts and admins
/// enter them; everyone who reads insight sees them on "Reflecting the people it serves".
/// </summary>
[Authorize(Roles = PortalRoles.Analyst + "," + PortalRoles.Admin)]
public sealed class ReferencesModel(ReflectingService reflecting) : PageModel
{
    /// <param name="Group">The question's key and the answer's code, as "ethnicity|black-african": one list covers every question without script.</param>
    public sealed record Form(string? Group = null, decimal? Share = null, string? Source = null, int? Year = null);

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<ReflectingService.Reference> References { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        References = await reflecting.ReferencesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var parts = (Input.Group ?? "").Split('|', 2);
        var result = await reflecting.SaveAsync(User.RequiredId(),
            new ReflectingService.Entry(parts[0], parts.Length > 1 ? parts[1] : null, Input.Share, Input.Source, Input.Year), cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "The figure is saved.";
            return RedirectToPage();
        }, async () =>
        {
            References = await reflecting.ReferencesAsync(cancellationToken);
            return Page();
        }, field => field == "Category" ? "Input.Group" : $"Input.{field}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken) =>
        await this.AnswerAsync(await reflecting.RemoveAsync(id, cancellationToken), () =>
        {
            TempData["StatusMessage"] = "The figure is removed.";
            return RedirectToPage();
        });
}
