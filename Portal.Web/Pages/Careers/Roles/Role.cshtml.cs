using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;

namespace Portal.Web.Pages.Careers.Roles;

public sealed class RoleModel(ContentStore content, JobSearch jobs) : PageModel
{
    public CareerRole Role { get; private set; } = null!;

    /// <summary>Steps that lead into this role, and where it can lead, with the other role's title.</summary>
    public IReadOnlyList<(RouteStep Step, CareerRole Other)> RoutesIn { get; private set; } = [];

    public IReadOnlyList<(RouteStep Step, CareerRole Other)> RoutesOut { get; private set; } = [];

    /// <summary>Training modules that the steps into this role name, so learners can start on them now.</summary>
    public IReadOnlyList<LearningModule> Training { get; private set; } = [];

    /// <summary>Open vacancies for this job, best paid first; the total is in <see cref="OpenVacancyCount"/>.</summary>
    public IReadOnlyList<JobListing> OpenVacancies { get; private set; } = [];

    public int OpenVacancyCount { get; private set; }

    /// <summary>Route files with a step into or out of this role, so a reader can follow the whole story.</summary>
    public IReadOnlyList<CareerRoute> OnRoutes { get; private set; } = [];

    /// <summary>Every programme, for the links from the steps into this role.</summary>
    public IReadOnlyDictionary<string, Programme> Programmes { get; private set; } = new Dictionary<string, Programme>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!content.Current.Roles.TryGetValue(slug, out var role))
            return NotFound();
        Role = role;
        var catalogue = content.Current;
        Programmes = catalogue.Programmes;
        var steps = catalogue.Planner.Graph.Steps;
        RoutesIn = [.. steps.Where(s => s.To == slug).Select(s => (s, catalogue.Roles[s.From])).OrderBy(x => x.Item2.Title, StringComparer.Ordinal)];
        RoutesOut = [.. steps.Where(s => s.From == slug).Select(s => (s, catalogue.Roles[s.To])).OrderBy(x => x.Item2.Title, StringComparer.Ordinal)];
        OnRoutes = [.. catalogue.Routes.Values.Where(r => r.Steps.Any(s => s.From == slug || s.To == slug)).OrderBy(r => r.Title, StringComparer.Ordinal)];
        Training = [.. steps.Where(s => s.To == slug).SelectMany(s => s.Requirements.Modules).Distinct(StringComparer.Ordinal)
            .Select(m => catalogue.Modules[m]).OrderBy(m => m.Title, StringComparer.Ordinal)];
        if (!role.EntryPoint)
        {
            var open = await jobs.SearchAsync(new JobQuery { CareerRole = slug, Sort = JobSort.Pay }, cancellationToken);
            OpenVacancies = [.. open.Jobs.Take(5)];
            OpenVacancyCount = open.Total;
        }
        return Page();
    }
}
