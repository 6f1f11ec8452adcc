using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>
/// A generated region for sharded runs: 64 districts about 8 miles apart on a grid around Leeds
/// (so a 20-mile reach crosses several shard borders), people and vacancies at district centres
/// (so many scores tie and the order between shards decides), training in and out of date, saved
/// routes, dismissals on both sides, applications, and one in ten with no location.
/// </summary>
public abstract class ShardedMatchRunTestsBase<TDatabase>(TDatabase database) : TalentTestsBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected const int People = 2_400;
    private const int Vacancies = 160;
    private const int GridSide = 8;
    private static readonly Guid Organisation = new("5b0d7c1e-0000-4000-8000-0000000000aa");
    private static readonly string[] Roles = ["care-worker", "enhanced-care-worker", "healthcare-support-worker", "reablement-worker", "senior-care-worker"];
    private static readonly string[] Programmes = ["adult-care-worker-apprenticeship", "care-certificate"];
    private static readonly string[] Modules = ["communication", "dementia-awareness", "duty-of-care", "fire-safety", "food-hygiene", "infection-prevention-and-control", "safeguarding-adults"];
    private static readonly MinimumWage AnyPay = new([new MinimumWageRates(new DateOnly(2000, 1, 1), 0.01m, 0.01m, 0.01m, 0.01m)]);

    private static VacancyLocation District(int row, int column) =>
        new($"R{row}C{column} 1AA", $"R{row}C{column}", 53.40 + (row * 0.12), -2.30 + (column * 0.20));

    /// <summary>The region, the same every time; returns a located and an unlocated person's id.</summary>
    protected async Task<(string Located, string Unlocated)> RegionAsync()
    {
        var random = new Random(25);
        var now = Time.GetUtcNow().UtcDateTime;
        var vacancyIds = new List<Guid>();
        var userIds = new List<string>();
        await using var db = Database.CreateContext();
        var organisation = Portal.Domain.Organisations.Organisation.Create("Region Care", Portal.Domain.Organisations.OrganisationType.CareProvider, null, "LS6 1AA", now);
        db.Entry(organisation).Property(o => o.Id).CurrentValue = Organisation;
        db.Add(organisation);
        for (var i = 0; i < Vacancies; i++)
        {
            var id = NextGuid(random);
            var details = Details($"Job {i}", pay: 12.50m + (random.Next(0, 60) * 0.05m), role: Roles[random.Next(Roles.Length)]) with
            {
                Location = District(random.Next(GridSide), random.Next(GridSide)),
                Days = (WorkDays)random.Next(1, 128),
                Shifts = (ShiftTimes)random.Next(1, 8),
                DrivingLicenceRequired = random.Next(4) == 0,
                RequiredModules = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Modules[random.Next(Modules.Length)]).Distinct(StringComparer.Ordinal)],
                RequiredProgrammes = random.Next(5) == 0 ? [Programmes[random.Next(Programmes.Length)]] : [],
            };
            var vacancy = Vacancy.Draft(Organisation, details, now.AddDays(-3));
            db.Entry(vacancy).Property(v => v.Id).CurrentValue = id;
            vacancy.Publish(now.AddDays(-1), AnyPay);
            db.Add(vacancy);
            vacancyIds.Add(id);
        }
        for (var i = 0; i < People; i++)
        {
            var id = $"region-{NextGuid(random):N}";
            userIds.Add(id);
            var email = $"{id}@example.com";
            db.Users.Add(new PortalUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true });
            var profile = CandidateProfile.For(id);
            profile.Update(new CandidateDetails
            {
                Location = i % 10 == 9 ? null : District(random.Next(GridSide), random.Next(GridSide)),
                Days = (WorkDays)random.Next(1, 128),
                Shifts = (ShiftTimes)random.Next(1, 8),
                DrivingLicence = random.Next(2) == 0,
                WantedRoles = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Roles[random.Next(Roles.Length)]).Distinct(StringComparer.Ordinal)],
                Qualifications = random.Next(4) == 0 ? [Programmes[random.Next(Programmes.Length)]] : [],
                MinimumHourlyPay = random.Next(2) == 0 ? 12.00m + (random.Next(0, 200) / 100m) : null,
                LetEmployersFindMe = random.Next(10) < 7,
            }, now.AddDays(-random.Next(0, 100)));
            db.Add(profile);
            foreach (var module in Enumerable.Range(0, random.Next(0, 4)).Select(_ => Modules[random.Next(Modules.Length)]).Distinct(StringComparer.Ordinal))
            {
                var at = now.AddDays(-(random.Next(2) == 0 ? random.Next(1, 300) : random.Next(2_000, 2_500)));
                var progress = ModuleProgress.Start(id, module, "v1", at.AddMinutes(-10));
                progress.MarkPassed(at);
                db.Add(progress);
                db.Add(Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), NextGuid(random).ToString("N")[..24], at));
            }
            if (random.Next(5) == 0)
                db.Add(SavedPlan.Create(id, "new-to-care", Roles[random.Next(Roles.Length)], now));
        }
        await db.SaveChangesAsync();
        var turnedDown = new HashSet<(string, Guid, MatchSide)>();
        for (var i = 0; i < 150; i++)
        {
            var side = i % 2 == 0 ? MatchSide.Person : MatchSide.Recruiter;
            var pair = (userIds[random.Next(userIds.Count)], vacancyIds[random.Next(vacancyIds.Count)], side);
            if (turnedDown.Add(pair))
                db.Add(MatchDismissal.Record(pair.Item1, pair.Item2, side, pair.Item1, now));
        }
        var applied = new HashSet<(string, Guid)>();
        for (var i = 0; i < 60; i++)
        {
            var pair = (userIds[random.Next(userIds.Count)], vacancyIds[random.Next(vacancyIds.Count)]);
            if (applied.Add(pair))
                db.Add(Application.Submit(pair.Item2, pair.Item1, null, now));
        }
        await db.SaveChangesAsync();
        return (userIds[0], userIds[9]);
    }

    /// <summary>Every stored column of every match, packed person and cutoff, one line each, in ordinal order.</summary>
    protected async Task<string> StoredAsync()
    {
        await using var db = Database.CreateContext();
        static string When(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        var lines = new List<string>();
        lines.AddRange((await db.Set<JobMatch>().AsNoTracking().ToListAsync()).Select(m => string.Create(CultureInfo.InvariantCulture,
            $"M {m.UserId} {m.VacancyId} {m.Score:R} {m.Miles:R} {m.ModulesHeld} {m.ModulesRequired} {m.ProgrammesHeld} {m.ProgrammesRequired} {m.DaysFit:R} {m.PayAsked:R} {m.HourlyPay:R} {m.RoleWanted} {m.OnSavedRoute} {m.ForPerson} {m.ForVacancy} {When(m.ComputedAtUtc)}")));
        lines.AddRange((await db.Set<MatchPerson>().AsNoTracking().ToListAsync()).Select(p => string.Create(CultureInfo.InvariantCulture,
            $"P {p.UserId} {p.Latitude:R} {p.Longitude:R} {(int)p.Days} {(int)p.Shifts} {p.DrivingLicence} {p.ModulesHeld} {p.ProgrammesHeld} {p.RolesWanted} {p.RolesOnSavedRoute} {p.PayAsked:R} {p.Findable} {p.Cutoff:R} {p.ContentVersion} {When(p.ComputedAtUtc)}")));
        lines.AddRange((await db.Set<MatchVacancyCutoff>().AsNoTracking().ToListAsync()).Select(c => string.Create(CultureInfo.InvariantCulture, $"C {c.VacancyId} {c.Cutoff:R} {When(c.ComputedAtUtc)}")));
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    protected static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Clears what matching stored, so the next run starts from nothing but what the test plants.</summary>
    protected async Task ClearMatchesAsync()
    {
        await using var db = Database.CreateContext();
        await db.Set<JobMatch>().ExecuteDeleteAsync();
        await db.Set<MatchPerson>().ExecuteDeleteAsync();
        await db.Set<MatchVacancyCutoff>().ExecuteDeleteAsync();
    }

    /// <summary>Rows a single run would delete: a person who no longer says where they live, and one whose account is gone.</summary>
    protected async Task PlantStaleRowsAsync(string unlocated)
    {
        await using var db = Database.CreateContext();
        var vacancy = await db.Set<Vacancy>().Select(v => v.Id).FirstAsync();
        foreach (var user in new[] { unlocated, "gone-user" })
        {
            db.Add(new JobMatch { UserId = user, VacancyId = vacancy, Score = 50, ForPerson = true, ComputedAtUtc = Time.GetUtcNow().UtcDateTime });
            db.Add(new MatchPerson { UserId = user, ContentVersion = "old", ComputedAtUtc = Time.GetUtcNow().UtcDateTime });
        }
        await db.SaveChangesAsync();
    }

    protected async Task<string> SingleRunAsync()
    {
        await using (var scope = Services())
            await scope.Get<MatchRunner>().RunAllAsync(CancellationToken.None);
        return await StoredAsync();
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}

/// <summary>The sharded run stores, byte for byte, what the single run stores.</summary>
public abstract class ShardedMatchRunTests<TDatabase>(TDatabase database) : ShardedMatchRunTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task AShardedRunStoresExactlyWhatTheSingleRunStores()
    {
        var (_, unlocated) = await RegionAsync();
        var single = await SingleRunAsync();
        await ClearMatchesAsync();
        await PlantStaleRowsAsync(unlocated);

        Matching.PeoplePerShard = 120;
        Guid runId;
        await using (var scope = Services())
            runId = (await scope.Get<ShardedMatchRun>().RunHereAsync(CancellationToken.None)).Id;
        var sharded = await StoredAsync();

        Assert.Equal(Sha(single), Sha(sharded));
        Assert.Equal(single, sharded);
        await using var db = Database.CreateContext();
        var run = await db.Set<MatchRun>().SingleAsync(r => r.Id == runId);
        Assert.Equal(MatchRunState.Completed, run.State);
        var shards = await db.Set<MatchRunShard>().Where(s => s.RunId == runId).ToListAsync();
        Assert.InRange(shards.Count, 12, 30);
        Assert.All(shards, s => Assert.Equal(MatchShardState.Written, s.State));
        Assert.Equal(People - (People / 10), shards.Sum(s => s.People));
        // The borders were crossed: people matched to vacancies in other shards' districts, and vacancies whose lists span shards.
        var shardOf = shards.SelectMany(s => s.DistrictList.Select(d => (d, s.Shard))).ToDictionary(p => p.d, p => p.Shard, StringComparer.Ordinal);
        var homes = await db.Set<CandidateProfile>().Where(p => p.District != null).ToDictionaryAsync(p => p.UserId, p => shardOf[p.District!]);
        var places = await db.Set<Vacancy>().ToDictionaryAsync(v => v.Id, v => v.Details.Location.District);
        var matches = await db.Set<JobMatch>().ToListAsync();
        Assert.True(matches.Count(m => !shardOf.TryGetValue(places[m.VacancyId], out var s) || s != homes[m.UserId]) > matches.Count / 3);
        Assert.True(matches.Where(m => m.ForVacancy).GroupBy(m => m.VacancyId).Count(g => g.Select(m => homes[m.UserId]).Distinct().Count() >= 3) > 100);
        // The run's working data went with it.
        Assert.False(await db.Set<MatchRunCandidate>().AnyAsync());
        Assert.False(await db.Set<MatchRunPlace>().AnyAsync());
    }
}

/// <summary>A worker killed in the middle of a shard (here, an injected fault just before its commit) leaves nothing, and the rerun writes it once.</summary>
public abstract class ShardedMatchRunFaultTests<TDatabase>(TDatabase database) : ShardedMatchRunTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static Task Kill(string step, int shard, string atStep, int atShard) =>
        step == atStep && shard == atShard ? throw new IOException($"worker killed while it {step}s shard {shard}") : Task.CompletedTask;

    [Fact]
    public async Task AShardKilledPartWayLeavesNothingAndItsRerunWritesItOnce()
    {
        await RegionAsync();
        var single = await SingleRunAsync();
        await ClearMatchesAsync();
        Matching.PeoplePerShard = 400;
        MatchRun run;
        await using (var scope = Services())
            run = await scope.Get<ShardedMatchRun>().StartAsync(CancellationToken.None);
        Assert.True(run.Shards >= 4);

        // Scoring: shard 1's worker dies after putting forward its candidates, before they commit.
        await using (var scope = Services())
        {
            var runs = scope.Get<ShardedMatchRun>();
            runs.BeforeCommit = (step, shard) => Kill(step, shard, "score", 1);
            for (var shard = 0; shard < run.Shards; shard++)
            {
                if (shard == 1)
                    await Assert.ThrowsAsync<IOException>(() => runs.ScoreShardAsync(run.Id, shard, CancellationToken.None));
                else
                    Assert.True(await runs.ScoreShardAsync(run.Id, shard, CancellationToken.None));
            }
            Assert.False(await runs.MergeAsync(run.Id, CancellationToken.None));
        }
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.Set<MatchRunCandidate>().AnyAsync(c => c.RunId == run.Id && c.Shard == 1));
            Assert.True(await db.Set<MatchRunCandidate>().AnyAsync(c => c.RunId == run.Id && c.Shard == 0));
            Assert.Equal(MatchShardState.Pending, (await db.Set<MatchRunShard>().SingleAsync(s => s.RunId == run.Id && s.Shard == 1)).State);
        }
        await using (var scope = Services())
        {
            var runs = scope.Get<ShardedMatchRun>();
            Assert.True(await runs.ScoreShardAsync(run.Id, 1, CancellationToken.None));
            Assert.False(await runs.ScoreShardAsync(run.Id, 1, CancellationToken.None));
            Assert.True(await runs.MergeAsync(run.Id, CancellationToken.None));
        }

        // Writing: shard 2's worker dies after writing its people's rows, before they commit.
        await using (var scope = Services())
        {
            var runs = scope.Get<ShardedMatchRun>();
            runs.BeforeCommit = (step, shard) => Kill(step, shard, "write", 2);
            for (var shard = 0; shard < run.Shards; shard++)
            {
                if (shard == 2)
                    await Assert.ThrowsAsync<IOException>(() => runs.WriteShardAsync(run.Id, shard, CancellationToken.None));
                else
                    Assert.True(await runs.WriteShardAsync(run.Id, shard, CancellationToken.None));
            }
            Assert.False(await runs.CompleteAsync(run.Id, CancellationToken.None));
        }
        await using (var db = Database.CreateContext())
        {
            var districts = (await db.Set<MatchRunShard>().SingleAsync(s => s.RunId == run.Id && s.Shard == 2)).DistrictList.ToList();
            var shardPeople = await db.Set<CandidateProfile>().Where(p => districts.Contains(p.District!)).Select(p => p.UserId).ToListAsync();
            Assert.NotEmpty(shardPeople);
            Assert.False(await db.Set<JobMatch>().AnyAsync(m => shardPeople.Contains(m.UserId)));
            Assert.False(await db.Set<MatchPerson>().AnyAsync(m => shardPeople.Contains(m.UserId)));
            Assert.True(await db.Set<JobMatch>().AnyAsync());
            Assert.Equal(MatchShardState.Scored, (await db.Set<MatchRunShard>().SingleAsync(s => s.RunId == run.Id && s.Shard == 2)).State);
        }
        await using (var scope = Services())
        {
            var runs = scope.Get<ShardedMatchRun>();
            Assert.True(await runs.WriteShardAsync(run.Id, 2, CancellationToken.None));
            Assert.False(await runs.WriteShardAsync(run.Id, 2, CancellationToken.None));
            Assert.True(await runs.CompleteAsync(run.Id, CancellationToken.None));
            Assert.False(await runs.CompleteAsync(run.Id, CancellationToken.None));
        }

        Assert.Equal(single, await StoredAsync());
    }
}

public sealed class SqliteShardedMatchRunFaultTests(SqliteTestDatabase database) : ShardedMatchRunFaultTests<SqliteTestDatabase>(database);

public sealed class PostgresShardedMatchRunFaultTests(PostgresTestDatabase database) : ShardedMatchRunFaultTests<PostgresTestDatabase>(database);

public sealed class SqliteShardedMatchRunTests(SqliteTestDatabase database) : ShardedMatchRunTests<SqliteTestDatabase>(database);

public sealed class PostgresShardedMatchRunTests(PostgresTestDatabase database) : ShardedMatchRunTests<PostgresTestDatabase>(database);
