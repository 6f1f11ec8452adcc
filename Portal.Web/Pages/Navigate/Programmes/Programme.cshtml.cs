using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Programmes;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate.Programmes;

/// <summary>One programme: its cohorts and a new one. Another organisation's: 404.</summary>
public sealed class ProgrammeModel(ProgrammeService programmes) : PageModel
{
    public sealed record NewCohort(
        DateOnly? StartsOn = null, DateOnly? EndsOn = null, int? Places = null, string? Venue = null, bool Online = false, string? Partners = null, string? Promise = null);

    [BindProperty]
    public NewCohort Input { get; set; } = new();

    public ProgrammeService.ProgrammeSummary Programme { get; private set; } = null!;

    public sealed record ChangeInput(string? Title = null, string? Summary = null);

    [BindProperty]
    public ChangeInput Change { get; set; } = new();

    /// <summary>A new name or summary; a refusal comes back as a message, the page's forms as they were.</summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await programmes.ChangeAsync(User.RequiredId(), id, Change.Title, Change.Summary, cancellationToken);
        return this.Answer(result, () => Back(id, "Programme changed."), problem => Back(id, "Error: " + problem.Message));
    }

    private RedirectToPageResult Back(Guid id, string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage(new { id, handler = (string?)null });
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Input.StartsOn is null)
            ModelState.AddModelError("Input.StartsOn", "Enter the first day, like 2027-01-11");
        if (Input.EndsOn is null)
            ModelState.AddModelError("Input.EndsOn", "Enter the last day, like 2027-02-19");
        if (Input.Places is null)
            ModelState.AddModelError("Input.Places", "Enter how many places there are, in figures");
        if (!ModelState.IsValid)
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        var details = new CohortDetails(Input.StartsOn!.Value, Input.EndsOn!.Value, Input.Places!.Value, Input.Venue, Input.Online, Input.Partners, Input.Promise);
        var result = await programmes.AddCohortAsync(User.RequiredId(), id, details, cancellationToken);
        return await this.AnswerAsync(result, cohort => RedirectToPage("/Navigate/Programmes/Cohort", new { id = cohort }),
            async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var programme = await programmes.FindAsync(User.RequiredId(), id, cancellationToken);
        if (programme is null)
            return false;
        Programme = programme;
        return true;
    }
}
