using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;

namespace Portal.Web.Pages.Careers.Roles;

/// <summary>
/// A career role: what it is, pays and needs, the steps in and out, and its open vacancies. Nothing
/// on it is anyone's own, so the body is rendered once per content version, job index snapshot and
/// day (<see cref="BodyKey"/>) and kept: signed-in visitors, whom the output cache does not serve,
/// pay for the layout and the search, not for the body (issue 25). The lists below are worked out
/// only when the body is rendered.
/// </summary>
public sealed class RoleModel(ContentStore content, JobSearch jobs) : PageModel
{
    /// <summary>How long a rendered body is kept after it was last shown (the key makes it new when anything on it changes).</summary>
    public static readonly TimeSpan BodyKeptFor = TimeSpan.FromMinutes(10);

    private ContentSet _catalogue = null!;

    public CareerRole Role { get; private set; } = null!;

    /// <summary>
    /// What the body is rendered from: the content version, the role, the index snapshot and day
    /// that answered the vacancy search, and the path base its links start with. Any change to what
    /// the body shows changes one of these, so a kept body is never older than a fresh one would be.
    /// </summary>
    public string BodyKey { get; private set; } = "";

    /// <summary>Steps that lead into this role, and where it can lead, with the other role's title.</summary>
    public IReadOnlyList<(RouteStep Step, CareerRole Other)> RoutesIn => field ??=
        [.. _catalogue.Planner.Graph.Steps.Where(s => s.To == Role.Slug).Select(s => (s, _catalogue.Roles[s.From])).OrderBy(x => x.Item2.Title, StringComparer.Ordinal)];

    public IReadOnlyList<(RouteStep Step, CareerRole Other)> RoutesOut => field ??=
        [.. _catalogue.Planner.Graph.Steps.Where(s => s.From == Role.Slug).Select(s => (s, _catalogue.Roles[s.To])).OrderBy(x => x.Item2.Title, StringComparer.Ordinal)];

    /// <summary>Training modules that the steps into this role name, so learners can start on them now.</summary>
    public IReadOnlyList<LearningModule> Training => field ??=
        [.. _catalogue.Planner.Graph.Steps.Where(s => s.To == Role.Slug).SelectMany(s => s.Requirements.Modules).Distinct(StringComparer.Ordinal)
            .Select(m => _catalogue.Modules[m]).OrderBy(m => m.Title, StringComparer.Ordinal)];

    /// <summary>Open vacancies for this job, best paid first; the total is in <see cref="OpenVacancyCount"/>.</summary>
    public IReadOnlyList<JobListing> OpenVacancies { get; private set; } = [];

    public int OpenVacancyCount { get; private set; }

    /// <summary>Route files with a step into or out of this role, so a reader can follow the whole story.</summary>
    public IReadOnlyList<CareerRoute> OnRoutes => field ??=
        [.. _catalogue.Routes.Values.Where(r => r.Steps.Any(s => s.From == Role.Slug || s.To == Role.Slug)).OrderBy(r => r.Title, StringComparer.Ordinal)];

    /// <summary>Every programme, for the links from the steps into this role.</summary>
    public IReadOnlyDictionary<string, Programme> Programmes => _catalogue.Programmes;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        _catalogue = content.Current;
        if (!_catalogue.Roles.TryGetValue(slug, out var role))
            return NotFound();
        Role = role;
        var vacancies = "none";
        if (!role.EntryPoint)
        {
            var open = await jobs.SearchAsync(new JobQuery { CareerRole = slug, Sort = JobSort.Pay }, cancellationToken);
            OpenVacancies = [.. open.Jobs.Take(5)];
            OpenVacancyCount = open.Total;
            vacancies = string.Create(CultureInfo.InvariantCulture, $"{open.IndexVersion}@{open.AsOf:yyyy-MM-dd}");
        }
        BodyKey = string.Join('|', _catalogue.Version, slug, vacancies, Request.PathBase.Value);
        return Page();
    }
}
