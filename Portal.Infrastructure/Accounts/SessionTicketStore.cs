using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Accounts;

/// <summary>
/// Keeps sign-ins in the app database (<see cref="UserSession"/>), shared by every node, so that a
/// deleted row ends that session everywhere at the next request: sign-out, "sign out everywhere",
/// a password change or reset, a lockout or a disabled account. A copied cookie is only as good as
/// its row. With Redis configured (<see cref="ISessionCache"/>), reads find a copy there first, and
/// every delete here and in <see cref="SessionService"/> tells the cache.
/// </summary>
/// <remarks>
/// Singleton (the cookie handler's options hold it), so each call takes its own scope.
/// </remarks>
public sealed class SessionTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock, IOptions<SessionLifetimeOptions> options, ISessionCache cache) : ITicketStore
{
    /// <summary>On the signed-in principal: which session this request belongs to (the row's id), for "this device".</summary>
    public const string SessionIdClaim = "portal:sid";

    /// <summary>How stale "last seen" may get before a read writes it.</summary>
    private static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Sessions.Ticket.v1");

    public static string IdOf(string key) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null, default);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var userId = UserIdOf(ticket) ?? throw new InvalidOperationException("A sign-in ticket without a user id cannot be stored.");
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Each sign-in clears the person's dead sessions, so rows do not pile up for people who come back.
        // Their cached copies carry the same passed expiries, which send a read to the database.
        await db.Set<UserSession>().Where(s => s.UserId == userId && (s.ExpiresUtc <= now || s.AbsoluteExpiresUtc <= now)).ExecuteDeleteAsync(cancellationToken);
        db.Add(UserSession.Start(IdOf(key), userId, Protect(ticket), now, ExpiresOf(ticket, now), options.Value.AbsoluteLifetime,
            DeviceName.From(httpContext?.Request.Headers.UserAgent.ToString())));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null, default);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null, cancellationToken);

    /// <summary>
    /// Never brings a deleted row back: a "sign out everywhere" racing this request must win.
    /// The cookie handler also renews, rather than replaces, the session a browser already holds
    /// when someone signs in. If that session is someone else's (a cookie planted to catch the next
    /// sign-in), the row is deleted instead and this sign-in does not take: they sign in again, on
    /// a key of their own.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var id = IdOf(key);
        var userId = UserIdOf(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = Protect(ticket);
        var expires = ExpiresOf(ticket, now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var renewed = await db.Set<UserSession>().Where(s => s.Id == id && s.UserId == userId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Ticket, bytes)
                .SetProperty(r => r.LastSeenUtc, now)
                .SetProperty(r => r.ExpiresUtc, r => r.AbsoluteExpiresUtc < expires ? r.AbsoluteExpiresUtc : expires), cancellationToken);
        if (renewed > 0)
        {
            await cache.ForgetAsync(id);
            return;
        }
        await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        await cache.EndAsync([id]);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, default);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        var now = clock.GetUtcNow().UtcDateTime;
        // A copy is trusted only while live and recently seen; anything else (passed, renewed since,
        // a key that no longer opens it) is the database's to decide.
        if (await cache.GetAsync(id) is { } copy && copy.ExpiresUtc > now && copy.AbsoluteExpiresUtc > now
            && now - copy.LastSeenUtc <= SeenGranularity && Unprotect(copy.Ticket) is { } cached)
            return WithSessionId(cached, id);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.Set<UserSession>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Ticket, s.LastSeenUtc, s.ExpiresUtc, s.AbsoluteExpiresUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        // Both limits are checked here, on the server's clock, whatever the ticket inside says.
        var ticket = row.ExpiresUtc > now && row.AbsoluteExpiresUtc > now ? Unprotect(row.Ticket) : null;
        if (ticket is null)
        {
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            await cache.EndAsync([id]);
            return null;
        }

        var due = now - row.LastSeenUtc > SeenGranularity;
        if (due && !await SeenAsync(db, id, now, cancellationToken))
            return WithSessionId(ticket, id);   // not stamped: no copy kept, so the next request tries again
        await cache.KeepAsync(id, new CachedSession(row.Ticket, due ? now : row.LastSeenUtc, row.ExpiresUtc, row.AbsoluteExpiresUtc));
        return WithSessionId(ticket, id);
    }

    /// <summary>How long a "last seen" stamp may wait for the database before the request goes on without it.</summary>
    private static readonly TimeSpan SeenWaitsAtMost = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Stamps "last seen", at most once per <see cref="SeenGranularity"/>. Only a stamp: a request that
    /// reads must not wait on, or fail for, a database whose writer is busy (SQLite's single writer held by
    /// a long background job), so it waits briefly and otherwise goes on; a later request stamps it.
    /// </summary>
    private static async Task<bool> SeenAsync(PortalDbContext db, string id, DateTime now, CancellationToken cancellationToken)
    {
        var usual = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(SeenWaitsAtMost);
        try
        {
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastSeenUtc, now), cancellationToken);
            return true;
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
        finally
        {
            db.Database.SetCommandTimeout(usual);
        }
    }

    private static AuthenticationTicket WithSessionId(AuthenticationTicket ticket, string id)
    {
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var stale in identity.FindAll(SessionIdClaim).ToList())
                identity.RemoveClaim(stale);
            identity.AddClaim(new Claim(SessionIdClaim, id));
        }
        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null, default);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        await cache.EndAsync([id]);
    }

    private static string? UserIdOf(AuthenticationTicket ticket) => ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    private DateTime ExpiresOf(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + options.Value.IdleTimeout;

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    /// <summary>Null for a ticket the keys can no longer open (a revoked or lost key): that session is over.</summary>
    private AuthenticationTicket? Unprotect(byte[] protectedTicket)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
