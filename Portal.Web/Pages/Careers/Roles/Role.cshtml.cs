using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Careers.Roles;

public sealed class RoleModel(ContentStore content) : PageModel
{
    public CareerRole Role { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (!content.Current.Roles.TryGetValue(slug, out var role))
            return NotFound();
        Role = role;
        return Page();
    }
}
