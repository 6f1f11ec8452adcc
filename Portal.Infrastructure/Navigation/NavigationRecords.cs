using Microsoft.EntityFrameworkCore;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Navigation;

/// <summary>
/// A person's record with talent hubs as a whole: what erasure removes, what the retention run
/// removes, and what "download my data" includes. One place, so the three cannot drift apart.
/// </summary>
public static class NavigationRecords
{
    /// <summary>Every case of theirs, with its plan and notes, and what they shared; part of the caller's transaction.</summary>
    public static async Task EraseAsync(PortalDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await RemoveCasesAsync(db, db.Set<NavigationCase>().Where(c => c.UserId == userId), cancellationToken);
        await db.Set<Circumstances>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrEmpty(email))
        {
            var address = email.ToLowerInvariant();
            await db.Set<HelpInvitation>().Where(i => i.Email == address).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Cases whose consent was withdrawn, or that a navigator closed, past their period; then what a
    /// person shared when they no longer have any case. Safe to repeat: the same cut-offs find nothing more.
    /// </summary>
    public static async Task<int> RemoveExpiredAsync(PortalDbContext db, RetentionSchedule schedule, DateTime utcNow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var withdrawnBefore = schedule.WithdrawnCasesBefore(utcNow);
        var closedBefore = schedule.ClosedCasesBefore(utcNow);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await RemoveCasesAsync(db, db.Set<NavigationCase>().Where(c =>
            (c.ClosedBecause == CaseClosure.ConsentWithdrawn && c.ClosedAtUtc <= withdrawnBefore)
            || (c.ClosedBecause == CaseClosure.Finished && c.ClosedAtUtc < closedBefore)), cancellationToken);
        await db.Set<Circumstances>().Where(s => !db.Set<NavigationCase>().Any(c => c.UserId == s.UserId)).ExecuteDeleteAsync(cancellationToken);
        // An invitation nobody accepted: its name and address were kept only to send it.
        await db.Set<HelpInvitation>().Where(i => i.ExpiresAtUtc <= utcNow).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private static async Task<int> RemoveCasesAsync(PortalDbContext db, IQueryable<NavigationCase> cases, CancellationToken cancellationToken)
    {
        var ids = cases.Select(c => c.Id);
        await db.Set<PlanStep>().Where(s => ids.Contains(s.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ContactNote>().Where(n => ids.Contains(n.CaseId)).ExecuteDeleteAsync(cancellationToken);
        return await cases.ExecuteDeleteAsync(cancellationToken);
    }

    public sealed record Part(IReadOnlyList<CasePart> Cases, CircumstancesPart? Circumstances);

    /// <param name="Navigator">Who helped them, by name (they see it on their plan).</param>
    public sealed record CasePart(
        string Hub, string? Navigator, CaseStage Stage, string HelpWith, ContactPreference ContactBy, string? Phone, string? ContactTimes,
        DateTime ConsentedAtUtc, DateTime? ClosedAtUtc, CaseClosure? ClosedBecause, IReadOnlyList<StepPart> Plan, IReadOnlyList<NotePart> Notes);

    public sealed record StepPart(PlanStepKind Kind, string Details, string? Link, StepOwner Owner, DateOnly? DueOn, StepStatus Status, DateTime CreatedAtUtc, DateTime? DoneAtUtc);

    public sealed record NotePart(DateOnly On, ContactMethod How, string Text, string By);

    public sealed record CircumstancesPart(IReadOnlyList<BarrierKind> Barriers, string? Details, DateTime UpdatedAtUtc);

    /// <summary>Their cases (withdrawn ones too, until erased), plans, notes and what they shared, for their export.</summary>
    public static async Task<Part> ReadAsync(PortalDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cases = await db.Set<NavigationCase>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.OpenedAtUtc).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var steps = await db.Set<PlanStep>().AsNoTracking().Where(s => ids.Contains(s.CaseId)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var notes = await db.Set<ContactNote>().AsNoTracking().Where(n => ids.Contains(n.CaseId)).OrderBy(n => n.On).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var organisationIds = cases.Select(c => c.OrganisationId).Distinct().ToList();
        var hubs = await db.Set<Organisation>().AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var peopleIds = cases.Select(c => c.NavigatorId).OfType<string>().Concat(notes.Select(n => n.WrittenBy)).Distinct().ToList();
        var people = (await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => Accounts.PortalUser.ShownName(u.DisplayName, u.Email), StringComparer.Ordinal);
        string Person(string? id) => id is null ? "" : people.GetValueOrDefault(id, "A navigator no longer here");
        var shared = await db.Set<Circumstances>().AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        return new Part(
            cases.ConvertAll(c => new CasePart(
                hubs.GetValueOrDefault(c.OrganisationId, "An organisation no longer on the portal"), c.NavigatorId is null ? null : Person(c.NavigatorId),
                c.Stage, c.HelpWith, c.ContactBy, c.Phone, c.ContactTimes, c.ConsentedAtUtc, c.ClosedAtUtc, c.ClosedBecause,
                [.. steps.Where(s => s.CaseId == c.Id).Select(s => new StepPart(s.Kind, s.Details, s.Link, s.Owner, s.DueOn, s.Status, s.CreatedAtUtc, s.DoneAtUtc))],
                [.. notes.Where(n => n.CaseId == c.Id).Select(n => new NotePart(n.On, n.How, n.Text, Person(n.WrittenBy)))])),
            shared is null ? null : new CircumstancesPart(shared.Barriers, shared.Details, shared.UpdatedAtUtc));
    }
}
