using System.Text;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Insight;
using Portal.Infrastructure;
using Portal.Infrastructure.Insight;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// Each cohort's funnel (started, completed, interviewed, hired, still in work), the shape of "49
/// started, 29 hired". The city's cohorts for analysts; a talent hub's own for its navigators.
/// </summary>
public sealed class ProgrammesModel(PipelineService pipeline, InsightService insight, TimeProvider clock) : InsightPage(insight, clock)
{
    public sealed record Query(string? From = null, string? To = null, Guid? Organisation = null);

    [BindProperty(SupportsGet = true)]
    public Query Input { get; set; } = new();

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
        return CsvFile(rows, "programmes", figures.Range, figures.AsOfUtc);
    }

    private async Task<IActionResult?> FiguresAsync(CancellationToken cancellationToken)
    {
        var (answer, range, organisation) = await ChooseAsync(Input.From, Input.To, Input.Organisation, cancellationToken);
        if (answer is not null || range is not { } months)
            return answer;
        return Answer(await pipeline.ProgrammesAsync(Viewer, organisation, months, cancellationToken), figures =>
        {
            Figures = figures;
            Input = Input with { From = InsightQuery.Month(months.First), To = InsightQuery.Month(months.Last), Organisation = organisation };
        });
    }
}
