using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Learn;

/// <summary>Where a quiz answered offline lands: kept with the module, so it opens with no signal.</summary>
public sealed class WaitingModel(ContentStore content) : PageModel
{
    public LearningModule Module { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (!content.Current.Modules.TryGetValue(slug, out var module))
            return NotFound();
        Module = module;
        return Page();
    }
}
