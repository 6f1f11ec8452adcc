using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Audit;
using Portal.Domain.Talent;
using Portal.Infrastructure;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Recruit.Vacancies;

/// <summary>A vacancy's applicants: the pipeline, training held against required, and the CSV. Not theirs: 404.</summary>
public sealed class ApplicationsModel(ApplicationService applications, VacancyService vacancies, TrainingService training, ProfileService profiles, ContentStore content, AuditLog audit) : PageModel
{
    public Vacancy Vacancy { get; private set; } = null!;

    public IReadOnlyList<ApplicationService.Applicant> Applicants { get; private set; } = [];

    public IReadOnlyDictionary<string, IReadOnlySet<string>> Held { get; private set; } = new Dictionary<string, IReadOnlySet<string>>();

    public IReadOnlyDictionary<string, CandidateProfile> Profiles { get; private set; } = new Dictionary<string, CandidateProfile>();

    public ContentSet Catalogue => content.Current;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        // Each applicant can see that this organisation opened their application and profile (once an hour per recruiter).
        await audit.OpenedOnceAsync(AuditAction.ProfileOpened, Applicants.Select(a => a.UserId), Vacancy.OrganisationId, $"application for {Vacancy.Details.Title}", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid application, ApplicationStatus to, CancellationToken cancellationToken)
    {
        var result = await applications.MoveAsync(User.RequiredId(), application, to, cancellationToken);
        return this.Answer(result, () => Back(id, $"Moved to {to.ToString().ToLowerInvariant()}. The applicant has been emailed."), problem => Back(id, "Error: " + problem.Message));
    }

    private RedirectToPageResult Back(Guid id, string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        await audit.OpenedAsync(AuditAction.ProfileOpened, Applicants.Select(a => a.UserId), Vacancy.OrganisationId, $"application for {Vacancy.Details.Title}, downloaded", cancellationToken);
        var csv = new StringBuilder();
        Csv.Row(csv, "Name", "Email", "Status", "Applied", "Required training held", "DBS on the update service", "Right to work share code", "References ready", "Note");
        foreach (var applicant in Applicants)
        {
            // Readiness as the person declared it: the date they said so, or "No".
            var profile = Profiles.GetValueOrDefault(applicant.UserId);
            Csv.Row(csv, applicant.Name, applicant.Email, applicant.Status.ToString(),
                applicant.SubmittedAtUtc.UkIsoDate(),
                $"{HeldCount(applicant)} of {Vacancy.Details.RequiredModules.Count}",
                Declared(profile?.DbsUpdateServiceDeclaredOn), Declared(profile?.RightToWorkDeclaredOn), Declared(profile?.ReferencesDeclaredOn),
                applicant.Note ?? "");
        }
        return Csv.File(csv, $"applications-{id:N}.csv");
    }

    private static string Declared(DateOnly? on) => on is { } date ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "No";

    public int HeldCount(ApplicationService.Applicant applicant) =>
        Vacancy.Details.RequiredModules.Count(m => Held.TryGetValue(applicant.UserId, out var held) && held.Contains(m));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        if (await vacancies.FindAsync(userId, id, cancellationToken) is not { } vacancy
            || await applications.ForVacancyAsync(userId, id, cancellationToken) is not { } applicants)
            return false;
        Vacancy = vacancy;
        Applicants = applicants;
        var people = applicants.Select(a => a.UserId).Distinct().ToList();
        Held = await training.ValidModulesAsync(people, vacancy.Details.RequiredModules, content.Current, cancellationToken);
        Profiles = await profiles.FindManyAsync(people, cancellationToken);
        return true;
    }
}
