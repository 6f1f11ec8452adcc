using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Organisations;
using Portal.Web.Accounts;
using Portal.Web.Pages.Invitations;

namespace Portal.Web.Pages.Manage;

/// <summary>
/// A manager's team: the staff of the organisations they manage, each in a job whose required
/// training the reminders check, and an invitation for someone new, to a job.
/// </summary>
public sealed class IndexModel(OrganisationService organisations, InvitationService invitations, ContentStore content) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public IReadOnlyList<OrganisationService.StaffMember> Staff { get; private set; } = [];

    public ContentSet Catalogue => content.Current;

    [BindProperty]
    public Guid? InviteTo { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter their email address")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com")]
    public string? InviteEmail { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose their job")]
    public string? JobRole { get; set; }

    [BindProperty]
    public string? Team { get; set; }

    [BindProperty]
    public bool Practitioner { get; set; }

    [BindProperty]
    public bool Apprentice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        Organisations = await organisations.ManagingAsync(userId, cancellationToken);
        Staff = await organisations.StaffOfAsync(userId, cancellationToken);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (JobRole is not null && (!content.Current.Roles.TryGetValue(JobRole, out var role) || role.EntryPoint))
            ModelState.AddModelError(nameof(JobRole), "Choose their job from the list");
        if (ModelState.IsValid && InviteTo is null)
            ModelState.AddModelError(nameof(InviteEmail), "Choose one of your organisations");
        if (!ModelState.IsValid)
            return await ShowAsync(cancellationToken);
        var result = await invitations.InviteAsync(User.RequiredId(), inviterIsAdmin: false, InviteTo!.Value, InviteEmail!, MembershipRole.Staff,
            this.AcceptLink(), new StaffTerms(JobRole!, Team, Practitioner, Apprentice: Apprentice), cancellationToken);
        return await this.AnswerAsync(result, () => this.Sent(InviteEmail!), () => ShowAsync(cancellationToken), field: _ => nameof(InviteEmail));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public string JobTitle(string slug) => Catalogue.Roles.TryGetValue(slug, out var role) ? role.Title : slug;
}
