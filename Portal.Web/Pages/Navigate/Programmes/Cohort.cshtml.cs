using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Programmes;
using Portal.Infrastructure;
using Portal.Infrastructure.Programmes;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate.Programmes;

/// <summary>
/// One cohort: its sessions and attendance, the people on it (with whether they live in a priority
/// neighbourhood), completions and outcomes. Another organisation's cohort, session or enrolment: 404.
/// </summary>
public sealed class CohortModel(ProgrammeService programmes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PriorityNeighbourhoodsOptions> neighbourhoods) : PageModel
{
    /// <summary>Where the priority neighbourhoods list comes from, as the council configured it.</summary>
    public string NeighbourhoodsSource => neighbourhoods.Value.Source;

    public sealed record EnrolInput(string? Email = null);

    public sealed record SessionInput(DateOnly? On = null, string? Title = null);

    public sealed record OutcomeInput(long Enrolment = 0, OutcomeKind Kind = OutcomeKind.Interview, string? Employer = null, DateOnly? On = null);

    public sealed record AttendanceInput(IReadOnlyList<string>? Attended = null);

    [BindProperty]
    public EnrolInput Enrol { get; set; } = new();

    [BindProperty]
    public SessionInput NewSession { get; set; } = new();

    [BindProperty]
    public OutcomeInput NewOutcome { get; set; } = new();

    [BindProperty]
    public AttendanceInput Attendance { get; set; } = new();

    public ProgrammeService.CohortView View { get; private set; } = null!;

    public bool PriorityOnly { get; private set; }

    public DateOnly Today => UkTime.Today(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, bool priority, CancellationToken cancellationToken)
    {
        PriorityOnly = priority;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await programmes.EnrolAsync(User.RequiredId(), id, Enrol.Email ?? "", cancellationToken), "Enrolled. They can see the cohort on their programmes page.", "Enrol", cancellationToken);

    public async Task<IActionResult> OnPostSessionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (NewSession.On is not { } on)
            return await AnswerAsync(id, Result.Invalid("On", "Enter the session's date, like 2027-01-11"), "", "NewSession", cancellationToken);
        return await AnswerAsync(id, await programmes.AddSessionAsync(User.RequiredId(), id, on, NewSession.Title ?? "", cancellationToken), "Session added.", "NewSession", cancellationToken);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, long session, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await programmes.RecordAttendanceAsync(User.RequiredId(), session, Attendance.Attended ?? [], cancellationToken), "Attendance saved.", "Attendance", cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, long enrolment, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await programmes.CompleteAsync(User.RequiredId(), id, enrolment, cancellationToken), "Marked as completed.", "NewOutcome", cancellationToken);

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await programmes.RecordOutcomeAsync(User.RequiredId(), id, NewOutcome.Enrolment, NewOutcome.Kind, NewOutcome.Employer, NewOutcome.On ?? Today, cancellationToken);
        return await AnswerAsync(id, result, "Outcome recorded.", "NewOutcome", cancellationToken);
    }

    private Task<IActionResult> AnswerAsync(Guid id, Result result, string done, string form, CancellationToken cancellationToken) =>
        this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = done;
            return RedirectToPage(new { id, handler = (string?)null });
        }, async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound(), field => field.Length == 0 ? form : $"{form}.{field}");

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await programmes.CohortAsync(User.RequiredId(), id, PriorityOnly, cancellationToken);
        if (view is null)
            return false;
        View = view;
        return true;
    }

    public static string Standing(NeighbourhoodStanding standing) => standing switch
    {
        NeighbourhoodStanding.Priority => "Priority neighbourhood",
        NeighbourhoodStanding.NotPriority => "Not a priority neighbourhood",
        _ => "Neighbourhood not known (no full postcode)",
    };

    public static string Describe(OutcomeKind kind) => kind switch
    {
        OutcomeKind.ProgrammeCompleted => "Completed the programme",
        OutcomeKind.Interview => "Interview",
        OutcomeKind.Offer => "Job offer",
        OutcomeKind.StartedWork => "Started work",
        OutcomeKind.StillInWork13Weeks => "Still in work at 13 weeks",
        OutcomeKind.StillInWork26Weeks => "Still in work at 26 weeks",
        OutcomeKind.StillInWork52Weeks => "Still in work at 52 weeks",
        _ => "Left work",
    };
}
