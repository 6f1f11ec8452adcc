using Microsoft.EntityFrameworkCore;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;

namespace Portal.Infrastructure.Navigation;

/// <summary>What the caseload shows.</summary>
/// <param name="Stage">One stage, or every open stage when null.</param>
/// <param name="Everyone">Everyone on the organisation's caseload, not only mine.</param>
/// <param name="Overdue">Only people whose next step is past its date.</param>
/// <param name="PriorityOnly">Only people whose postcode is in one of the council's priority neighbourhoods.</param>
public sealed record CaseloadFilter(CaseStage? Stage = null, bool Everyone = false, bool Overdue = false, string? Search = null, bool PriorityOnly = false);

/// <summary>
/// The navigator's side: the caseload, the shared queue, and one person's case. Every query starts
/// from the organisations the navigator belongs to (decision 0014), so another organisation's case
/// is not found, and a case whose consent was withdrawn is not found by anyone.
/// </summary>
public sealed class CaseloadService(PortalDbContext db, OrganisationService organisations, CaseReader reader, ContentStore content, PriorityNeighbourhoods priority, TimeProvider clock)
{
    public const int MaxRows = 300;

    public sealed record CaseRow(Guid Id, string Name, CaseStage Stage, string? Navigator, bool Mine, StepView? Next, DateOnly? LastContactOn, NeighbourhoodStanding Neighbourhood);

    public sealed record QueuedRequest(Guid Id, string Name, string OrganisationName, string HelpWith, ContactPreference ContactBy, DateTime AskedAtUtc);

    /// <param name="Email">The account's address, for a reply by email.</param>
    public sealed record CaseView(
        NavigationCase Case, string OrganisationName, string Name, string Email, string? Navigator, bool Mine,
        IReadOnlyList<StepView> Steps, IReadOnlyList<NoteView> Notes, Circumstances? Circumstances);

    private IQueryable<NavigationCase> Visible(string navigatorId)
    {
        var mine = organisations.OrganisationsOf(navigatorId, MembershipRole.Navigator);
        return db.Set<NavigationCase>().Where(c => mine.Contains(c.OrganisationId) && c.ClosedBecause != CaseClosure.ConsentWithdrawn);
    }

    /// <summary>Whether they navigate for any organisation (an admin without a membership has no caseload).</summary>
    public Task<bool> IsNavigatorAsync(string userId, CancellationToken cancellationToken = default) =>
        organisations.OrganisationsOf(userId, MembershipRole.Navigator).AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<CaseRow>> CaseloadAsync(string navigatorId, CaseloadFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        var cases = Visible(navigatorId).Where(c => c.NavigatorId != null);
        cases = filter.Stage is { } stage ? cases.Where(c => c.Stage == stage) : cases.Where(c => c.Stage != CaseStage.Closed);
        if (!filter.Everyone)
            cases = cases.Where(c => c.NavigatorId == navigatorId);
        var rows = cases.Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { c, u.DisplayName, u.Email });
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var lower = search.ToLowerInvariant();
#pragma warning disable CA1862 // lower-cased in the query: every provider translates ToLower
            rows = rows.Where(r => (r.DisplayName != null && r.DisplayName.ToLower().Contains(lower)) || r.Email!.ToLower().Contains(lower));
#pragma warning restore CA1862
        }
        var found = await rows
            .GroupJoin(db.Users, r => r.c.NavigatorId, n => n.Id, (r, navigators) => new { r, navigators })
            .SelectMany(x => x.navigators.DefaultIfEmpty(), (x, n) => new
            {
                x.r.c.Id, x.r.c.UserId, x.r.c.Stage, x.r.c.NavigatorId, x.r.c.LastContactOn, x.r.DisplayName, x.r.Email,
                NavigatorName = n == null ? null : n.DisplayName, NavigatorEmail = n == null ? null : n.Email,
            })
            .OrderBy(r => r.DisplayName).ThenBy(r => r.Id).Take(MaxRows)
            .ToListAsync(cancellationToken);
        var ids = found.Select(r => r.Id).ToList();
        var open = await db.Set<PlanStep>().AsNoTracking().Where(s => ids.Contains(s.CaseId) && s.Status == StepStatus.ToDo).ToListAsync(cancellationToken);
        var people = found.Select(r => r.UserId).ToList();
        var postcodes = await db.Set<CandidateProfile>().AsNoTracking().Where(p => people.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.Postcode, StringComparer.Ordinal, cancellationToken);
        var modules = content.Current.Modules;
        var next = open.GroupBy(s => s.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.DueOn ?? DateOnly.MaxValue).ThenBy(s => s.Id).First());
        var result = found.Select(r =>
        {
            StepView? step = null;
            if (next.TryGetValue(r.Id, out var s))
            {
                var title = s.Kind == PlanStepKind.LearningModule && modules.TryGetValue(s.Link!, out var module) ? module.Title
                    : s.Details.Length > 0 ? s.Details : StepView.KindName(s.Kind);
                step = new StepView(s.Id, s.Kind, title, s.Details, s.Owner, s.DueOn, s.Status, s.Link, false, null, null, s.IsOverdue(today));
            }
            return new CaseRow(r.Id, PortalUser.ShownName(r.DisplayName, r.Email), r.Stage,
                r.NavigatorEmail is null ? null : PortalUser.ShownName(r.NavigatorName, r.NavigatorEmail), r.NavigatorId == navigatorId, step, r.LastContactOn,
                priority.Place(postcodes.GetValueOrDefault(r.UserId)));
        });
        return [.. result.Where(r => (!filter.Overdue || r.Next?.Overdue == true) && (!filter.PriorityOnly || r.Neighbourhood == NeighbourhoodStanding.Priority))];
    }

    /// <summary>New requests to the navigator's organisations that nobody has taken yet, oldest first.</summary>
    public async Task<IReadOnlyList<QueuedRequest>> QueueAsync(string navigatorId, CancellationToken cancellationToken = default)
    {
        var rows = await Visible(navigatorId).Where(c => c.NavigatorId == null && c.Stage != CaseStage.Closed)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { c, u.DisplayName, u.Email })
            .Join(db.Set<Organisation>(), x => x.c.OrganisationId, o => o.Id, (x, o) => new { x.c.Id, x.DisplayName, x.Email, o.Name, x.c.HelpWith, x.c.ContactBy, x.c.OpenedAtUtc })
            .OrderBy(r => r.OpenedAtUtc).ThenBy(r => r.Id).Take(MaxRows)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new QueuedRequest(r.Id, PortalUser.ShownName(r.DisplayName, r.Email), r.Name, r.HelpWith, r.ContactBy, r.OpenedAtUtc))];
    }

    /// <summary>
    /// Takes a request from the queue. Two navigators taking the same one at once: one conditional
    /// update decides, and the other is told who has it.
    /// </summary>
    public async Task<Result> TakeAsync(string navigatorId, Guid caseId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await Visible(navigatorId).Where(c => c.Id == caseId && c.NavigatorId == null && c.Stage != CaseStage.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NavigatorId, navigatorId).SetProperty(c => c.TakenAtUtc, now), cancellationToken);
        if (taken == 1)
            return Result.Done();
        var holder = await Visible(navigatorId).Where(c => c.Id == caseId)
            .GroupJoin(db.Users, c => c.NavigatorId, u => u.Id, (c, users) => new { c, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { Found = true, Name = u == null ? null : u.DisplayName, Email = u == null ? null : u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
            return Result.NotFound();
        return Result.Invalid("", holder.Email is null
            ? "This request is closed"
            : $"{PortalUser.ShownName(holder.Name, holder.Email)} took this request a moment ago: it is on their caseload");
    }

    public async Task<CaseView?> FindAsync(string navigatorId, Guid caseId, CancellationToken cancellationToken = default)
    {
        var row = await Visible(navigatorId).AsNoTracking().Where(c => c.Id == caseId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { c, u.DisplayName, u.Email })
            .Join(db.Set<Organisation>(), x => x.c.OrganisationId, o => o.Id, (x, o) => new { x.c, x.DisplayName, x.Email, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var navigator = row.c.NavigatorId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == row.c.NavigatorId).Select(u => PortalUser.ShownName(u.DisplayName, u.Email)).FirstOrDefaultAsync(cancellationToken);
        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        var circumstances = await db.Set<Circumstances>().AsNoTracking().FirstOrDefaultAsync(c => c.UserId == row.c.UserId, cancellationToken);
        return new CaseView(row.c, row.Name, PortalUser.ShownName(row.DisplayName, row.Email), row.Email ?? "", navigator, row.c.NavigatorId == navigatorId,
            await reader.StepsAsync(caseId, today, cancellationToken), await reader.NotesAsync(caseId, cancellationToken), circumstances);
    }

    /// <summary>Moves the case to another stage (closing included), as the stage rules allow.</summary>
    public async Task<Result> MoveAsync(string navigatorId, Guid caseId, CaseStage stage, CancellationToken cancellationToken = default)
    {
        if (await Visible(navigatorId).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) is not { } found)
            return Result.NotFound();
        if (found.NavigatorId is null)
            return Result.Invalid("Stage", "Take this request from the queue first");
        if (!CaseStages.CanMove(found.Stage, stage))
            return Result.Invalid("Stage", $"{CaseStages.Name(found.Stage)} cannot move to {CaseStages.Name(stage)}");
        found.MoveTo(stage, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>A step to add: a module slug or vacancy id for the steps the portal completes.</summary>
    public sealed record NewStep(PlanStepKind Kind, string? Details, StepOwner Owner, DateOnly? DueOn, string? Module, Guid? Vacancy);

    /// <summary>
    /// Adds a step to an open case. A module already passed, or a job already applied for, is added
    /// as done: the plan then says so instead of asking for it again.
    /// </summary>
    public async Task<Result> AddStepAsync(string navigatorId, Guid caseId, NewStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (await Visible(navigatorId).AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) is not { } found)
            return Result.NotFound();
        if (!found.IsOpen)
            return Result.Invalid("", "This case is closed");
        var now = clock.GetUtcNow().UtcDateTime;
        string? link = null;
        var alreadyDone = false;
        if (step.Kind == PlanStepKind.LearningModule)
        {
            if (string.IsNullOrWhiteSpace(step.Module) || !content.Current.Modules.ContainsKey(step.Module))
                return Result.Invalid("Module", "Choose a module from the list");
            link = step.Module;
            alreadyDone = await db.Set<Portal.Domain.Training.Completion>().AnyAsync(c => c.UserId == found.UserId && c.ModuleSlug == link, cancellationToken);
        }
        else if (step.Kind == PlanStepKind.Application)
        {
            var today = UkTime.Today(now);
            if (step.Vacancy is not { } vacancyId
                || !await db.Set<Vacancy>().AnyAsync(v => v.Id == vacancyId && v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today, cancellationToken))
                return Result.Invalid("Vacancy", "Choose an open job from the list");
            link = PlanLinks.VacancyLink(vacancyId);
            alreadyDone = await db.Set<Application>().AnyAsync(a => a.UserId == found.UserId && a.VacancyId == vacancyId && a.Status != ApplicationStatus.Withdrawn, cancellationToken);
        }
        if (step.DueOn is { } due && due < UkTime.Today(now).AddYears(-1))
            return Result.Invalid("DueOn", "Enter a date from this year or later");
        if (PlanStep.Problem(step.Kind, step.Details, link) is { } problem)
            return Result.Invalid(problem.Field, problem.Message);
        var added = PlanStep.Create(caseId, step.Kind, step.Details, step.Owner, step.DueOn, link, now);
        if (alreadyDone)
            added.Complete(StepDoneBy.Portal, now);
        db.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>The navigator ticks a step done (any step but those the portal completes itself).</summary>
    public async Task<Result> CompleteStepAsync(string navigatorId, Guid caseId, long stepId, CancellationToken cancellationToken = default)
    {
        var visible = Visible(navigatorId).Where(c => c.Id == caseId).Select(c => c.Id);
        if (await db.Set<PlanStep>().FirstOrDefaultAsync(s => s.Id == stepId && visible.Contains(s.CaseId), cancellationToken) is not { } step)
            return Result.NotFound();
        if (step.IsDone)
            return Result.Done();
        if (step.CompletesItself)
            return Result.Invalid("", "This step is done when it happens on the portal");
        step.Complete(StepDoneBy.Navigator, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    public async Task<Result> AddNoteAsync(string navigatorId, Guid caseId, DateOnly? on, ContactMethod how, string? text, CancellationToken cancellationToken = default)
    {
        if (await Visible(navigatorId).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) is not { } found)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(now);
        var date = on ?? today;
        if (ContactNote.Problem(date, text, today) is { } problem)
            return Result.Invalid(problem.Field, problem.Message);
        db.Add(ContactNote.Write(caseId, date, how, text!, navigatorId, today, now));
        found.Contacted(date);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Open jobs to link a step to, by title.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title, string Organisation)>> OpenJobsAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Set<Vacancy>().AsNoTracking().Where(v => v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today)
            .Join(db.Set<Organisation>(), v => v.OrganisationId, o => o.Id, (v, o) => new { v.Id, v.Details.Title, o.Name })
            .OrderBy(r => r.Title).ThenBy(r => r.Name).Take(200).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Title, r.Name))];
    }
}
