using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>
/// When the insight pages' kept figures are read again: never before the first rollup run, then
/// once per run, whether the run committed in this process or on another node (its own cache),
/// and even when a second run here commits in the same instant of the clock as the first.
/// </summary>
public abstract class InsightFiguresCacheTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task AKeptCopyServesUntilARunCommitsHereOrOnAnotherNode()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero));
        using var here = new InsightFiguresCache();
        await using var db = database.CreateContext();
        var reads = 0;
        Task<(string Figures, int Numbers)> Read(CancellationToken _) => Task.FromResult(($"read {++reads}", 1));
        Task<(string Figures, DateTime? AsOfUtc)> ViewAsync(string key = "pipeline") => here.GetAsync(db, key, Read, CancellationToken.None);

        // No run yet: nothing to say the figures are from, so nothing is kept.
        Assert.Equal(("read 1", null), await ViewAsync());
        Assert.Equal(("read 2", null), await ViewAsync());

        // A run on another node (the rollup with its own cache): read once, then kept, as of the run.
        await InsightRows.RollupAsync(database, time, full: true);
        var run = time.GetUtcNow().UtcDateTime;
        Assert.Equal(("read 3", run), await ViewAsync());
        Assert.Equal(("read 3", run), await ViewAsync());
        Assert.Equal(("read 4", run), await ViewAsync("another scope"));
        Assert.Equal(("read 3", run), await ViewAsync());

        // A run here in the same instant: its time is the same, but it said it committed.
        await InsightRows.RollupAsync(database, time, full: false);
        here.RunCommitted();
        Assert.Equal(("read 5", run), await ViewAsync());
        Assert.Equal(("read 5", run), await ViewAsync());

        // An hour later, on another node again.
        time.Advance(TimeSpan.FromHours(1));
        await InsightRows.RollupAsync(database, time, full: false);
        Assert.Equal(("read 6", run.AddHours(1)), await ViewAsync());
        Assert.Equal(("read 6", run.AddHours(1)), await ViewAsync());
    }
}

public sealed class SqliteInsightFiguresCacheTests(SqliteTestDatabase database) : InsightFiguresCacheTests<SqliteTestDatabase>(database);

public sealed class PostgresInsightFiguresCacheTests(PostgresTestDatabase database) : InsightFiguresCacheTests<PostgresTestDatabase>(database);
