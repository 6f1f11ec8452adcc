using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Accounts;

/// <summary>A person's signed-in browsers (<see cref="UserSession"/>): listing them and ending them.</summary>
public sealed class SessionService(PortalDbContext db, TimeProvider clock, ISessionCache cache)
{
    /// <param name="Current">The browser asking: ending it signs them out here too.</param>
    public sealed record SessionRow(string Id, string Device, DateTime StartedUtc, DateTime LastSeenUtc, DateTime EndsUtc, bool Current);

    /// <summary>Their live sessions, this one first, then the most recently used.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(string userId, string? currentId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.ExpiresUtc > now && s.AbsoluteExpiresUtc > now)
            .Select(s => new { s.Id, s.Device, s.CreatedUtc, s.LastSeenUtc, s.ExpiresUtc, s.AbsoluteExpiresUtc })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(s => new SessionRow(s.Id, s.Device, s.CreatedUtc, s.LastSeenUtc, s.ExpiresUtc < s.AbsoluteExpiresUtc ? s.ExpiresUtc : s.AbsoluteExpiresUtc, s.Id == currentId))
            .OrderByDescending(s => s.Current).ThenByDescending(s => s.LastSeenUtc).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>Ends one of their sessions; another person's session is not found.</summary>
    public async Task<Result> EndAsync(string userId, string? sessionId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionId))
            return Result.NotFound();
        var ended = await db.Set<UserSession>().Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (ended == 0)
            return Result.NotFound();
        await cache.EndAsync([sessionId]);
        return Result.Done();
    }

    /// <summary>
    /// Ends every session they have, on every node, at their next request; all but
    /// <paramref name="keepId"/> when given (the browser that just changed the password). Inside
    /// the caller's transaction when there is one, so it stands or falls with the change that asked.
    /// The one way sessions end in bulk (password, lockout, disabling, erasure), so none of them can
    /// forget the cache.
    /// </summary>
    public async Task<int> EndAllAsync(string userId, string? keepId = null, CancellationToken cancellationToken = default)
    {
        var ending = db.Set<UserSession>().Where(s => s.UserId == userId && s.Id != (keepId ?? ""));
        var ids = await ending.Select(s => s.Id).ToListAsync(cancellationToken);
        var ended = await ending.ExecuteDeleteAsync(cancellationToken);
        // Before the caller commits: a copy refused now is only a database read later, even if the change rolls back.
        await cache.EndAsync(ids);
        return ended;
    }
}
