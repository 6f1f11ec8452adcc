using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure.Insight;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// Learning reach: how many people learn, how many for the first time, and what they pass, month by
/// month against the period before. The city for analysts and admins; an employer's own staff for
/// its managers and recruiters, with the city beside it.
/// </summary>
public sealed class LearningModel(InsightService insight, TimeProvider clock) : InsightPage(insight, clock)
{
    /// <param name="From">A month as yyyy-MM (what a month input sends).</param>
    public sealed record Query(string? From = null, string? To = null, Guid? Organisation = null);

    [BindProperty(SupportsGet = true)]
    public Query Input { get; set; } = new();

    public InsightService.LearningReach? Reach { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FiguresAsync(cancellationToken) is { } problem ? problem : Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await FiguresAsync(cancellationToken) is { } problem)
            return problem;
        if (Reach is not { } reach)
            return Page();
        var rows = new StringBuilder();
        Csv.Row(rows, "Scope", "Month", "People who passed a module", "First-time learners", "Modules passed", "Same month, period before: people", "Same month, period before: first-time", "Same month, period before: passed");
        for (var i = 0; i < reach.Months.Count; i++)
        {
            var now = reach.Months[i];
            var then = reach.MonthsBefore[i];
            Csv.Row(rows, reach.Scope.Name, now.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), $"{now.Learners}", $"{now.FirstTimeLearners}", $"{now.Completions}",
                $"{then.Learners}", $"{then.FirstTimeLearners}", $"{then.Completions}");
        }
        return CsvFile(rows, "learning-reach", reach.Range, reach.AsOfUtc);
    }

    /// <returns>An answer other than the page (not found), or null with the figures or a form problem set.</returns>
    private async Task<IActionResult?> FiguresAsync(CancellationToken cancellationToken)
    {
        var (answer, range, organisation) = await ChooseAsync(Input.From, Input.To, Input.Organisation, cancellationToken);
        if (answer is not null || range is not { } months)
            return answer;
        return Answer(await Insight.LearningReachAsync(Viewer, organisation, months, cancellationToken), reach =>
        {
            Reach = reach;
            Input = Input with { From = InsightQuery.Month(months.First), To = InsightQuery.Month(months.Last), Organisation = organisation };
        });
    }

    public static string MonthLabel(DateOnly month, int months) =>
        month.ToString(months <= 12 ? "MMM" : "MMM yy", CultureInfo.GetCultureInfo("en-GB"));
}
