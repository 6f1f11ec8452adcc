using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Pathways;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Careers;

/// <summary>"I am / I want to be": the shortest route by typical months and up to two alternatives, each step with what it needs.</summary>
public sealed class PlanModel(ContentStore content, TrainingService training, PlanService plans, ProfileService profiles) : PageModel
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

    public string RequirementText(RequirementCheck check) => CareerText.Requirement(Catalogue, check);

    /// <summary>The signed-in person's saved plan, if this page shows it.</summary>
    public bool IsSaved { get; private set; }

    /// <summary>True when the start was filled in from the person's current job rather than chosen.</summary>
    public bool StartFromCurrentJob { get; private set; }

    /// <summary>Months in care the plan counts, from the staff lists the person is on.</summary>
    public int ExperienceMonths { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Catalogue = content.Current;
        var userId = User.IdIfSignedIn();
        var history = userId is null ? WorkHistory.None : await plans.WorkHistoryAsync(userId, cancellationToken);
        if (string.IsNullOrEmpty(From) && history.CurrentJob is { } current && Catalogue.Roles.ContainsKey(current) && !string.IsNullOrEmpty(To))
        {
            From = current;
            StartFromCurrentJob = true;
        }
        if (string.IsNullOrEmpty(From) && string.IsNullOrEmpty(To))
            return;
        if (string.IsNullOrEmpty(From))
            ModelState.AddModelError(nameof(From), "Choose what you do now under 'I am', or 'New to care' if you are starting out");
        else if (!Catalogue.Roles.ContainsKey(From))
            ModelState.AddModelError(nameof(From), "Choose where you are starting from");
        if (To is null || !Catalogue.Roles.TryGetValue(To, out var goal) || goal.EntryPoint)
            ModelState.AddModelError(nameof(To), "Choose the job you want to do");
        else if (To == From)
            ModelState.AddModelError(nameof(To), $"You are already a {Title(To).ToLowerInvariant()}: choose the job you want to move to next");
        if (!ModelState.IsValid)
            return;

        Plan = Catalogue.Planner.Plan(From!, To!, RoutesShown);
        // Training from the record; qualifications, checks and licence as declared on the profile;
        // experience from the staff lists the person is on.
        var holdings = LearnerHoldings.None;
        if (userId is not null)
        {
            var learned = await training.HoldingsAsync(userId, Catalogue, cancellationToken);
            ExperienceMonths = history.ExperienceMonths;
            holdings = ProfileService.AddTo(new LearnerHoldings
            {
                CompletedModules = learned.CompletedModules,
                Programmes = learned.Programmes,
                Checks = learned.Checks,
                ExperienceMonths = Math.Max(learned.ExperienceMonths, history.ExperienceMonths),
                DrivingLicence = learned.DrivingLicence,
            }, await profiles.FindAsync(userId, cancellationToken));
            IsSaved = await plans.FindAsync(userId, cancellationToken) is { } saved && saved.FromRole == From && saved.ToRole == To;
        }
        Routes = [.. Plan.Routes.Select(route => Catalogue.Planner.Gaps(route, holdings))];
    }

    /// <summary>Keeps this start and goal as the person's plan, shown on their home page.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (User.IdIfSignedIn() is not { } userId)
            return Challenge();
        if (From is null || To is null)
            return BadRequest();
        var result = await plans.SaveAsync(userId, From, To, content.Current, cancellationToken);
        // The start and goal come from the plan on the page, not typed: refusing them is a bad request.
        return this.Answer(result, () =>
        {
            TempData["StatusMessage"] = "Your plan is saved. It is on your home page, with the next step.";
            return RedirectToPage("/Index");
        }, _ => BadRequest());
    }
}
