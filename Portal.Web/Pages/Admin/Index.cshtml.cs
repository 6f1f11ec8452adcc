using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Admin;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
