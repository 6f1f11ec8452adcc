using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Organisations;
using Portal.Web.Accounts;
using Portal.Web.Pages.Invitations;

namespace Portal.Web.Pages.Admin.Organisations;

/// <summary>One organisation: its people, and adding someone who already has an account.</summary>
public sealed class OrganisationModel(OrganisationService organisations, InvitationService invitations) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;

    public IReadOnlyList<OrganisationService.Member> Members { get; private set; } = [];

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public sealed class MemberInput
    {
        [Required(ErrorMessage = "Enter their email address")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose recruiter, manager or navigator")]
        public MembershipRole? Role { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await organisations.FindAsync(id, cancellationToken) is not { } organisation)
            return NotFound();
        Organisation = organisation;
        Members = await organisations.MembersAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>Invites by email: for someone with no account yet, or to let them accept it themselves.</summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await OnGetAsync(id, cancellationToken);
        var result = await invitations.InviteAsync(User.RequiredId(), inviterIsAdmin: true, id, Input.Email, Input.Role!.Value,
            this.AcceptLink(), cancellationToken: cancellationToken);
        return await this.AnswerAsync(result, () => this.Sent(Input.Email, new { id }), () => OnGetAsync(id, cancellationToken), field: _ => "Input.Email");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await OnGetAsync(id, cancellationToken);
        var result = await organisations.AddMemberAsync(id, Input.Email, Input.Role!.Value, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = $"{Input.Email} is now a {Input.Role.Value.ToString().ToLowerInvariant()} here. They will see it the next time they sign in.";
            return RedirectToPage(new { id });
        }, () => OnGetAsync(id, cancellationToken));
    }
}
