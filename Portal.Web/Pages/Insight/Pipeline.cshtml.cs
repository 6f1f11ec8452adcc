using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure.Insight;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// The pipeline: how many people reach each step from a new account to a year in work, month by
/// month and broken down by route, programme, neighbourhood or a monitoring question; time to hire;
/// vacancies posted and filled, and how many meet each fair-work fact.
/// </summary>
public sealed class PipelineModel(PipelineService pipeline, InsightService insight, TimeProvider clock) : InsightPage(insight, clock)
{
    /// <param name="By">A breakdown key (route, programme, neighbourhood, an equality question), or none.</param>
    public sealed record Query(string? From = null, string? To = null, Guid? Organisation = null, string? By = null);

    [BindProperty(SupportsGet = true)]
    public Query Input { get; set; } = new();

    public PipelineService.Pipeline? Figures { get; private set; }

    public InsightFilter Filter => new(Scopes, Input.Organisation, Input.From, Input.To, PipelineService.Breakdowns, Input.By);

    public static IReadOnlyList<string> ShortNames { get; } = ["Registered", "Applied", "Interview", "Offer", "Hired", "13 wks", "26 wks", "52 wks"];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FiguresAsync(cancellationToken) is { } problem ? problem : Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await FiguresAsync(cancellationToken) is { } problem)
            return problem;
        if (Figures is not { } figures)
            return Page();
        var rows = new StringBuilder();
        Csv.Row(rows, "Scope", "Step", "This period", "Period before", "City, this period");
        foreach (var stage in figures.Stages)
            Csv.Row(rows, figures.Scope.Name, stage.Name, $"{stage.Now}", $"{stage.Before}", stage.City is { } city ? $"{city}" : "");
        Csv.Row(rows);
        Csv.Row(rows, ["Month", .. figures.Stages.Select(s => s.Name)]);
        foreach (var month in figures.Months)
            Csv.Row(rows, [InsightQuery.Month(month.Month), .. month.Stages.Select(s => $"{s}")]);
        if (figures.By is { } by)
        {
            Csv.Row(rows);
            Csv.Row(rows, [by.Name, .. figures.Stages.Select(s => s.Name)]);
            foreach (var category in figures.Categories)
                Csv.Row(rows, [category.Label, .. category.Stages.Select(s => $"{s}")]);
        }
        Csv.Row(rows);
        Csv.Row(rows, "Measure", "This period", "Period before");
        Csv.Row(rows, "Median days from application to hire", Days(figures.TimeToHire.Now), Days(figures.TimeToHire.Before));
        Csv.Row(rows, "Vacancies posted", $"{figures.Posted}", $"{figures.PostedBefore}");
        Csv.Row(rows, "Vacancies filled", $"{figures.Filled}", $"{figures.FilledBefore}");
        Csv.Row(rows, "Median days from posting to first hire", Days(figures.TimeToFill.Now), Days(figures.TimeToFill.Before));
        foreach (var share in figures.FairWork)
            Csv.Row(rows, $"Vacancies posted: {share.Fact}", Percent(share.PercentNow), Percent(share.PercentBefore));
        return CsvFile(rows, "pipeline", figures.Range, figures.AsOfUtc);
    }

    public static string Days(double? days) => days is { } value ? value.ToString("0.#", CultureInfo.InvariantCulture) : "too few to say";

    public static string Percent(int? percent) => percent is { } value ? $"{value}%" : "too few to say";

    private async Task<IActionResult?> FiguresAsync(CancellationToken cancellationToken)
    {
        var (answer, range, organisation) = await ChooseAsync(Input.From, Input.To, Input.Organisation, cancellationToken);
        if (answer is not null || range is not { } months)
            return answer;
        return Answer(await pipeline.PipelineAsync(Viewer, organisation, months, string.IsNullOrEmpty(Input.By) ? null : Input.By, cancellationToken), figures =>
        {
            Figures = figures;
            Input = Input with { From = InsightQuery.Month(months.First), To = InsightQuery.Month(months.Last), Organisation = organisation };
        });
    }
}
