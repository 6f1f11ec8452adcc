using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages;

public class PrivacyModel : PageModel
{
    public void OnGet()
    {
    }
}

