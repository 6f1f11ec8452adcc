using Microsoft.EntityFrameworkCore;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

/// <summary>A person's job alerts (saved searches). Sending them is the background work's job.</summary>
public sealed class AlertService(PortalDbContext db, TimeProvider clock)
{
    public const int MaxAlertsPerPerson = 10;

    public async Task<IReadOnlyList<SavedSearch>> MineAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<SavedSearch>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAtUtc).ToListAsync(cancellationToken);

    public async Task<Result> SaveAsync(string userId, string name, string query, AlertFrequency frequency, CancellationToken cancellationToken = default)
    {
        if (await db.Set<SavedSearch>().CountAsync(s => s.UserId == userId, cancellationToken) >= MaxAlertsPerPerson)
            return Result.Invalid("Name", $"You have {MaxAlertsPerPerson} job alerts already; delete one first");
        db.Add(SavedSearch.Create(userId, name, query, frequency, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Deletes one of the person's own alerts; not found when it is not theirs or does not exist.</summary>
    public async Task<Result> DeleteAsync(string userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<SavedSearch>().Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 1 ? Result.Done() : Result.NotFound();
}
