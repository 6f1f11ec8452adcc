using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Compliance;
using Portal.Domain.Pathways;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Pathways;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages;

/// <summary>
/// The front door. Signed out: what the portal offers. Signed in: the person's own start page,
/// with learning to carry on, training falling due, and the next step on their saved plan.
/// </summary>
public sealed class IndexModel(ContentStore content, PlanService plans, ProfileService profiles, MatchService matches,
    CompetencyService competencies, ComplianceService compliance, Portal.Infrastructure.Navigation.HelpService help) : PageModel
{
    /// <summary>Their open case with a talent hub, if they asked for help: its plan goes near the top.</summary>
    public Portal.Infrastructure.Navigation.HelpService.MyCase? Navigation { get; private set; }

    /// <summary>What each of their employers requires of them: first on the page for anyone on a staff.</summary>
    public ComplianceService.MyRequirements Required { get; private set; } = new([], []);

    /// <summary>For a manager: the first organisation they manage, summed up as its matrix shows it.</summary>
    public ComplianceService.MatrixPage? Matrix { get; private set; }

    /// <summary>A manager whose session has not given its second step: the matrix is other people's records, so it waits for that.</summary>
    public bool MatrixNeedsSecondStep { get; private set; }

    /// <summary>For a practitioner: sign-offs needed (missing or run out) by staff who hold the training for them.</summary>
    public int SignOffsReady { get; private set; }

    /// <summary>Sign-offs needed by staff still doing the training first.</summary>
    public int SignOffsWaiting { get; private set; }

    /// <summary>Their own learning and career panels: for learners and staff, not for someone who only recruits, manages or administers.</summary>
    public bool ShowLearning { get; private set; }

    public bool IsRecruiter { get; private set; }

    public bool SignedIn { get; private set; }

    public ContentSet Catalogue { get; private set; } = null!;

    /// <summary>Modules with a round in progress, most recently touched first.</summary>
    public IReadOnlyList<RecordEntry> InProgress { get; private set; } = [];

    /// <summary>Training expired or expiring within 30 days, soonest first.</summary>
    public IReadOnlyList<RecordEntry> Due { get; private set; } = [];

    public int Valid { get; private set; }

    public SavedPlan? Plan { get; private set; }

    /// <summary>The quickest route for the saved plan, with what the person already holds; null when none is known.</summary>
    public RouteGaps? Route { get; private set; }

    /// <summary>The best few roles that fit them, from the stored matches.</summary>
    public IReadOnlyList<MatchService.RoleThatFits> Matches { get; private set; } = [];

    /// <summary>Whether they sign off others' competencies somewhere (a link to their list).</summary>
    public bool IsPractitioner { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IdIfSignedIn() is not { } userId)
            return;
        SignedIn = true;
        Catalogue = content.Current;
        var (record, required) = await compliance.MineAsync(userId, Catalogue, cancellationToken);
        Required = required;
        InProgress = [.. record.Where(e => e.NextLesson is not null && e.Module is not null)];
        Due = [.. record.Where(e => TrainingExpiry.IsDue(e.Status)).OrderBy(e => e.ExpiresAtUtc)];
        Valid = record.Count(e => TrainingExpiry.CountsAsHeld(e.Status));
        IsRecruiter = User.IsInRole(PortalRoles.Recruiter);
        var isManager = User.IsInRole(PortalRoles.Manager);
        MatrixNeedsSecondStep = isManager && !User.SignedInWithTwoFactors();
        if (isManager && !MatrixNeedsSecondStep)
            Matrix = await compliance.MatrixAsync(userId, null, new MatrixFilter(), cancellationToken);
        var worksElsewhere = IsRecruiter || Matrix is not null || MatrixNeedsSecondStep || User.IsInRole(PortalRoles.Admin);
        ShowLearning = !worksElsewhere || Required.Employers.Count > 0 || record.Any(e => e.Latest is not null || e.NextLesson is not null);

        Matches = [.. (await matches.RolesForAsync(userId, cancellationToken)).Take(3)];
        IsPractitioner = await competencies.IsPractitionerAsync(userId, cancellationToken);
        if (IsPractitioner)
        {
            var needed = (await competencies.ToObserveAsync(userId, cancellationToken)).Where(o => !o.Cell.Held).ToList();
            SignOffsReady = needed.Count(o => o.Ready);
            SignOffsWaiting = needed.Count - SignOffsReady;
        }
        Navigation = await help.MineAsync(userId, cancellationToken);
        Plan = await plans.FindAsync(userId, cancellationToken);
        if (Plan is not null && Catalogue.Roles.ContainsKey(Plan.FromRole) && Catalogue.Roles.ContainsKey(Plan.ToRole)
            && Catalogue.Planner.Plan(Plan.FromRole, Plan.ToRole, 1).Shortest is { } shortest)
        {
            var holdings = ProfileService.AddTo(TrainingService.Holdings(record), await profiles.FindAsync(userId, cancellationToken));
            Route = Catalogue.Planner.Gaps(shortest, holdings);
        }
    }

    public string Title(string roleSlug) => Catalogue.Roles.TryGetValue(roleSlug, out var role) ? role.Title : roleSlug;
}
