using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Careers.Programmes;

/// <summary>Every qualification, apprenticeship and programme a route can ask for, grouped by kind.</summary>
public sealed class IndexModel(ContentStore content) : PageModel
{
    public IReadOnlyList<IGrouping<string, Programme>> Kinds { get; private set; } = [];

    public void OnGet() =>
        Kinds = [.. content.Current.Programmes.Values
            .OrderBy(p => p.Level).ThenBy(p => p.Title, StringComparer.Ordinal)
            .GroupBy(p => p.Kind)
            .OrderBy(g => CareerVocabulary.ProgrammeKinds.ToList().IndexOf(g.Key))];
}
