using System.Text;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Equality;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Insight;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// Reflecting the people it serves: the workforce, applicants and hires by one monitoring question,
/// beside the city's own figures as an analyst entered them.
/// </summary>
public sealed class ReflectingModel(ReflectingService reflecting, InsightService insight, TimeProvider clock) : InsightPage(insight, clock)
{
    public sealed record Query(string? From = null, string? To = null, Guid? Organisation = null, string? Characteristic = null);

    [BindProperty(SupportsGet = true)]
    public Query Input { get; set; } = new();

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
        return CsvFile(rows, $"reflecting-{figures.Question.Key}", figures.Range, figures.AsOfUtc, "Shares are worked out from the rounded counts.");
    }

    private async Task<IActionResult?> FiguresAsync(CancellationToken cancellationToken)
    {
        var (answer, range, organisation) = await ChooseAsync(Input.From, Input.To, Input.Organisation, cancellationToken);
        if (answer is not null || range is not { } months)
            return answer;
        return Answer(await reflecting.ReflectingAsync(Viewer, organisation, months, Input.Characteristic ?? EqualityQuestions.Ethnicity.Key, cancellationToken), figures =>
        {
            Figures = figures;
            Input = Input with { From = InsightQuery.Month(months.First), To = InsightQuery.Month(months.Last), Organisation = organisation, Characteristic = figures.Question.Key };
        });
    }
}
