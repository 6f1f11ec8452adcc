using System.Globalization;
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
/// Learning reach: how many people learn, how many for the first time, and what they pass, month by
/// month against the period before. The city for analysts and admins; an employer's own staff for
/// its managers and recruiters, with the city beside it.
/// </summary>
public sealed class LearningModel(InsightService insight, TimeProvider clock) : PageModel
{
    /// <param name="From">A month as yyyy-MM (what a month input sends).</param>
    public sealed record Query(string? From = null, string? To = null, Guid? Organisation = null);

    [BindProperty(SupportsGet = true)]
    public Query Input { get; set; } = new();

    public IReadOnlyList<InsightService.Scope> Scopes { get; private set; } = [];

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
        Csv.Row(rows);
        Csv.Row(rows, "Note", SmallNumbers.Rule);
        Csv.Row(rows, "As of", reach.AsOfUtc is { } asOf ? asOf.UkDateAndTime() : "not worked out yet");
        Response.Headers.CacheControl = "no-store";
        return Csv.File(rows, $"learning-reach-{reach.Range.First:yyyy-MM}-to-{reach.Range.Last:yyyy-MM}.csv");
    }

    /// <returns>An answer other than the page (not found), or null with the figures or a form problem set.</returns>
    private async Task<IActionResult?> FiguresAsync(CancellationToken cancellationToken)
    {
        var viewer = new InsightService.Viewer(User.RequiredId(), User.IsInRole(PortalRoles.Analyst) || User.IsInRole(PortalRoles.Admin));
        Scopes = await insight.ScopesAsync(viewer, cancellationToken);
        if (Scopes.Count == 0)
            return NotFound();
        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        var range = MonthRange.TwelveMonthsTo(today);
        if (Input.From is not null || Input.To is not null)
        {
            if (!TryMonth(Input.From, out var from) || !TryMonth(Input.To, out var to))
            {
                ModelState.AddModelError("Input.From", "Enter months like 2026-01");
                return null;
            }
            if (MonthRange.Create(from, to, today, out var problem) is not { } chosen)
            {
                ModelState.AddModelError("Input.From", problem!);
                return null;
            }
            range = chosen;
        }
        // No organisation chosen: the first the viewer may see (the city for analysts).
        var organisation = Input.Organisation ?? Scopes[0].OrganisationId;
        var result = await insight.LearningReachAsync(viewer, organisation, range, cancellationToken);
        if (result.Outcome == Outcome.NotFound)
            return NotFound();
        Reach = result.Value;
        Input = Input with { From = range.First.ToString("yyyy-MM", CultureInfo.InvariantCulture), To = range.Last.ToString("yyyy-MM", CultureInfo.InvariantCulture), Organisation = organisation };
        return null;
    }

    private static bool TryMonth(string? value, out DateOnly month) =>
        DateOnly.TryParseExact((value ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    public static string MonthLabel(DateOnly month, int months) =>
        month.ToString(months <= 12 ? "MMM" : "MMM yy", CultureInfo.GetCultureInfo("en-GB"));
}
