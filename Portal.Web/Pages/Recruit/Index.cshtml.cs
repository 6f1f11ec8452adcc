using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Talent;
using Portal.Web.Pages.Learn;

namespace Portal.Web.Pages.Recruit;

/// <summary>The recruiter's vacancies across the organisations they recruit for.</summary>
public sealed class IndexModel(VacancyService vacancies) : PageModel
{
    public IReadOnlyList<VacancyService.RecruiterVacancy> Vacancies { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = LearnText.UserId(User)!;
        Organisations = await vacancies.RecruitingForAsync(userId, cancellationToken);
        Vacancies = await vacancies.ListAsync(userId, cancellationToken);
    }
}
