using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Learn;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
