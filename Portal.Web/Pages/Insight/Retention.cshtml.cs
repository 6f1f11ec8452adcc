using System.Text;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure.Insight;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// Retention and progression: staff in post, starters and leavers, turnover over a rolling year,
/// how many new starters are still in post 3, 6 and 12 months on, steps up a career route, and
/// Enhanced Care Workers and apprentices in post. The city (and its sectors) for analysts; an
/// employer's own staff, beside the city, for its managers and recruiters.
/// </summary>
public sealed class RetentionModel(RetentionService retention, InsightService insight, TimeProvider clock) : InsightPage(insight, clock)
{
    public sealed record Query(string? From = null, string? To = null, Guid? Organisation = null);

    [BindProperty(SupportsGet = true)]
    public Query Input { get; set; } = new();

    public RetentionService.Retention? Figures { get; private set; }

    public InsightFilter Filter => new(Scopes, Input.Organisation, Input.From, Input.To);

    public static string Percent(int? percent) => percent is { } value ? $"{value}%" : "too few to say";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FiguresAsync(cancellationToken) is { } answer ? answer : Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await FiguresAsync(cancellationToken) is { } answer)
            return answer;
        if (Figures is not { } figures)
            return Page();
        var rows = new StringBuilder();
        Csv.Row(rows, "Scope", "Measure", "This period", "Period before", "City, this period");
        foreach (var (measure, now, before, city) in Table(figures))
            Csv.Row(rows, figures.Scope.Name, measure, now, before, city ?? "");
        foreach (var sector in figures.Sectors)
        {
            foreach (var (measure, now, _, _) in Rows(sector.Now, sector.Now, null))
                Csv.Row(rows, $"{figures.Scope.Name}: {sector.Name}", measure, now, "", "");
        }
        Csv.Row(rows);
        Csv.Row(rows, "Month", "Staff in post at the month's end", "Starters", "Leavers", "Turnover over the year to the month");
        foreach (var month in figures.Months)
            Csv.Row(rows, InsightQuery.Month(month.Month), $"{month.InPost}", $"{month.Starters}", $"{month.Leavers}", Percent(month.TurnoverPercent));
        return CsvFile(rows, "retention", figures.Range, figures.AsOfUtc, "Turnover and retention shares are worked out from the rounded counts.");
    }

    /// <summary>The period's measures as rows of words: this period, the period before and (for an employer) the city.</summary>
    public static IReadOnlyList<(string Measure, string Now, string Before, string? City)> Table(RetentionService.Retention figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Rows(figures.Now, figures.Before, figures.City);
    }

    private static List<(string, string, string, string?)> Rows(RetentionService.Measures now, RetentionService.Measures before, RetentionService.Measures? city)
    {
        var rows = new List<(string, string, string, string?)>
        {
            ("Staff in post at the end", $"{now.InPost}", $"{before.InPost}", city is null ? null : $"{city.InPost}"),
            ("Starters", $"{now.Starters}", $"{before.Starters}", city is null ? null : $"{city.Starters}"),
            ("Leavers", $"{now.Leavers}", $"{before.Leavers}", city is null ? null : $"{city.Leavers}"),
            ("Turnover over the year to the last month", Percent(now.TurnoverPercent), Percent(before.TurnoverPercent), city is null ? null : Percent(city.TurnoverPercent)),
        };
        for (var i = 0; i < now.Retention.Count; i++)
        {
            var (n, b, c) = (now.Retention[i], before.Retention[i], city?.Retention[i]);
            rows.Add(($"Starters still in post {n.Months} months on", Share(n), Share(b), c is null ? null : Share(c)));
        }
        rows.Add(("Moved up a step on a career route", $"{now.StepsUp}", $"{before.StepsUp}", city is null ? null : $"{city.StepsUp}"));
        rows.Add(("Enhanced Care Workers in post at the end", $"{now.EnhancedCareWorkers}", $"{before.EnhancedCareWorkers}", city is null ? null : $"{city.EnhancedCareWorkers}"));
        rows.Add(("Apprentices in post at the end", $"{now.Apprentices}", $"{before.Apprentices}", city is null ? null : $"{city.Apprentices}"));
        return rows;
    }

    private static string Share(RetentionService.RetentionShare share) => $"{Percent(share.Percent)} ({share.Retained} of {share.Due})";

    private async Task<IActionResult?> FiguresAsync(CancellationToken cancellationToken)
    {
        var (answer, range, organisation) = await ChooseAsync(Input.From, Input.To, Input.Organisation, cancellationToken);
        if (answer is not null || range is not { } months)
            return answer;
        return Answer(await retention.RetentionAsync(Viewer, organisation, months, cancellationToken), figures =>
        {
            Figures = figures;
            Input = Input with { From = InsightQuery.Month(months.First), To = InsightQuery.Month(months.Last), Organisation = organisation };
        });
    }
}
