using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Careers;

public sealed class MapModel(ContentStore content) : PageModel
{
    public ContentSet Catalogue { get; private set; } = null!;

    public void OnGet() => Catalogue = content.Current;
}
