using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Manage;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
