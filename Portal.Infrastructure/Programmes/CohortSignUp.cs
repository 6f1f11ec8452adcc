using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Programmes;

/// <summary>
/// The person's side of programmes: open cohorts they can join while places remain, the cohorts
/// they are on, and their check-ins (theirs only: anyone else's is "not found").
/// </summary>
public sealed class CohortSignUp(PortalDbContext db, OutcomeRecorder outcomes, TimeProvider clock)
{
    public sealed record OpenCohort(
        Guid Id, string Programme, string Summary, string Organisation, DateOnly StartsOn, DateOnly EndsOn, string? Venue, bool Online,
        string? Partners, string? Promise, int PlacesLeft, bool Joined);

    public sealed record MyCheckIn(long Id, int Weeks, DateOnly DueOn, bool? StillInWork, string Organisation);

    /// <summary>Cohorts starting today or later with places left, and any the person is already on.</summary>
    public async Task<IReadOnlyList<OpenCohort>> OpenAsync(string userId, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        var mine = db.Set<Enrolment>().Where(e => e.UserId == userId).Select(e => e.CohortId);
        var rows = await db.Set<Cohort>().AsNoTracking()
            .Where(c => (c.StartsOn >= today && c.Taken < c.Places) || (c.EndsOn >= today && mine.Contains(c.Id)))
            .Join(db.Set<Programme>(), c => c.ProgrammeId, p => p.Id, (c, p) => new { Cohort = c, p.Title, p.Summary, p.OrganisationId })
            .Join(db.Set<Organisation>(), x => x.OrganisationId, o => o.Id, (x, o) => new { x.Cohort, x.Title, x.Summary, Organisation = o.Name, Joined = mine.Contains(x.Cohort.Id) })
            .OrderBy(x => x.Cohort.StartsOn).ThenBy(x => x.Title).ThenBy(x => x.Cohort.Id)
            .Take(200).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new OpenCohort(r.Cohort.Id, r.Title, r.Summary, r.Organisation, r.Cohort.StartsOn, r.Cohort.EndsOn, r.Cohort.Venue, r.Cohort.Online,
            r.Cohort.Partners, r.Cohort.Promise, r.Cohort.PlacesLeft, r.Joined))];
    }

    /// <summary>Takes a place on an open cohort for the person themselves.</summary>
    public async Task<Result> JoinAsync(string userId, Guid cohortId, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Set<Cohort>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (UkTime.Today(now) > cohort.StartsOn)
            return Result.Invalid("", "This cohort has started; ask the hub about the next one");
        return await TakePlaceAsync(db, cohortId, userId, userId, now, "", cancellationToken);
    }

    /// <summary>
    /// Gives up their place on a cohort that has not finished: the place is free again and their
    /// attendance on it goes. The enrolment is removed by one delete, and only the request that
    /// removed it frees the place, so leaving twice at once frees one place.
    /// </summary>
    public async Task<Result> LeaveAsync(string userId, Guid cohortId, CancellationToken cancellationToken = default)
    {
        var found = await db.Set<Enrolment>().AsNoTracking().Where(e => e.UserId == userId && e.CohortId == cohortId)
            .Join(db.Set<Cohort>(), e => e.CohortId, c => c.Id, (e, c) => new { e.Id, e.CompletedAtUtc, c.EndsOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return Result.NotFound();
        if (found.CompletedAtUtc is not null)
            return Result.Invalid("", "You completed this cohort, so it stays on your record");
        if (UkTime.Today(clock.GetUtcNow().UtcDateTime) > found.EndsOn)
            return Result.Invalid("", "This cohort has finished");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<Enrolment>().Where(e => e.Id == found.Id).ExecuteDeleteAsync(cancellationToken) == 1)
        {
            var sessions = db.Set<CohortSession>().Where(s => s.CohortId == cohortId).Select(s => s.Id);
            await db.Set<Attendance>().Where(a => a.UserId == userId && sessions.Contains(a.SessionId)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Cohort>().Where(c => c.Id == cohortId && c.Taken > 0)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Taken, c => c.Taken - 1), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>
    /// One place, taken by one conditional update of the cohort's count and saved with the enrolment
    /// in one transaction: two people after the last place at once, on any number of nodes, leave
    /// one enrolled and one told it is full; the same person twice holds one place.
    /// </summary>
    internal static async Task<Result> TakePlaceAsync(PortalDbContext db, Guid cohortId, string personId, string enrolledBy, DateTime now, string field, CancellationToken cancellationToken)
    {
        var already = personId == enrolledBy ? "You already have a place on this cohort" : "They already have a place on this cohort";
        if (await db.Set<Enrolment>().AnyAsync(e => e.CohortId == cohortId && e.UserId == personId, cancellationToken))
            return Result.Invalid(field, already);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Set<Cohort>().Where(c => c.Id == cohortId && c.Taken < c.Places)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Taken, c => c.Taken + 1), cancellationToken);
        if (taken == 0)
            return Result.Invalid(field, "Every place on this cohort is taken");
        var enrolment = Enrolment.Start(cohortId, personId, enrolledBy, now);
        db.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person enrolled by another request in the same instant: theirs holds the place, and this count is rolled back.
            db.Entry(enrolment).State = EntityState.Detached;
            await transaction.RollbackAsync(cancellationToken);
            return Result.Invalid(field, already);
        }
        await transaction.CommitAsync(cancellationToken);
        return Result.Done();
    }

    public async Task<IReadOnlyList<MyCheckIn>> CheckInsAsync(string userId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<CheckIn>().AsNoTracking().Where(c => c.UserId == userId)
            .Join(db.Set<Organisation>(), c => c.OrganisationId, o => o.Id, (c, o) => new MyCheckIn(c.Id, c.Weeks, c.DueOn, c.StillInWork, o.Name))
            .ToListAsync(cancellationToken)).OrderByDescending(c => c.DueOn).ThenByDescending(c => c.Id)];

    public async Task<MyCheckIn?> CheckInAsync(string userId, long checkInId, CancellationToken cancellationToken = default) =>
        (await CheckInsAsync(userId, cancellationToken)).FirstOrDefault(c => c.Id == checkInId);

    /// <summary>The person's answer, recorded as "still in work at N weeks" or "left work", once.</summary>
    public async Task<Result> AnswerAsync(string userId, long checkInId, bool stillInWork, CancellationToken cancellationToken = default)
    {
        var checkIn = await db.Set<CheckIn>().FirstOrDefaultAsync(c => c.Id == checkInId && c.UserId == userId, cancellationToken);
        if (checkIn is null)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            checkIn.Answer(stillInWork, now);
        }
        catch (ProgrammeRuleException rule)
        {
            return Result.Invalid("", rule.Message);
        }
        var outcome = HubOutcome.Record(userId, checkIn.OrganisationId, checkIn.CohortId == Guid.Empty ? null : checkIn.CohortId, checkIn.Counts!.Value, null, UkTime.Today(now), HubOutcome.RecordedByPortal, now);
        await outcomes.AddOnceAsync(outcome, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click: the first answer and its outcome are saved.
            db.ChangeTracker.Clear();
        }
        return Result.Done();
    }
}
