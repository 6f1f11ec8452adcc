using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>
/// The insight rollup runs inside the portal while people use it. It works its figures out from one
/// snapshot without SQLite's one write lock, so a learner's pass saved meanwhile neither waits for it
/// nor fails with "database is locked" (the issue 25 load run: a city's run held the lock for about
/// 70 seconds); and two runs still take turns.
/// </summary>
public abstract class RollupAlongsideLearningTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task APassIsSavedWhileTheRollupWorksItsFiguresOutAndCountsInTheNextRun()
    {
        var (paused, rollup) = await OnePassAndARollupHeldPartWayAsync();
        try
        {
            // Before the change, on SQLite, this failed with "database is locked" after the 30-second busy wait.
            await using var db = database.CreateContext();
            InsightRows.Pass(db, InsightRows.Person(db, Utc(2026, 1, 5)), "safeguarding-adults", Utc(2026, 6, 12));
            await db.SaveChangesAsync();
        }
        finally
        {
            paused.Release.SetResult();
        }
        await rollup.WaitAsync(Patience);

        // The run counts what its snapshot saw (on PostgreSQL each read used to see the database afresh); the next counts the pass saved meanwhile.
        Assert.Equal(1, await JuneCompletionsAsync());
        await InsightRows.RollupAsync(database, _time, full: false);
        Assert.Equal(2, await JuneCompletionsAsync());
    }

    [Fact]
    public async Task ASecondRunWaitsForTheFirstAndTheFiguresAreWrittenOnce()
    {
        var (first, firstRun) = await OnePassAndARollupHeldPartWayAsync();
        var second = new PauseAtPasses();
        second.Release.SetResult();
        var secondRun = Task.Run(() => InsightRows.RollupAsync(database, _time, full: false, second));
        try
        {
            // While the first is part-way, the second does not start reading.
            var reached = await Task.WhenAny(second.Reached.Task, Task.Delay(TimeSpan.FromSeconds(3)));
            Assert.NotSame(second.Reached.Task, reached);
        }
        finally
        {
            first.Release.SetResult();
        }
        await Task.WhenAll(firstRun, secondRun).WaitAsync(Patience);

        Assert.True(second.Reached.Task.IsCompleted);
        Assert.Equal(1, await JuneCompletionsAsync());
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Set<LearningMonth>().CountAsync(m => m.OrganisationId == LearningMonth.City && m.Month == new DateOnly(2026, 6, 1)));
    }

    /// <summary>
    /// One pass in June, then a full rollup started and held as it starts reading the passes, its
    /// snapshot already taken; release it with the pause's <see cref="PauseAtPasses.Release"/>.
    /// </summary>
    private async Task<(PauseAtPasses Pause, Task<int> Run)> OnePassAndARollupHeldPartWayAsync()
    {
        await ClearAsync();
        await using (var db = database.CreateContext())
        {
            InsightRows.Pass(db, InsightRows.Person(db, Utc(2026, 1, 5)), "fire-safety", Utc(2026, 6, 10));
            await db.SaveChangesAsync();
        }
        var pause = new PauseAtPasses();
        var run = Task.Run(() => InsightRows.RollupAsync(database, _time, full: true, pause));
        await pause.Reached.Task.WaitAsync(Patience);
        return (pause, run);
    }

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 10, 0, 0, DateTimeKind.Utc);

    private async Task<int> JuneCompletionsAsync()
    {
        await using var db = database.CreateContext();
        return await db.Set<LearningMonth>().Where(m => m.OrganisationId == LearningMonth.City && m.Month == new DateOnly(2026, 6, 1)).Select(m => m.Completions).SingleAsync();
    }

    private async Task ClearAsync()
    {
        await using var db = database.CreateContext();
        await db.Set<LearningMonth>().ExecuteDeleteAsync();
        await db.Set<ModuleMonth>().ExecuteDeleteAsync();
        await db.Set<Portal.Domain.Training.Completion>().ExecuteDeleteAsync();
    }

    /// <summary>Holds the rollup at its first read of the passes until released.</summary>
    private sealed class PauseAtPasses : DbCommandInterceptor
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"Completions\"", StringComparison.Ordinal) && Reached.TrySetResult())
                await Release.Task;
            return result;
        }
    }
}

public sealed class SqliteRollupAlongsideLearningTests(SqliteTestDatabase database) : RollupAlongsideLearningTests<SqliteTestDatabase>(database);

public sealed class PostgresRollupAlongsideLearningTests(PostgresTestDatabase database) : RollupAlongsideLearningTests<PostgresTestDatabase>(database);
