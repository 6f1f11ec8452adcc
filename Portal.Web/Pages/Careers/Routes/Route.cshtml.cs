using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Careers.Routes;

/// <summary>One career route: its story from the content file and every step in it, with what each step needs and gives.</summary>
public sealed class RouteModel(ContentStore content) : PageModel
{
    public CareerRoute Route { get; private set; } = null!;

    public ContentSet Catalogue { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        Catalogue = content.Current;
        if (!Catalogue.Routes.TryGetValue(slug, out var route))
            return NotFound();
        Route = route;
        return Page();
    }

    public string RoleTitle(string slug) => Catalogue.Roles.TryGetValue(slug, out var role) ? role.Title : slug;
}
