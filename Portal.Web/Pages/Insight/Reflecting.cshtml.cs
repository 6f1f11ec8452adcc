using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Equality;
using Portal.Domain.Insight;
using Portal.Infrastructure;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Insight;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// Reflecting the people it serves: the workforce, applicants and hires by one monitoring question,
/// beside the city's own figures as an analyst entered them.
/// </summary>
public sealed class ReflectingModel(ReflectingService reflecting, InsightService insight, TimeProvider clock) : PageModel
{
    public sealed record Query(string? From = null, string? To = null, Guid? Organisation = null, string? Characteristic = null);

    [BindProperty(SupportsGet = true)]
    public Query Input { get; set; } = new();

    public IReadOnlyList<InsightService.Scope> Scopes { get; private set; } = [];

    public ReflectingService.Reflecting? Figures { get; private set; }

    public InsightFilter Filter => new(Scopes, Input.Organisation, Input.From, Input.To, Hidden: new Dictionary<string, string?> { ["Input.Characteristic"] = Input.Characteristic });

    public bool EntersReferences => User.IsInRole(PortalRoles.Analyst) || User.IsInRole(PortalRoles.Admin);

    public static string Share(int? share) => share is { } value ? $"{value}%" : "-";

    private static string CsvShare(int? share) => share is { } value ? $"{value}%" : "too few to say";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FiguresAsync(cancellationToken) is { } problem ? problem : Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await FiguresAsync(cancellationToken) is { } problem)
            return problem;
        if (Figures is not { } figures)
            return Page();
        var rows = new StringBuilder();
        Csv.Row(rows, "Scope", "Question", "Group", "City reference (%)", "Reference source", "Reference year", "Workforce", "Workforce (%)", "Applied", "Applied (%)", "Hired", "Hired (%)");
        foreach (var group in figures.Groups)
        {
            Csv.Row(rows, figures.Scope.Name, figures.Question.Text, group.Group, group.Reference?.Share.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "", group.Reference?.Source ?? "",
                group.Reference?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", $"{group.Workforce}", CsvShare(group.WorkforceShare), $"{group.Applied}", CsvShare(group.AppliedShare), $"{group.Hired}", CsvShare(group.HiredShare));
        }
        Csv.Row(rows, figures.Scope.Name, figures.Question.Text, "Everyone", "", "", "", $"{figures.WorkforceTotal}", "", $"{figures.AppliedTotal}", "", $"{figures.HiredTotal}", "");
        Csv.Row(rows);
        Csv.Row(rows, "Note", SmallNumbers.Rule);
        Csv.Row(rows, "Note", "Shares are worked out from the rounded counts.");
        Csv.Row(rows, "As of", figures.AsOfUtc is { } asOf ? asOf.UkDateAndTime() : "not worked out yet");
        Response.Headers.CacheControl = "no-store";
        return Csv.File(rows, $"reflecting-{figures.Question.Key}-{InsightQuery.Month(figures.Range.First)}-to-{InsightQuery.Month(figures.Range.Last)}.csv");
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
        var result = await reflecting.ReflectingAsync(viewer, organisation, range, Input.Characteristic ?? EqualityQuestions.Ethnicity.Key, cancellationToken);
        if (result.Outcome == Outcome.NotFound)
            return NotFound();
        if (result.Outcome == Outcome.Invalid)
        {
            ModelState.AddModelError($"Input.{result.Problem!.Field}", result.Problem.Message);
            return null;
        }
        Figures = result.Value;
        Input = Input with { From = InsightQuery.Month(range.First), To = InsightQuery.Month(range.Last), Organisation = organisation, Characteristic = Figures!.Question.Key };
        return null;
    }
}
