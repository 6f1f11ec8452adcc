using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Careers.Programmes;

/// <summary>One programme with every fact the content holds about it, and the steps and jobs that use it.</summary>
public sealed class ProgrammeModel(ContentStore content) : PageModel
{
    public Programme Programme { get; private set; } = null!;

    public ContentSet Catalogue { get; private set; } = null!;

    /// <summary>Steps between jobs that ask for this programme, or for one it is part of, with the route file each is in.</summary>
    public IReadOnlyList<(RouteStep Step, CareerRoute Route)> UsedBy { get; private set; } = [];

    /// <summary>Programmes that include this one, such as the apprenticeship that contains a diploma.</summary>
    public IReadOnlyList<Programme> PartOf { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        Catalogue = content.Current;
        if (!Catalogue.Programmes.TryGetValue(slug, out var programme))
            return NotFound();
        Programme = programme;
        PartOf = [.. Catalogue.Programmes.Values.Where(p => p.Includes.Contains(slug)).OrderBy(p => p.Title, StringComparer.Ordinal)];
        UsedBy = [.. Catalogue.Routes.Values
            .SelectMany(route => route.Steps.Select(step => (Step: step, Route: route)))
            .Where(x => x.Step.Requirements.Programmes.Contains(slug))
            .OrderBy(x => Catalogue.Roles[x.Step.To].Title, StringComparer.Ordinal)
            .ThenBy(x => Catalogue.Roles[x.Step.From].Title, StringComparer.Ordinal)];
        return Page();
    }

    public string RoleTitle(string slug) => Catalogue.Roles.TryGetValue(slug, out var role) ? role.Title : slug;
}
