using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure;
using Portal.Infrastructure.Compliance;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Competencies;

/// <summary>
/// The observation, on the practitioner's phone: the steps to tick, a note and the date. Anyone but a
/// practitioner where the worker is on the staff gets a 404; a sign-off that is not complete records nothing.
/// </summary>
public sealed class ObserveModel(CompetencyService competencies, TimeProvider clock) : PageModel
{
    public CompetencyService.Observation Observation { get; private set; } = null!;

    [BindProperty(Name = "step")]
    public List<int> Steps { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? ObservedOn { get; set; }

    [BindProperty]
    public string? ChecklistVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(long membership, string competency, CancellationToken cancellationToken)
    {
        if (await competencies.ObservationAsync(User.RequiredId(), membership, competency, cancellationToken) is not { } observation)
            return NotFound();
        Observation = observation;
        ObservedOn = UkTime.Today(clock.GetUtcNow().UtcDateTime).UkIsoDate();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long membership, string competency, CancellationToken cancellationToken)
    {
        if (await competencies.ObservationAsync(User.RequiredId(), membership, competency, cancellationToken) is not { } observation)
            return NotFound();
        Observation = observation;
        if (!DateOnly.TryParseExact(ObservedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            ModelState.AddModelError(nameof(ObservedOn), "Enter the date you observed them, like 2026-11-27");
            return Page();
        }
        var result = await competencies.SignOffAsync(User.RequiredId(), membership, competency, ChecklistVersion ?? "", Steps, Note, on, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = $"{observation.Competency.Title} signed off for {observation.WorkerName}. It is due for review in {observation.Competency.ReviewMonths} months.";
            return RedirectToPage("/Competencies/Index");
        }, field: _ => nameof(Steps));
    }
}
