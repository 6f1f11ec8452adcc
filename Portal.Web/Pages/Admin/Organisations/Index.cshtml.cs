using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Organisations;
using Portal.Web.Accounts;
using Portal.Web.Pages.Organisations;

namespace Portal.Web.Pages.Admin.Organisations;

/// <summary>Requests waiting for approval, every organisation, and the form to add one. Admins only (folder policy).</summary>
public sealed class IndexModel(OrganisationService organisations, OrganisationRequestService requests) : PageModel
{
    public IReadOnlyList<OrganisationService.OrganisationSummary> Organisations { get; private set; } = [];

    public IReadOnlyList<OrganisationRequestService.PendingRequest> Pending { get; private set; } = [];

    /// <summary>Why approving or declining one request did not happen, shown beside it.</summary>
    public (Guid RequestId, string Message)? DecisionProblem { get; private set; }

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Pending = await requests.PendingAsync(cancellationToken);
        Organisations = await organisations.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var result = await requests.ApproveAsync(User.RequiredId(), requestId,
            Url.Page("/Organisations/Request", pageHandler: null, values: null, protocol: Request.Scheme)!, cancellationToken);
        return await this.AnswerAsync(result, organisation =>
        {
            TempData["StatusMessage"] = $"{organisation.Name} is approved. The person who asked is its first member and has been emailed.";
            return RedirectToPage("/Admin/Organisations/Organisation", new { id = organisation.Id });
        }, problem => DecisionFailedAsync(requestId, problem.Message, cancellationToken));
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid requestId, string? reason, CancellationToken cancellationToken)
    {
        var result = await requests.DeclineAsync(User.RequiredId(), requestId, reason ?? "", cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "The request is declined, and the person who asked has been emailed the reason.";
            return RedirectToPage();
        }, problem => DecisionFailedAsync(requestId, problem.Message, cancellationToken));
    }

    private async Task<IActionResult> DecisionFailedAsync(Guid requestId, string problem, CancellationToken cancellationToken)
    {
        // The add-organisation form was not what was sent: do not show its empty fields as errors.
        ModelState.Clear();
        DecisionProblem = (requestId, problem);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await ShowAsync(cancellationToken);
        var result = await organisations.CreateAsync(Input.Name, Input.Type!.Value, Input.CqcLocationId, Input.Postcode, cancellationToken);
        return await this.AnswerAsync(result, organisation =>
        {
            TempData["StatusMessage"] = $"{organisation.Name} is added. Now add the first recruiter or manager.";
            return RedirectToPage("/Admin/Organisations/Organisation", new { id = organisation.Id });
        }, () => ShowAsync(cancellationToken));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
