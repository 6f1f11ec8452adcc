using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Careers;

/// <summary>"I am / I want to be": the shortest route by typical months and up to two alternatives, each step with what it needs.</summary>
public sealed class PlanModel(ContentStore content) : PageModel
{
    private const int RoutesShown = 3;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public ContentSet Catalogue { get; private set; } = null!;

    public RoutePlan? Plan { get; private set; }

    public IReadOnlyList<RouteGaps> Routes { get; private set; } = [];

    public string Title(string slug) => Catalogue.Roles.TryGetValue(slug, out var role) ? role.Title : slug;

    public string RequirementText(RequirementCheck check) => check.Kind switch
    {
        RequirementKind.Programme => Catalogue.Programmes.TryGetValue(check.Slug!, out var programme) ? programme.Title : check.Slug!,
        RequirementKind.Check => CareerText.Check(check.Slug!),
        RequirementKind.DrivingLicence => "A driving licence",
        RequirementKind.Module => check.Slug!,
        _ => "",
    };

    public void OnGet()
    {
        Catalogue = content.Current;
        if (string.IsNullOrEmpty(From) && string.IsNullOrEmpty(To))
            return;
        if (From is null || !Catalogue.Roles.ContainsKey(From))
            ModelState.AddModelError(nameof(From), "Choose where you are starting from");
        if (To is null || !Catalogue.Roles.TryGetValue(To, out var goal) || goal.EntryPoint)
            ModelState.AddModelError(nameof(To), "Choose the job you want to do");
        if (!ModelState.IsValid)
            return;

        Plan = Catalogue.Planner.Plan(From!, To!, RoutesShown);
        // Training records and declared qualifications join the holdings when the Learn and profile areas arrive.
        Routes = [.. Plan.Routes.Select(route => GapAnalysis.For(route, LearnerHoldings.None))];
    }
}
