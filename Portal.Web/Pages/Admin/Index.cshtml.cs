using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Organisations;

namespace Portal.Web.Pages.Admin;

public sealed class IndexModel(OrganisationRequestService requests) : PageModel
{
    public int PendingRequests { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        PendingRequests = await requests.PendingCountAsync(cancellationToken);
}
