using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Audit;
using Portal.Domain.Talent;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Recruit.Vacancies;

/// <summary>
/// "People who fit" one of the recruiter's vacancies: only people who let employers find them,
/// best fit first, with the reasons. The recruiter can invite someone to apply or dismiss them.
/// Another organisation's vacancy is not found.
/// </summary>
public sealed class PeopleModel(VacancyService vacancies, MatchService matches, AuditLog audit) : PageModel
{
    public Vacancy Vacancy { get; private set; } = null!;

    public IReadOnlyList<MatchService.PersonWhoFits> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        if (await vacancies.FindAsync(userId, id, cancellationToken) is not { } vacancy
            || await matches.PeopleForAsync(userId, id, cancellationToken) is not { } people)
            return NotFound();
        Vacancy = vacancy;
        People = people;
        // Each person shown can see that this organisation saw their profile (once an hour per recruiter).
        await audit.OpenedOnceAsync(AuditAction.ProfileOpened, people.Select(p => p.UserId), vacancy.OrganisationId, $"among people who fit {vacancy.Details.Title}", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, string person, CancellationToken cancellationToken)
    {
        var result = await matches.InviteToApplyAsync(User.RequiredId(), id, person, cancellationToken);
        return await this.AnswerAsync(result, outcome =>
        {
            TempData["StatusMessage"] = outcome == MatchService.InviteOutcome.Sent
                ? "Invitation sent. They get a link to the job; it is up to them whether to apply."
                : "They were already invited to apply for this job.";
            return RedirectToPage(new { id, handler = (string?)null });
        });
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid id, string person, CancellationToken cancellationToken)
    {
        var result = await matches.DismissForVacancyAsync(User.RequiredId(), id, person, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Dismissed: they will not show for this job again.";
            return RedirectToPage(new { id, handler = (string?)null });
        });
    }
}
