using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Audit;
using Portal.Domain.Navigation;
using Portal.Infrastructure;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate;

/// <summary>
/// One person's case for a navigator of their hub: stage, plan, notes and what they shared. Every
/// handler goes through a service query scoped to the navigator's organisations: anyone else's is 404.
/// </summary>
public sealed class PersonModel(CaseloadService caseload, CaseProgrammes cohorts, CaseEditing editing, AuditLog audit, ContentStore content, TimeProvider clock) : PageModel
{
    /// <summary>The city's date: a new note is dated today unless changed.</summary>
    public DateOnly Today => UkTime.Today(clock.GetUtcNow().UtcDateTime);

    public CaseloadService.CaseView View { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Title, string Organisation)> Jobs { get; private set; } = [];

    public CaseProgrammes.View Programmes { get; private set; } = new([], [], []);

    /// <summary>The hub's other navigators, to hand the case to.</summary>
    public IReadOnlyList<CaseEditing.Colleague> Colleagues { get; private set; } = [];

    /// <summary>Whether the signed-in navigator may still correct or remove this note.</summary>
    public bool CanChange(NoteView note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return ContactNote.CanChange(note.WrittenById, note.WrittenAtUtc, User.RequiredId(), clock.GetUtcNow().UtcDateTime);
    }

    public ContentSet Catalogue => content.Current;

    [BindProperty]
    public StepInput Step { get; set; } = new();

    [BindProperty]
    public NoteInput Note { get; set; } = new();

    [BindProperty]
    public EnrolInput Enrol { get; set; } = new();

    public sealed record EnrolInput(Guid? Cohort = null);

    [BindProperty]
    public HandOverInput HandOver { get; set; } = new();

    public sealed record HandOverInput(string? To = null);

    public sealed class StepInput
    {
        public PlanStepKind Kind { get; set; } = PlanStepKind.CareerConversation;

        public string? Details { get; set; }

        public StepOwner Owner { get; set; } = StepOwner.Person;

        public DateOnly? DueOn { get; set; }

        public string? Module { get; set; }

        public Guid? Vacancy { get; set; }
    }

    public sealed class NoteInput
    {
        public DateOnly? On { get; set; }

        public ContactMethod How { get; set; } = ContactMethod.Phone;

        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        // The person sees who opened their plan, as they see who opened their profile (their data page).
        await audit.OpenedAsync(AuditAction.CaseOpened, [View.Case.UserId], View.Case.OrganisationId, "", cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await caseload.FindAsync(User.RequiredId(), id, cancellationToken) is not { } view)
            return false;
        View = view;
        Jobs = await caseload.OpenJobsAsync(cancellationToken);
        Programmes = await cohorts.ForCaseAsync(User.RequiredId(), id, cancellationToken) ?? Programmes;
        Colleagues = await editing.ColleaguesAsync(User.RequiredId(), id, cancellationToken);
        return true;
    }

    /// <summary>A form sent back with a problem: the page again, without counting it as another opening.</summary>
    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken cancellationToken) =>
        Done(await caseload.TakeAsync(User.RequiredId(), id, cancellationToken), id, "They are on your caseload now.");

    public async Task<IActionResult> OnPostStageAsync(Guid id, CaseStage stage, CancellationToken cancellationToken) =>
        Done(await caseload.MoveAsync(User.RequiredId(), id, stage, cancellationToken), id, $"Stage changed to {CaseStages.Name(stage)}.");

    public async Task<IActionResult> OnPostStepAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await caseload.AddStepAsync(User.RequiredId(), id,
            new CaseloadService.NewStep(Step.Kind, Step.Details, Step.Owner, Step.DueOn, Step.Module, Step.Vacancy), cancellationToken);
        return await this.AnswerAsync(result, () => Saved(id, "Step added to their plan."), () => AgainAsync(id, cancellationToken), field => $"Step.{field}");
    }

    public async Task<IActionResult> OnPostStepDoneAsync(Guid id, long step, CancellationToken cancellationToken) =>
        Done(await caseload.CompleteStepAsync(User.RequiredId(), id, step, cancellationToken), id, "Step marked as done.");

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await caseload.AddNoteAsync(User.RequiredId(), id, Note.On, Note.How, Note.Text, cancellationToken);
        return await this.AnswerAsync(result, () => Saved(id, "Note saved. They can read it on their plan."), () => AgainAsync(id, cancellationToken), field => $"Note.{field}");
    }

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await cohorts.EnrolAsync(User.RequiredId(), id, Enrol.Cohort ?? Guid.Empty, cancellationToken);
        return await this.AnswerAsync(result, () => Saved(id, "Enrolled. The cohort is on their programmes page."), () => AgainAsync(id, cancellationToken), field => $"Enrol.{field}");
    }

    public async Task<IActionResult> OnPostHandOverAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await editing.ReassignAsync(User.RequiredId(), id, HandOver.To, cancellationToken);
        return await this.AnswerAsync(result, () => Saved(id, "Handed over. The case is on their caseload now."), () => AgainAsync(id, cancellationToken), field => $"HandOver.{field}");
    }

    private IActionResult Done(Result result, Guid id, string message) =>
        this.Answer(result, () => Saved(id, message), problem => Saved(id, "Error: " + problem.Message));

    private RedirectToPageResult Saved(Guid id, string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage(new { id });
    }
}
