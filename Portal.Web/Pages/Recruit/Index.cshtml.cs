using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;
using Portal.Web.Pages.Invitations;

namespace Portal.Web.Pages.Recruit;

/// <summary>The recruiter's vacancies across the organisations they recruit for.</summary>
public sealed class IndexModel(VacancyService vacancies, InvitationService invitations) : PageModel
{
    public IReadOnlyList<VacancyService.RecruiterVacancy> Vacancies { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    [BindProperty]
    public Guid? InviteTo { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your colleague's email address")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com")]
    public string? InviteEmail { get; set; }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && InviteTo is null)
            ModelState.AddModelError(nameof(InviteEmail), "Choose one of your organisations");
        if (!ModelState.IsValid)
            return await ShowAsync(cancellationToken);
        var result = await invitations.InviteAsync(User.RequiredId(), inviterIsAdmin: false, InviteTo!.Value, InviteEmail!, MembershipRole.Recruiter,
            this.AcceptLink(), cancellationToken: cancellationToken);
        return await this.AnswerAsync(result, () => this.Sent(InviteEmail!), () => ShowAsync(cancellationToken), field: _ => nameof(InviteEmail));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        Organisations = await vacancies.RecruitingForAsync(userId, cancellationToken);
        Vacancies = await vacancies.ListAsync(userId, cancellationToken);
    }
}
