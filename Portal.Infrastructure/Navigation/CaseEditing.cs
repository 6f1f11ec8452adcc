using Microsoft.EntityFrameworkCore;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;

namespace Portal.Infrastructure.Navigation;

/// <summary>
/// Putting a case right: a plan step changed or removed, a note corrected or taken back by its
/// author within a day, the case handed to another navigator of the hub. Found only through the
/// navigator's own organisations (decision 0014): anyone else's step, note or case is not found.
/// </summary>
public sealed class CaseEditing(PortalDbContext db, OrganisationService organisations, TimeProvider clock)
{
    public sealed record StepToEdit(Guid CaseId, string PersonName, PlanStep Step);

    /// <param name="CanChange">Whether this navigator may still correct or remove it.</param>
    public sealed record NoteToEdit(Guid CaseId, string PersonName, ContactNote Note, bool CanChange);

    public sealed record Colleague(string Id, string Name);

    private IQueryable<NavigationCase> Visible(string navigatorId)
    {
        var mine = organisations.OrganisationsOf(navigatorId, MembershipRole.Navigator);
        return db.Set<NavigationCase>().Where(c => mine.Contains(c.OrganisationId) && c.ClosedBecause != CaseClosure.ConsentWithdrawn);
    }

    private async Task<string?> PersonNameAsync(string navigatorId, Guid caseId, CancellationToken cancellationToken) =>
        await Visible(navigatorId).Where(c => c.Id == caseId).Join(db.Users, c => c.UserId, u => u.Id, (c, u) => PortalUser.ShownName(u.DisplayName, u.Email))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<StepToEdit?> StepAsync(string navigatorId, Guid caseId, long stepId, CancellationToken cancellationToken = default)
    {
        if (await PersonNameAsync(navigatorId, caseId, cancellationToken) is not { } name)
            return null;
        var step = await db.Set<PlanStep>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == stepId && s.CaseId == caseId, cancellationToken);
        return step is null ? null : new StepToEdit(caseId, name, step);
    }

    private async Task<(NavigationCase Case, PlanStep Step)?> OpenStepAsync(string navigatorId, Guid caseId, long stepId, CancellationToken cancellationToken)
    {
        var found = await Visible(navigatorId).Where(c => c.Id == caseId)
            .Join(db.Set<PlanStep>().Where(s => s.Id == stepId), c => c.Id, s => s.CaseId, (c, s) => new { Case = c, Step = s })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Case, found.Step);
    }

    /// <summary>Changes what a step says, whose it is and when it is due; a step that is done, or a closed case, stays as it is.</summary>
    public async Task<Result> ChangeStepAsync(string navigatorId, Guid caseId, long stepId, string? details, StepOwner owner, DateOnly? dueOn, CancellationToken cancellationToken = default)
    {
        if (await OpenStepAsync(navigatorId, caseId, stepId, cancellationToken) is not { } found)
            return Result.NotFound();
        if (!found.Case.IsOpen)
            return Result.Invalid("", "This case is closed");
        if (found.Step.IsDone)
            return Result.Invalid("", "This step is done, so it stays as it was done");
        if (dueOn is { } due && due < UkTime.Today(clock.GetUtcNow().UtcDateTime).AddYears(-1))
            return Result.Invalid("DueOn", "Enter a date from this year or later");
        if (PlanStep.Problem(found.Step.Kind, details, found.Step.Link) is { } problem)
            return Result.Invalid(problem.Field, problem.Message);
        found.Step.Change(details, owner, dueOn);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Takes a step off the plan (done or not) while the case is open; the person no longer sees it.</summary>
    public async Task<Result> RemoveStepAsync(string navigatorId, Guid caseId, long stepId, CancellationToken cancellationToken = default)
    {
        if (await OpenStepAsync(navigatorId, caseId, stepId, cancellationToken) is not { } found)
            return Result.NotFound();
        if (!found.Case.IsOpen)
            return Result.Invalid("", "This case is closed");
        db.Remove(found.Step);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    public async Task<NoteToEdit?> NoteAsync(string navigatorId, Guid caseId, long noteId, CancellationToken cancellationToken = default)
    {
        if (await PersonNameAsync(navigatorId, caseId, cancellationToken) is not { } name)
            return null;
        var note = await db.Set<ContactNote>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == noteId && n.CaseId == caseId, cancellationToken);
        return note is null ? null : new NoteToEdit(caseId, name, note, note.CanChange(navigatorId, clock.GetUtcNow().UtcDateTime));
    }

    private async Task<(NavigationCase Case, ContactNote Note)?> FindNoteAsync(string navigatorId, Guid caseId, long noteId, CancellationToken cancellationToken)
    {
        var found = await Visible(navigatorId).Where(c => c.Id == caseId)
            .Join(db.Set<ContactNote>().Where(n => n.Id == noteId), c => c.Id, n => n.CaseId, (c, n) => new { Case = c, Note = n })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Case, found.Note);
    }

    private const string NotYours = "Only the navigator who wrote a note can change or remove it, and only within a day of writing it";

    /// <summary>The author corrects their note within a day of writing it; anyone else, or later, is refused.</summary>
    public async Task<Result> ChangeNoteAsync(string navigatorId, Guid caseId, long noteId, DateOnly? on, ContactMethod how, string? text, CancellationToken cancellationToken = default)
    {
        if (await FindNoteAsync(navigatorId, caseId, noteId, cancellationToken) is not { } found)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!found.Note.CanChange(navigatorId, now))
            return Result.Invalid("", NotYours);
        var today = UkTime.Today(now);
        var date = on ?? found.Note.On;
        if (ContactNote.Problem(date, text, today) is { } problem)
            return Result.Invalid(problem.Field, problem.Message);
        found.Note.Change(navigatorId, date, how, text!, today, now);
        var others = await LatestOtherContactAsync(found.Case.Id, noteId, cancellationToken);
        found.Case.ContactsChanged(others is { } other && other > date ? other : date);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>The author takes a note back within a day of writing it; anyone else, or later, is refused.</summary>
    public async Task<Result> RemoveNoteAsync(string navigatorId, Guid caseId, long noteId, CancellationToken cancellationToken = default)
    {
        if (await FindNoteAsync(navigatorId, caseId, noteId, cancellationToken) is not { } found)
            return Result.NotFound();
        if (!found.Note.CanChange(navigatorId, clock.GetUtcNow().UtcDateTime))
            return Result.Invalid("", NotYours);
        db.Remove(found.Note);
        found.Case.ContactsChanged(await LatestOtherContactAsync(found.Case.Id, noteId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>The latest contact among the case's other notes, so the caseload's "last contact" follows the correction.</summary>
    private Task<DateOnly?> LatestOtherContactAsync(Guid caseId, long noteId, CancellationToken cancellationToken) =>
        db.Set<ContactNote>().Where(n => n.CaseId == caseId && n.Id != noteId).Select(n => (DateOnly?)n.On).MaxAsync(cancellationToken);

    /// <summary>The hub's other navigators, who the case can be handed to.</summary>
    public async Task<IReadOnlyList<Colleague>> ColleaguesAsync(string navigatorId, Guid caseId, CancellationToken cancellationToken = default)
    {
        var found = await Visible(navigatorId).Where(c => c.Id == caseId).Select(c => new { c.OrganisationId, c.NavigatorId }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return [];
        var rows = await Navigators(found.OrganisationId).Where(id => id != found.NavigatorId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Colleague(r.Id, PortalUser.ShownName(r.DisplayName, r.Email))).OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    private IQueryable<string> Navigators(Guid organisationId) =>
        db.Set<Membership>().Where(m => m.OrganisationId == organisationId && m.Role == MembershipRole.Navigator && m.EndedAtUtc == null).Select(m => m.UserId).Distinct();

    /// <summary>Hands an open case to another navigator of the same hub; anyone who is not one is refused.</summary>
    public async Task<Result> ReassignAsync(string navigatorId, Guid caseId, string? toNavigatorId, CancellationToken cancellationToken = default)
    {
        if (await Visible(navigatorId).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) is not { } found)
            return Result.NotFound();
        if (!found.IsOpen)
            return Result.Invalid("To", "This case is closed");
        if (found.NavigatorId is null)
            return Result.Invalid("To", "Take this request from the queue first");
        if (string.IsNullOrEmpty(toNavigatorId) || !await Navigators(found.OrganisationId).ContainsAsync(toNavigatorId, cancellationToken))
            return Result.Invalid("To", "Choose a navigator of this hub from the list");
        if (found.NavigatorId == toNavigatorId)
            return Result.Invalid("To", "The case is already with them");
        found.Reassign(toNavigatorId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }
}
