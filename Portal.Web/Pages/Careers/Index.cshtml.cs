using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Careers;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
