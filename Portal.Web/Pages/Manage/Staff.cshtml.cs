using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Audit;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Manage;

/// <summary>
/// One member of staff, for their manager: every required topic as a list (the matrix on a phone),
/// their competency log, their job, team and practitioner flag, and "they have left".
/// </summary>
public sealed class StaffModel(ComplianceService compliance, CompetencyService competencies, ContentStore content, AuditLog audit) : PageModel
{
    public ComplianceService.PersonStanding Person { get; private set; } = null!;

    public ContentSet Catalogue => content.Current;

    [BindProperty]
    public string? JobRole { get; set; }

    [BindProperty]
    public string? Team { get; set; }

    [BindProperty]
    public bool Practitioner { get; set; }

    [BindProperty]
    public bool Apprentice { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public long? RevokeFailedFor { get; private set; }

    public string JobTitle(string slug) => Catalogue.Roles.TryGetValue(slug, out var role) ? role.Title : slug;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        // The person can see who opened their record (their data page).
        await audit.OpenedAsync(AuditAction.RecordOpened, [Person.UserId], Person.OrganisationId, "training record", cancellationToken);
        JobRole = Person.JobRole;
        Team = Person.Team;
        Practitioner = Person.Practitioner;
        Apprentice = Person.Apprentice;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(long id, CancellationToken cancellationToken)
    {
        var result = await compliance.ChangeJobAsync(User.RequiredId(), id, JobRole ?? "", Team, Practitioner, Apprentice, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Their job is saved.";
            return RedirectToPage(new { id });
        }, async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound(), field: _ => nameof(JobRole));
    }

    public async Task<IActionResult> OnPostLeaveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var name = Person.Name;
        var result = await compliance.EndAsync(User.RequiredId(), id, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = $"{name} has left your staff. Their own training record stays with them.";
            return RedirectToPage("/Manage/Index");
        });
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, long record, CancellationToken cancellationToken)
    {
        // The person must be on their staff and the sign-off theirs before anything changes.
        if (!await LoadAsync(id, cancellationToken) || Person.Log.All(r => r.Id != record))
            return NotFound();
        var result = await competencies.RevokeAsync(User.RequiredId(), id, record, Reason, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "The sign-off is withdrawn. It stays in their record, with your reason.";
            return RedirectToPage(new { id });
        }, () =>
        {
            // The reason goes back beside the sign-off it was for; the job form shows what is saved.
            RevokeFailedFor = record;
            JobRole = Person.JobRole;
            Team = Person.Team;
            Practitioner = Person.Practitioner;
            Apprentice = Person.Apprentice;
            return Task.FromResult<IActionResult>(Page());
        }, field: _ => nameof(Reason));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var person = await compliance.PersonAsync(User.RequiredId(), id, cancellationToken);
        if (person is null)
            return false;
        Person = person;
        return true;
    }
}
