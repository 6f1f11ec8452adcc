using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Pathways;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training;

namespace Portal.Web.Pages.Careers;

/// <summary>"I am / I want to be": the shortest route by typical months and up to two alternatives, each step with what it needs.</summary>
public sealed class PlanModel(ContentStore content, TrainingService training) : PageModel
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
        RequirementKind.Module => Catalogue.Modules.TryGetValue(check.Slug!, out var module) ? $"Training: {module.Title}" : check.Slug!,
        _ => "",
    };

    /// <summary>Training the signed-in learner holds today (valid or expiring soon), counted in each step.</summary>
    public IReadOnlyCollection<string> ModulesHeld { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
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
        // Declared qualifications, checks and experience join the holdings with the profile (talent hub).
        var holdings = LearnerHoldings.None;
        if (Learn.LearnText.UserId(User) is { } userId)
        {
            var record = await training.GetRecordAsync(userId, Catalogue, cancellationToken);
            ModulesHeld = [.. record.Where(e => e.Status is TrainingStatus.Valid or TrainingStatus.ExpiringSoon).Select(e => e.ModuleSlug)];
            holdings = new LearnerHoldings { CompletedModules = ModulesHeld };
        }
        Routes = [.. Plan.Routes.Select(route => GapAnalysis.For(route, holdings))];
    }
}
