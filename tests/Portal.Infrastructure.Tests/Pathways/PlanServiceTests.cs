using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Pathways;
using Portal.Infrastructure.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Pathways;

/// <summary>One saved plan per person, replaced on a new save; unknown roles save nothing.</summary>
public abstract class PlanServiceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IDisposable
    where TDatabase : TestDatabase
{
    private static readonly ContentSet Content = ShippedContent.Set;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Queued _queued = new();

    public void Dispose()
    {
        _queued.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<string> NewUserAsync()
    {
        var id = Guid.NewGuid().ToString();
        await using var db = database.CreateContext();
        db.Users.Add(new PortalUser { Id = id, UserName = id, Email = $"{id}@test" });
        await db.SaveChangesAsync();
        return id;
    }

    [Fact]
    public async Task SavingAgainReplacesThePlan()
    {
        var user = await NewUserAsync();
        await using (var db = database.CreateContext())
            Assert.True((await new PlanService(db, _queued.Rematch(db), _time).SaveAsync(user, "new-to-care", "care-worker", Content)).IsDone);
        _time.Advance(TimeSpan.FromDays(1));
        await using (var db = database.CreateContext())
            Assert.True((await new PlanService(db, _queued.Rematch(db), _time).SaveAsync(user, "care-worker", "enhanced-care-worker", Content)).IsDone);

        await using var check = database.CreateContext();
        var plan = await check.Set<SavedPlan>().SingleAsync(p => p.UserId == user);
        Assert.Equal(("care-worker", "enhanced-care-worker", _time.GetUtcNow().UtcDateTime), (plan.FromRole, plan.ToRole, plan.SavedAtUtc));
    }

    [Theory]
    [InlineData("new-to-care", "astronaut")]
    [InlineData("nobody", "care-worker")]
    [InlineData("care-worker", "new-to-care")]
    [InlineData("care-worker", "care-worker")]
    public async Task AnUnknownRoleOrAStartingPointAsGoalSavesNothing(string from, string to)
    {
        var user = await NewUserAsync();
        await using var db = database.CreateContext();

        Assert.Equal(Outcome.Invalid, (await new PlanService(db, _queued.Rematch(db), _time).SaveAsync(user, from, to, Content)).Outcome);
        Assert.False(await db.Set<SavedPlan>().AnyAsync(p => p.UserId == user));
    }
}

public sealed class SqlitePlanServiceTests(SqliteTestDatabase database) : PlanServiceTests<SqliteTestDatabase>(database);

public sealed class PostgresPlanServiceTests(PostgresTestDatabase database) : PlanServiceTests<PostgresTestDatabase>(database);
