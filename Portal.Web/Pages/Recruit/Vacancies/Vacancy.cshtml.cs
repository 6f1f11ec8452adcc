using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Recruit.Vacancies;

/// <summary>One of the recruiter's vacancies: edit it, publish, close or reopen. Anyone else's is not found.</summary>
public sealed class VacancyModel(VacancyService vacancies, JobSearch search, ContentStore content, PostcodeDistricts postcodes, IOutputCacheStore cache, MinimumWage minimumWage) : PageModel
{
    public Vacancy Vacancy { get; private set; } = null!;

    [BindProperty]
    public VacancyInput Input { get; set; } = new();

    [BindProperty]
    [DataType(DataType.Date)]
    public DateOnly? ReopenUntil { get; set; }

    public ContentSet Catalogue => content.Current;

    public IReadOnlyList<string> Badges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = VacancyInput.From(Vacancy.Details);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var details = Input.ToDetails(content.Current, postcodes, ModelState);
        if (details is null || !ModelState.IsValid)
            return Page();
        return await ChangeAsync(id, (vacancy, now) => vacancy.Edit(details, now, minimumWage), "Your changes are saved.", cancellationToken);
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (vacancy, now) => vacancy.Publish(now, minimumWage), "Published: applicants can find it on Jobs now.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (vacancy, now) => vacancy.Close(now), "Closed: it no longer shows on Jobs.", cancellationToken);

    public async Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ReopenUntil is not { } until)
        {
            if (!await LoadAsync(id, cancellationToken))
                return NotFound();
            Input = VacancyInput.From(Vacancy.Details);
            ModelState.AddModelError(nameof(ReopenUntil), "Enter a new closing date to reopen it");
            return Page();
        }
        return await ChangeAsync(id, (vacancy, now) => vacancy.Reopen(until, now, minimumWage), "Reopened: applicants can find it on Jobs again.", cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Action<Vacancy, DateTime> change, string done, CancellationToken cancellationToken)
    {
        var result = await vacancies.ChangeAsync(User.RequiredId(), id, change, cancellationToken);
        // Role pages list open vacancies and are cached for signed-out visitors.
        if (result.IsDone)
            await cache.EvictByTagAsync(ContentCache.Tag, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = done;
            return RedirectToPage(new { id });
        }, problem => RefusedAsync(id, problem.Message, cancellationToken));
    }

    /// <summary>The vacancy refused the change: the page again with the rule, showing what is saved unless the form itself was wrong.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, string rule, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (ModelState.IsValid)
            Input = VacancyInput.From(Vacancy.Details);
        ModelState.AddModelError(string.Empty, rule);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await vacancies.FindAsync(User.RequiredId(), id, cancellationToken) is not { } vacancy)
            return false;
        Vacancy = vacancy;
        Badges = search.Badges(vacancy.Details);
        return true;
    }
}
