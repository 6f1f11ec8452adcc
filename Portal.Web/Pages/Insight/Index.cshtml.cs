using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Insight;

/// <summary>The figures there are, for analysts, admins, and employers' managers and recruiters.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
