using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Organisations;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Organisations;

/// <summary>
/// An employer asks for their organisation to be set up, with themselves as its first recruiter
/// or manager, and follows the request to an admin's decision. Any signed-in person may ask.
/// </summary>
public sealed class RequestModel(OrganisationRequestService requests, UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    public IReadOnlyList<OrganisationRequest> Mine { get; private set; } = [];

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public sealed class RequestInput : OrganisationInput
    {
        [Required(ErrorMessage = "Choose whether you will recruit or manage staff")]
        public MembershipRole? Role { get; set; }

        [StringLength(OrganisationRequest.MaxNoteLength, ErrorMessage = "The note can be at most 1,000 characters")]
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Mine = await requests.MineAsync(User.RequiredId(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await ShowAsync(cancellationToken);
        var result = await requests.RequestAsync(User.RequiredId(),
            new(Input.Name, Input.Type!.Value, Input.CqcLocationId, Input.Postcode, Input.Role!.Value, Input.Note),
            Url.Page("/Admin/Organisations/Index", pageHandler: null, values: null, protocol: Request.Scheme)!, cancellationToken);
        return await this.AnswerAsync(result, request =>
        {
            TempData["StatusMessage"] = $"Thank you. We have your request for {request.Name}; we will email you when an admin has looked at it.";
            return RedirectToPage();
        }, () => ShowAsync(cancellationToken));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }

    /// <summary>Puts the role an approval gave into the sign-in cookie, then opens the recruiter or manager pages.</summary>
    public async Task<IActionResult> OnPostStartAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = (await requests.MineAsync(User.RequiredId(), cancellationToken)).FirstOrDefault(r => r.Id == requestId && r.Status == OrganisationRequestStatus.Approved);
        if (request is null)
            return NotFound();
        if (await users.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        return RedirectToPage(request.RequesterRole == MembershipRole.Manager ? "/Manage/Index" : "/Recruit/Index");
    }
}
