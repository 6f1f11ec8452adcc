using Microsoft.EntityFrameworkCore;
using Portal.Domain.Training;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Training;

/// <summary>A person's own choices about training reminders: which kinds, and their quiet hours.</summary>
public sealed class ReminderSettings(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The person's choices, or the defaults if they never made any.</summary>
    public async Task<ReminderPreferences> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<ReminderPreferences>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken)
        ?? ReminderPreferences.Default(userId);

    public async Task<Result> SaveAsync(string userId, bool expiring, bool expired, bool stalled, TimeOnly quietFrom, TimeOnly quietUntil, CancellationToken cancellationToken = default)
    {
        var preferences = await db.Set<ReminderPreferences>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preferences is null)
        {
            preferences = ReminderPreferences.Default(userId);
            db.Add(preferences);
        }
        preferences.Change(expiring, expired, stalled, quietFrom, quietUntil, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }
}
