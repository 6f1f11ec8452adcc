using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Recruit;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
