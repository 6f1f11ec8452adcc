using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Jobs;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
