using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Programmes;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate.Programmes;

/// <summary>A cohort's dates, places, venue, partners and promise, changed. Another organisation's cohort: 404.</summary>
public sealed class ChangeCohortModel(ProgrammeService programmes) : PageModel
{
    public sealed record CohortInput(
        DateOnly? StartsOn = null, DateOnly? EndsOn = null, int? Places = null, string? Venue = null, bool Online = false, string? Partners = null, string? Promise = null);

    [BindProperty]
    public CohortInput Input { get; set; } = new();

    public ProgrammeService.CohortView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var c = View.Cohort;
        Input = new CohortInput(c.StartsOn, c.EndsOn, c.Places, c.Venue, c.Online, c.Partners, c.Promise);
        return Page();
    }

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
        var result = await programmes.ChangeCohortAsync(User.RequiredId(), id, details, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Cohort changed.";
            return RedirectToPage("/Navigate/Programmes/Cohort", new { id, handler = (string?)null });
        }, async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await programmes.CohortAsync(User.RequiredId(), id, cancellationToken: cancellationToken);
        if (view is null)
            return false;
        View = view;
        return true;
    }
}
