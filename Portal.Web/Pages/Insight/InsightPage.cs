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
/// What every insight page does the same way: who is asking (the city for analysts and admins),
/// the scopes they may choose, the months from the query with the same refusals, the service's
/// answer as a 404 or a form problem, and the CSV's closing notes.
/// </summary>
public abstract class InsightPage(InsightService insight, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InsightService.Scope> Scopes { get; private set; } = [];

    protected InsightService Insight { get; } = insight;

    protected InsightService.Viewer Viewer => new(User.RequiredId(), User.IsInRole(PortalRoles.Analyst) || User.IsInRole(PortalRoles.Admin));

    /// <returns>
    /// A 404 for someone with no figures to see; otherwise no answer, with the months (null when the
    /// query's are refused, the problem on the form) and whose figures (the first scope, the city for
    /// analysts, when none is chosen).
    /// </returns>
    protected async Task<(IActionResult? Answer, MonthRange? Range, Guid? Organisation)> ChooseAsync(string? from, string? to, Guid? organisation, CancellationToken cancellationToken)
    {
        Scopes = await Insight.ScopesAsync(Viewer, cancellationToken);
        if (Scopes.Count == 0)
            return (NotFound(), null, null);
        var range = InsightQuery.Range(from, to, UkTime.Today(clock.GetUtcNow().UtcDateTime), ModelState);
        return (null, range, organisation ?? Scopes[0].OrganisationId);
    }

    /// <summary>Not found is a 404; invalid puts the problem on the form (no answer, no figures); done hands over the figures.</summary>
    protected IActionResult? Answer<T>(Result<T> result, Action<T> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (result.Outcome == Outcome.NotFound)
            return NotFound();
        if (result.Outcome == Outcome.Invalid)
        {
            ModelState.AddModelError($"Input.{result.Problem!.Field}", result.Problem.Message);
            return null;
        }
        done(result.Value!);
        return null;
    }

    /// <summary>The rows with the disclosure rule, any further notes and the "as of" time, as a download nobody caches.</summary>
    protected FileContentResult CsvFile(StringBuilder rows, string name, MonthRange range, DateTime? asOfUtc, params string[] notes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(notes);
        Csv.Row(rows);
        Csv.Row(rows, "Note", SmallNumbers.Rule);
        foreach (var note in notes)
            Csv.Row(rows, "Note", note);
        Csv.Row(rows, "As of", asOfUtc is { } asOf ? asOf.UkDateAndTime() : "not worked out yet");
        Response.Headers.CacheControl = "no-store";
        return Csv.File(rows, $"{name}-{InsightQuery.Month(range.First)}-to-{InsightQuery.Month(range.Last)}.csv");
    }
}
