using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Organisations;

/// <summary>
/// Gives each member of staff who joined before job history was kept their one job so far, from
/// the day they joined (<see cref="Membership.RecordFirstJob"/>). Runs after the migrations in one
/// exclusive transaction (a second node waits, then finds nothing to do), in batches: a membership
/// with any history is skipped, so a rerun or a run killed part-way only ever adds what is missing.
/// </summary>
public static class JobHistoryBackfill
{
    private const int BatchSize = 500;

    /// <returns>How many memberships were given their first job.</returns>
    public static async Task<int> RunAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var done = 0;
        await PortalDatabase.InExclusiveTransactionAsync(db, "job-history-backfill", async () => done = await BatchesAsync(db, cancellationToken), cancellationToken);
        return done;
    }

    private static async Task<int> BatchesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var done = 0;
        var after = 0L;
        while (true)
        {
            var batch = await db.Set<Membership>().Include(m => m.Jobs)
                .Where(m => m.Id > after && m.Role == MembershipRole.Staff && !db.Set<JobHeld>().Any(j => j.MembershipId == m.Id))
                .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                return done;
            foreach (var membership in batch)
                membership.RecordFirstJob();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Count;
            after = batch[^1].Id;
        }
    }
}
