using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Recruit.Vacancies;

/// <summary>A new vacancy, saved as a draft for one of the recruiter's organisations.</summary>
public sealed class NewModel(VacancyService vacancies, ContentStore content, PostcodeDistricts postcodes) : PageModel
{
    [BindProperty]
    public VacancyInput Input { get; set; } = new() { ClosingDate = UkTime.Today(DateTime.UtcNow).AddDays(28) };

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public ContentSet Catalogue => content.Current;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organisations = await vacancies.RecruitingForAsync(User.RequiredId(), cancellationToken);
        return Organisations.Count == 0 ? RedirectToPage("/Recruit/Index") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        Organisations = await vacancies.RecruitingForAsync(userId, cancellationToken);
        if (OrganisationId is not { } organisationId || Organisations.All(o => o.Id != organisationId))
            ModelState.AddModelError(nameof(OrganisationId), "Choose one of your organisations");
        var details = Input.ToDetails(content.Current, postcodes, ModelState);
        if (details is null || !ModelState.IsValid)
            return Page();
        var result = await vacancies.CreateAsync(userId, OrganisationId!.Value, details, cancellationToken);
        return await this.AnswerAsync(result, vacancy =>
        {
            TempData["StatusMessage"] = "Your vacancy is saved as a draft. Publish it when it is ready.";
            return RedirectToPage("/Recruit/Vacancies/Vacancy", new { id = vacancy.Id });
        });
    }
}
