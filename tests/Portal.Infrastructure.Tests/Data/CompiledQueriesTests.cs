using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Pathways;
using Portal.Infrastructure.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Data;

/// <summary>
/// The queries a person's own pages run on every view are compiled once per model (issue 25). EF
/// Core binds a compiled query to the first model it meets and refuses any other, so one process
/// that talks to SQLite and PostgreSQL, as this test project does, must still get each database's
/// own answer from the same query, in any order.
/// </summary>
public sealed class CompiledQueriesTests(SqliteTestDatabase sqlite, PostgresTestDatabase postgres) : IClassFixture<SqliteTestDatabase>, IClassFixture<PostgresTestDatabase>, IDisposable
{
    private static readonly ContentSet Content = ShippedContent.Set;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly Queued _queued = new();

    public void Dispose()
    {
        _queued.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task OneCompiledQueryAnswersFromEachDatabaseInTurn()
    {
        // The same person on both databases, with a different plan saved on each.
        var user = Guid.NewGuid().ToString();
        await SaveAsync(sqlite, user, "care-worker");
        await SaveAsync(postgres, user, "enhanced-care-worker");

        // PlanService.FindAsync is compiled; ask each database twice, alternating.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("care-worker", (await FindAsync(sqlite, user))?.ToRole);
            Assert.Equal("enhanced-care-worker", (await FindAsync(postgres, user))?.ToRole);
        }
        Assert.Null(await FindAsync(postgres, Guid.NewGuid().ToString()));
    }

    private async Task SaveAsync(TestDatabase database, string user, string toRole)
    {
        await using var db = database.CreateContext();
        db.Users.Add(new PortalUser { Id = user, UserName = user, Email = $"{user}@test" });
        await db.SaveChangesAsync();
        Assert.True((await new PlanService(db, _queued.Rematch(db), _time).SaveAsync(user, "new-to-care", toRole, Content)).IsDone);
    }

    private async Task<Portal.Domain.Pathways.SavedPlan?> FindAsync(TestDatabase database, string user)
    {
        await using var db = database.CreateContext();
        return await new PlanService(db, _queued.Rematch(db), _time).FindAsync(user);
    }
}
