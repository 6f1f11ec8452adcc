using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Insight;
using Portal.Infrastructure;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Insight;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// Each cohort's funnel (started, completed, interviewed, hired, still in work), the shape of "49
/// started, 29 hired". The city's cohorts for analysts; a talent hub's own for its navigators.
/// </summary>
public sealed class ProgrammesModel(PipelineService pipeline, InsightService insight, TimeProvider clock) : PageModel
{
    public sealed record Query(string? From = null, string? To = null, Guid? Organisation = null);

    [BindProperty(SupportsGet = true)]
    public Query Input { get; set; } = new();

    public IReadOnlyList<InsightService.Scope> Scopes { get; private set; } = [];

    public PipelineService.Programmes? Figures { get; private set; }

    public InsightFilter Filter => new(Scopes, Input.Organisation, Input.From, Input.To);

    public static IReadOnlyList<string> Steps { get; } = ["Started", "Completed", "Interviewed", "Hired", "In work"];

    public static IReadOnlyList<ShownCount> Funnel(PipelineService.CohortFunnel cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return [cohort.Started, cohort.Completed, cohort.Interviewed, cohort.Hired, cohort.InWork];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FiguresAsync(cancellationToken) is { } problem ? problem : Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await FiguresAsync(cancellationToken) is { } problem)
            return problem;
        if (Figures is not { } figures)
            return Page();
        var rows = new StringBuilder();
        Csv.Row(rows, ["Scope", "Programme", "Starts", "Ends", .. Steps]);
        foreach (var cohort in figures.Cohorts.Concat(figures.Total is { } total ? [total] : []))
        {
            Csv.Row(rows, [figures.Scope.Name, cohort.Programme, cohort.Cohort == Guid.Empty ? "" : cohort.StartsOn.UkIsoDate(), cohort.Cohort == Guid.Empty ? "" : cohort.EndsOn.UkIsoDate(),
                .. Funnel(cohort).Select(c => $"{c}")]);
        }
        Csv.Row(rows);
        Csv.Row(rows, "Note", SmallNumbers.Rule);
        Csv.Row(rows, "As of", figures.AsOfUtc is { } asOf ? asOf.UkDateAndTime() : "not worked out yet");
        Response.Headers.CacheControl = "no-store";
        return Csv.File(rows, $"programmes-{InsightQuery.Month(figures.Range.First)}-to-{InsightQuery.Month(figures.Range.Last)}.csv");
    }

    private async Task<IActionResult?> FiguresAsync(CancellationToken cancellationToken)
    {
        var viewer = new InsightService.Viewer(User.RequiredId(), User.IsInRole(PortalRoles.Analyst) || User.IsInRole(PortalRoles.Admin));
        Scopes = await insight.ScopesAsync(viewer, cancellationToken);
        if (Scopes.Count == 0)
            return NotFound();
        if (InsightQuery.Range(Input.From, Input.To, UkTime.Today(clock.GetUtcNow().UtcDateTime), ModelState) is not { } range)
            return null;
        var organisation = Input.Organisation ?? Scopes[0].OrganisationId;
        var result = await pipeline.ProgrammesAsync(viewer, organisation, range, cancellationToken);
        if (result.Outcome == Outcome.NotFound)
            return NotFound();
        Figures = result.Value;
        Input = Input with { From = InsightQuery.Month(range.First), To = InsightQuery.Month(range.Last), Organisation = organisation };
        return null;
    }
}
