using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Accounts;

/// <summary>
/// A signed-in request that only reads must not fail because the database's writer is busy: on
/// SQLite one long background job (the hourly insight rollup at city scale) holds the only write
/// lock, and the session's "last seen" stamp, due every five minutes, waited 30 seconds for it and
/// failed the page ("database is locked"; issue 25's load run). The stamp waits briefly, then the
/// request goes on and a later one stamps it.
/// </summary>
public sealed class SessionTouchTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task ASignedInReadGoesOnWhileTheWriterIsBusyAndALaterOneStampsLastSeen()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        await using var services = new ServiceCollection().AddScoped<PortalDbContext>(_ => database.CreateContext()).BuildServiceProvider();
        var store = new SessionTicketStore(services.GetRequiredService<IServiceScopeFactory>(), new EphemeralDataProtectionProvider(), clock,
            Options.Create(new SessionLifetimeOptions()), new NoSessionCache());
        string userId;
        await using (var db = database.CreateContext())
        {
            var user = new PortalUser { UserName = $"{Guid.NewGuid():N}@example.com", Email = "touch@example.com" };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;
        }
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test")), "Identity.Application");
        var key = await store.StoreAsync(ticket);
        var signedIn = clock.GetUtcNow().UtcDateTime;
        clock.Advance(TimeSpan.FromMinutes(6));

        // Another connection holds SQLite's one write lock, as a long rollup does.
        await using (var writer = new SqliteConnection(database.ConnectionString))
        {
            await writer.OpenAsync();
            await using var busy = writer.BeginTransaction(deferred: false);

            var read = await store.RetrieveAsync(key);

            Assert.Equal(userId, read?.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        }
        Assert.Equal(signedIn, await LastSeenAsync(userId));

        // The writer is free again: the next request stamps it.
        Assert.NotNull(await store.RetrieveAsync(key));
        Assert.Equal(clock.GetUtcNow().UtcDateTime, await LastSeenAsync(userId));
    }

    private async Task<DateTime> LastSeenAsync(string userId)
    {
        await using var db = database.CreateContext();
        return await db.Set<UserSession>().Where(s => s.UserId == userId).Select(s => s.LastSeenUtc).SingleAsync();
    }
}
