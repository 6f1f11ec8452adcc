using System.Text;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Insight;
using Portal.Infrastructure.Insight;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// Required training in date: at each month's end, the share of the training staff's jobs require
/// that is held, and the share of staff with all of theirs held. The city, by kind of employer and by
/// care setting, for analysts; an employer's own staff, beside the city, for its managers and recruiters.
/// </summary>
public sealed class TrainingModel(TrainingInDateService training, InsightService insight, TimeProvider clock) : InsightPage(insight, clock)
{
    public sealed record Query(string? From = null, string? To = null, Guid? Organisation = null);

    [BindProperty(SupportsGet = true)]
    public Query Input { get; set; } = new();

    public TrainingInDateService.Figures? Figures { get; private set; }

    public InsightFilter Filter => new(Scopes, Input.Organisation, Input.From, Input.To);

    public static string Percent(TrainingInDateService.Standing standing, int? percent) =>
        !standing.Recorded ? "not recorded" : percent is { } value ? $"{value}%" : "too few to say";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FiguresAsync(cancellationToken) is { } answer ? answer : Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await FiguresAsync(cancellationToken) is { } answer)
            return answer;
        if (Figures is not { } figures)
            return Page();
        var rows = new StringBuilder();
        Csv.Row(rows, "Scope", "At the end of", "Staff counted", "Required training in date", "Staff with all of theirs in date");
        void Row(string scope, string month, TrainingInDateService.Standing standing) =>
            Csv.Row(rows, scope, month, standing.Recorded ? $"{standing.Staff}" : "not recorded", Percent(standing, standing.HeldPercent), Percent(standing, standing.AllHeldPercent));
        Row(figures.Scope.Name, $"{InsightQuery.Month(figures.Range.Before.Last)} (period before)", figures.Before);
        foreach (var month in figures.Months)
            Row(figures.Scope.Name, InsightQuery.Month(month.Month), month.Standing);
        if (figures.City is { } city)
            Row("City", InsightQuery.Month(figures.Range.Last), city);
        foreach (var sector in figures.Sectors)
            Row($"City: {sector.Name}", InsightQuery.Month(figures.Range.Last), sector.Standing);
        foreach (var setting in figures.Settings)
            Row($"City: {setting.Name}", InsightQuery.Month(figures.Range.Last), setting.Standing);
        return CsvFile(rows, "training-in-date", figures.Range, figures.AsOfUtc,
            "Shares are worked out from the rounded counts and are not shown for fewer than 5 staff.",
            "A month is recorded as it stood when it ended; the current month is as of the time below.");
    }

    /// <summary>The share at each month's end, as bars (a whole per cent each; "too few to say" is hatched).</summary>
    public static IReadOnlyList<ShownCount> Bars(IEnumerable<TrainingInDateService.MonthStanding> months) =>
        [.. months.Select(m => !m.Standing.Recorded ? new ShownCount(0) : new ShownCount(m.Standing.HeldPercent))];

    private async Task<IActionResult?> FiguresAsync(CancellationToken cancellationToken)
    {
        var (answer, range, organisation) = await ChooseAsync(Input.From, Input.To, Input.Organisation, cancellationToken);
        if (answer is not null || range is not { } months)
            return answer;
        return Answer(await training.FiguresAsync(Viewer, organisation, months, cancellationToken), figures =>
        {
            Figures = figures;
            Input = Input with { From = InsightQuery.Month(months.First), To = InsightQuery.Month(months.Last), Organisation = organisation };
        });
    }
}
