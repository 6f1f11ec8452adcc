using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate;

/// <summary>The navigator's caseload: the people they help, filtered and searched, and the hub's queue of new requests.</summary>
public sealed class IndexModel(CaseloadService caseload, HelpInvitationService invitations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseloadInput Filter { get; set; } = new();

    public sealed class CaseloadInput
    {
        public CaseStage? Stage { get; set; }

        /// <summary>"everyone" for the whole organisation's caseload; anything else is mine.</summary>
        public string? Show { get; set; }

        public bool Overdue { get; set; }

        public bool PriorityOnly { get; set; }

        public string? Search { get; set; }
    }

    public IReadOnlyList<CaseloadService.CaseRow> Cases { get; private set; } = [];

    public IReadOnlyList<CaseloadService.QueuedRequest> Queue { get; private set; } = [];

    public bool Everyone => Filter.Show == "everyone";

    /// <summary>People invited who have not joined yet: only their name and address are kept.</summary>
    public IReadOnlyList<HelpInvitationService.Pending> Invited { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        Cases = await caseload.CaseloadAsync(userId, new CaseloadFilter(Filter.Stage, Everyone, Filter.Overdue, Filter.Search, Filter.PriorityOnly), cancellationToken);
        Queue = await caseload.QueueAsync(userId, cancellationToken);
        Invited = await invitations.PendingAsync(userId, cancellationToken);
    }

    /// <summary>Takes a request from the queue: the person's page next, to contact them.</summary>
    public async Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await caseload.TakeAsync(User.RequiredId(), id, cancellationToken);
        return this.Answer(result, () =>
        {
            TempData["StatusMessage"] = "They are on your caseload now. Contact them the way they asked.";
            return RedirectToPage("/Navigate/Person", new { id });
        }, problem =>
        {
            TempData["StatusMessage"] = "Error: " + problem.Message;
            return RedirectToPage();
        });
    }

    /// <summary>Sends an invitation again with a new link; the old link stops working.</summary>
    public async Task<IActionResult> OnPostResendAsync(Guid invitation, CancellationToken cancellationToken)
    {
        var result = await invitations.ResendAsync(User.RequiredId(), invitation,
            token => Url.Page("/Navigation/Join", pageHandler: null, values: new { token }, protocol: Request.Scheme)!, cancellationToken);
        return this.Answer(result, () =>
        {
            TempData["StatusMessage"] = $"Invitation sent again with a new link. It works for {Portal.Domain.Navigation.HelpInvitation.LifeTime.Days} days; the old link no longer does.";
            return RedirectToPage();
        }, problem =>
        {
            TempData["StatusMessage"] = "Error: " + problem.Message;
            return RedirectToPage();
        });
    }
}
