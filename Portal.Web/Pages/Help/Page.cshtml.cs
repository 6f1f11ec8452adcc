using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Help;

/// <summary>About, privacy, accessibility and other plain pages, written in content/pages/.</summary>
public sealed class PageModel(ContentStore content) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public InfoPage Info { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (!content.Current.Pages.TryGetValue(slug, out var page))
            return NotFound();
        Info = page;
        return Page();
    }
}
