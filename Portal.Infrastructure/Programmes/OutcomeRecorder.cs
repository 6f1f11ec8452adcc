using Microsoft.EntityFrameworkCore;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Programmes;

/// <summary>
/// Records outcomes once. The unique key (person, organisation, kind, cohort) is the rule; this
/// reads before adding so the usual repeat is a quiet no-op, and a clash with another request that
/// got there first in the same instant is taken as "already recorded", never as a second count.
/// </summary>
public sealed class OutcomeRecorder(PortalDbContext db, TimeProvider clock)
{
    /// <returns>Done whether this call or an earlier one recorded it; <c>true</c> when this call did.</returns>
    public async Task<Result<bool>> RecordAsync(HubOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!await AddOnceAsync(outcome, cancellationToken))
            return Result.Done(false);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Done(true);
        }
        catch (DbUpdateException)
        {
            db.Entry(outcome).State = EntityState.Detached;
            if (!await ExistsAsync(outcome, cancellationToken))
                throw;
            return Result.Done(false);
        }
    }

    /// <summary>Adds the outcome to the caller's unit of work unless it is already recorded; the caller saves.</summary>
    internal async Task<bool> AddOnceAsync(HubOutcome outcome, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.Entries<HubOutcome>().Any(e => Same(e.Entity, outcome)) || await ExistsAsync(outcome, cancellationToken))
            return false;
        db.Add(outcome);
        return true;
    }

    /// <summary>
    /// A hire on the portal: "started work" for each navigator organisation whose cohort the person
    /// is enrolled in (their latest there), added to the caller's unit of work so the hire and its
    /// outcome commit together. Someone the hub never enrolled gets nothing recorded.
    /// </summary>
    public async Task HiredAsync(string userId, string employer, CancellationToken cancellationToken = default)
    {
        var enrolled = await db.Set<Enrolment>().AsNoTracking().Where(e => e.UserId == userId)
            .Join(db.Set<Cohort>(), e => e.CohortId, c => c.Id, (e, c) => new { e.CohortId, e.EnrolledAtUtc, c.ProgrammeId })
            .Join(db.Set<Programme>(), x => x.ProgrammeId, p => p.Id, (x, p) => new { x.CohortId, x.EnrolledAtUtc, p.OrganisationId })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var latest in enrolled.GroupBy(e => e.OrganisationId).Select(g => g.OrderByDescending(e => e.EnrolledAtUtc).First()))
            await AddOnceAsync(HubOutcome.Record(userId, latest.OrganisationId, latest.CohortId, OutcomeKind.StartedWork, employer, UkTime.Today(now), HubOutcome.RecordedByPortal, now), cancellationToken);
    }

    private Task<bool> ExistsAsync(HubOutcome outcome, CancellationToken cancellationToken) =>
        db.Set<HubOutcome>().AsNoTracking().AnyAsync(o => o.UserId == outcome.UserId && o.OrganisationId == outcome.OrganisationId && o.Kind == outcome.Kind && o.CohortId == outcome.CohortId, cancellationToken);

    private static bool Same(HubOutcome a, HubOutcome b) => a.UserId == b.UserId && a.OrganisationId == b.OrganisationId && a.Kind == b.Kind && a.CohortId == b.CohortId;
}
