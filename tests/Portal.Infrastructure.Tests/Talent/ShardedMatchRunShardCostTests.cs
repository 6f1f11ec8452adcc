using Microsoft.EntityFrameworkCore;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>What makes a shard cheap: it reads and puts forward only what can matter.</summary>
public abstract class ShardedMatchRunReachTests<TDatabase>(TDatabase database) : ShardedMatchRunTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task AShardScoresOnlyVacanciesWithinReachAndPutsForwardOnlyPeopleWhoCanStillMakeAList()
    {
        await RegionAsync();
        Matching.PeoplePerShard = 120;
        Guid runId;
        await using (var scope = Services())
            runId = (await scope.Get<ShardedMatchRun>().RunHereAsync(CancellationToken.None)).Id;

        await using var db = Database.CreateContext();
        var open = await db.Set<Vacancy>().CountAsync();
        var shards = await db.Set<MatchRunShard>().Where(s => s.RunId == runId).OrderBy(s => s.Shard).ToListAsync();
        // The region is about 55 miles across: a shard at its edge reaches well under half of it.
        Assert.True(shards.Min(s => s.Vacancies) < open / 2, $"fewest vacancies in a shard's reach: {shards.Min(s => s.Vacancies)} of {open}");
        Assert.All(shards, s => Assert.True(s.Vacancies > 0));
        // The first shard puts forward its best for every vacancy in reach; later ones only people who beat what is
        // already in. Here that is about 2.7 candidates a place; every shard's best for every vacancy was over 4.
        var places = await db.Set<JobMatch>().CountAsync(m => m.ForVacancy);
        var putForward = shards.Sum(s => s.Candidates);
        Assert.True(putForward < 3.3 * places, $"{putForward} candidates put forward for {places} places");
    }
}

/// <summary>A shard's write step starts from what it kept when it scored, not from the profiles again.</summary>
public abstract class ShardedMatchRunWriteTests<TDatabase>(TDatabase database) : ShardedMatchRunTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task AShardWritesWhatItScoredEvenIfAProfileChangesBeforeItWrites()
    {
        var (located, _) = await RegionAsync();
        var single = await SingleRunAsync();
        await ClearMatchesAsync();
        Matching.PeoplePerShard = 400;
        MatchRun run;
        await using (var scope = Services())
        {
            var runs = scope.Get<ShardedMatchRun>();
            run = await runs.StartAsync(CancellationToken.None);
            for (var shard = 0; shard < run.Shards; shard++)
                Assert.True(await runs.ScoreShardAsync(run.Id, shard, CancellationToken.None));
            Assert.True(await runs.MergeAsync(run.Id, CancellationToken.None));
        }

        // Between scoring and writing, someone asks for more pay and their training is removed: their own rematch
        // follows such a change; the run writes them as it scored them, consistent with the lists it settled.
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(1, await db.Set<CandidateProfile>().Where(p => p.UserId == located).ExecuteUpdateAsync(s => s.SetProperty(p => p.MinimumHourlyPay, 40m)));
            await db.Set<Completion>().Where(c => c.UserId == located).ExecuteDeleteAsync();
        }
        await using (var scope = Services())
        {
            var runs = scope.Get<ShardedMatchRun>();
            for (var shard = 0; shard < run.Shards; shard++)
                Assert.True(await runs.WriteShardAsync(run.Id, shard, CancellationToken.None));
            Assert.True(await runs.CompleteAsync(run.Id, CancellationToken.None));
        }

        Assert.Equal(single, await StoredAsync());
        await using var check = Database.CreateContext();
        Assert.False(await check.Set<MatchRunPerson>().AnyAsync());
    }
}

public sealed class SqliteShardedMatchRunReachTests(SqliteTestDatabase database) : ShardedMatchRunReachTests<SqliteTestDatabase>(database);

public sealed class PostgresShardedMatchRunReachTests(PostgresTestDatabase database) : ShardedMatchRunReachTests<PostgresTestDatabase>(database);

public sealed class SqliteShardedMatchRunWriteTests(SqliteTestDatabase database) : ShardedMatchRunWriteTests<SqliteTestDatabase>(database);

public sealed class PostgresShardedMatchRunWriteTests(PostgresTestDatabase database) : ShardedMatchRunWriteTests<PostgresTestDatabase>(database);
