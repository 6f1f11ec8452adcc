using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>
/// The retention rollup against a hand-counted fixture: a care provider with a January cohort of
/// six starters (one gone within three months, one after), a leaver, a promotion, an apprentice
/// Enhanced Care Worker; an NHS trust with a move down and a leaver. Now is 15 June 2026.
/// </summary>
public abstract class RetentionRollupTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero));

    private static readonly Guid City = LearningMonth.City;

    private static DateTime Utc(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static DateOnly Month(int year, int month) => new(year, month, 1);

    [Fact]
    public async Task MonthsMatchTheHandCountTheHourlyRunRedoesOnlyRecentMonthsAndRerunsReplace()
    {
        Guid a, b;
        long stays;
        await using (var db = database.CreateContext())
        {
            var since = Utc(2025, 1, 1);
            var provider = Organisation.Create("Aire Valley Homecare", OrganisationType.CareProvider, null, "LS6 1AA", since);
            var trust = Organisation.Create("Leeds Teaching Hospitals", OrganisationType.NhsTrust, null, "LS1 3EX", since);
            db.AddRange(provider, trust);
            (a, b) = (provider.Id, trust.Id);

            var promoted = Membership.Start(a, Person(db), MembershipRole.Staff, since, "care-worker");
            promoted.ChangeJob("senior-care-worker", null, false, "manager", Utc(2026, 3, 10));
            db.Add(promoted);
            var leaver = Membership.Start(a, Person(db), MembershipRole.Staff, Utc(2025, 6, 1), "care-worker");
            leaver.End(Utc(2026, 1, 31, 17));
            db.Add(leaver);
            var cohort = Enumerable.Range(0, 6).Select(_ => Membership.Start(a, Person(db), MembershipRole.Staff, Utc(2026, 1, 12), "care-worker")).ToList();
            cohort[0].End(Utc(2026, 2, 20));
            cohort[1].End(Utc(2026, 5, 1));
            db.AddRange(cohort);
            db.Add(Membership.Start(a, Person(db), MembershipRole.Staff, Utc(2025, 12, 1), "enhanced-care-worker", apprentice: true));

            var movedDown = Membership.Start(b, Person(db), MembershipRole.Staff, since, "team-leader");
            movedDown.ChangeJob("care-worker", null, false, "manager", Utc(2026, 2, 1));
            db.Add(movedDown);
            var trustLeaver = Membership.Start(b, Person(db), MembershipRole.Staff, Utc(2025, 3, 1), "care-worker");
            trustLeaver.End(Utc(2026, 3, 15));
            db.Add(trustLeaver);
            // A manager is not staff: never in post, never a leaver.
            db.Add(Membership.Start(a, Person(db), MembershipRole.Manager, since));
            await db.SaveChangesAsync();
            stays = cohort[2].Id;
        }

        await RunAsync(full: false);
        var rows = await RowsAsync();

        int Count(Guid scope, DateOnly month, string figure, string dimension = "all", string category = "") =>
            rows.GetValueOrDefault((scope, month, figure, dimension, category));
        Assert.Equal([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 8, 7, 7, 7, 6, 6],
            Enumerable.Range(0, 18).Select(i => Count(a, Month(2025, 1).AddMonths(i), RetentionRollup.Headcount)));
        Assert.Equal(6, Count(a, Month(2026, 1), RetentionRollup.Starters));
        Assert.Equal((6, 5), (Count(a, Month(2026, 1), RetentionRollup.Due(3)), Count(a, Month(2026, 1), RetentionRollup.Retained(3))));
        Assert.Equal(0, Count(a, Month(2026, 1), RetentionRollup.Due(6)));
        // June 2025's starter was still there at 3 and 6 months, and had gone by 12.
        Assert.Equal((1, 1, 1, 1, 1, 0), (Count(a, Month(2025, 6), RetentionRollup.Due(3)), Count(a, Month(2025, 6), RetentionRollup.Retained(3)),
            Count(a, Month(2025, 6), RetentionRollup.Due(6)), Count(a, Month(2025, 6), RetentionRollup.Retained(6)),
            Count(a, Month(2025, 6), RetentionRollup.Due(12)), Count(a, Month(2025, 6), RetentionRollup.Retained(12))));
        Assert.Equal([1, 1, 0, 0, 1], Enumerable.Range(1, 5).Select(m => Count(a, Month(2026, m), RetentionRollup.Leavers)));
        Assert.Equal(1, Count(a, Month(2026, 3), RetentionRollup.StepsUp));
        Assert.Equal(0, Count(b, Month(2026, 2), RetentionRollup.StepsUp));
        Assert.Equal((1, 1), (Count(a, Month(2026, 6), RetentionRollup.EnhancedCareWorkers), Count(a, Month(2026, 6), RetentionRollup.Apprentices)));
        Assert.Equal(0, Count(a, Month(2025, 11), RetentionRollup.EnhancedCareWorkers));
        // The city adds up its employers, and splits them by kind.
        Assert.Equal(10, Count(City, Month(2026, 1), RetentionRollup.Headcount));
        Assert.Equal((1, 1), (Count(City, Month(2026, 3), RetentionRollup.Leavers, RetentionRollup.BySector, "NhsTrust"), Count(City, Month(2026, 3), RetentionRollup.StepsUp, RetentionRollup.BySector, "CareProvider")));

        // Someone leaves today: the hourly run redoes the last thirteen months and leaves the older ones as they were.
        await using (var db = database.CreateContext())
        {
            var member = await db.Set<Membership>().SingleAsync(m => m.Id == stays);
            member.End(_time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            await db.Set<RetentionFigure>().Where(f => f.OrganisationId == a && f.Month == Month(2025, 2)).ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, 99));
        }
        await RunAsync(full: false);
        rows = await RowsAsync();
        Assert.Equal(1, Count(a, Month(2026, 6), RetentionRollup.Leavers));
        Assert.Equal(5, Count(a, Month(2026, 6), RetentionRollup.Headcount));
        Assert.Equal(99, Count(a, Month(2025, 2), RetentionRollup.Headcount));

        // The weekly full run puts every month right, and running it twice changes nothing.
        await RunAsync(full: true);
        var full = await RowsAsync();
        Assert.Equal(1, full[(a, Month(2025, 2), RetentionRollup.Headcount, "all", "")]);
        await RunAsync(full: true);
        Assert.Equal(full.OrderBy(r => r.Key).ToList(), (await RowsAsync()).OrderBy(r => r.Key).ToList());

        // The two who started in January 2025 erased (as a person's erasure does): the full run starts at
        // March 2025's starter and takes January and February away.
        await using (var db = database.CreateContext())
        {
            var erased = db.Set<Membership>().Where(m => m.Role == MembershipRole.Staff && m.StartedAtUtc < Utc(2025, 2, 1)).Select(m => m.Id);
            await db.Set<JobHeld>().Where(j => erased.Contains(j.MembershipId)).ExecuteDeleteAsync();
            await db.Set<Membership>().Where(m => erased.Contains(m.Id)).ExecuteDeleteAsync();
        }
        await RunAsync(full: true);
        rows = await RowsAsync();
        // (The training-in-date figures share the table and keep their months: a record of how things stood.)
        Assert.DoesNotContain(rows.Keys, r => r.Item2 < Month(2025, 3) && !TrainingInDateRollup.Figures.Contains(r.Item3));
        Assert.Equal(1, full[(a, Month(2025, 1), RetentionRollup.Headcount, "all", "")]);
        Assert.Equal(1, Count(b, Month(2025, 3), RetentionRollup.Starters));
    }

    [Fact]
    public async Task StaffWhoJoinedBeforeJobHistoryGetTheirOneJobOnceFromTheDayTheyJoined()
    {
        long id;
        var joined = Utc(2026, 6, 1);
        await using (var db = database.CreateContext())
        {
            var charity = Organisation.Create("Chapeltown Carers", OrganisationType.Charity, null, "LS7 3AA", joined);
            db.Add(charity);
            var membership = Membership.Start(charity.Id, Person(db), MembershipRole.Staff, joined, "care-worker");
            db.Add(membership);
            await db.SaveChangesAsync();
            id = membership.Id;
            // As the migration leaves a membership made before: no history.
            await db.Set<JobHeld>().Where(j => j.MembershipId == id).ExecuteDeleteAsync();
        }

        await using (var db = database.CreateContext())
            Assert.True(await JobHistoryBackfill.RunAsync(db) >= 1);
        await using (var db = database.CreateContext())
            Assert.Equal(0, await JobHistoryBackfill.RunAsync(db));

        await using (var db = database.CreateContext())
        {
            var job = await db.Set<JobHeld>().AsNoTracking().SingleAsync(j => j.MembershipId == id);
            Assert.Equal(("care-worker", joined, (DateTime?)null), (job.JobRole, job.FromUtc, job.ToUtc));
        }
    }

    private Task<int> RunAsync(bool full) => InsightRows.RollupAsync(database, _time, full);

    private async Task<Dictionary<(Guid, DateOnly, string, string, string), int>> RowsAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Set<RetentionFigure>().AsNoTracking().ToListAsync())
            .ToDictionary(r => (r.OrganisationId, r.Month, r.Figure, r.Dimension, r.Category), r => r.Count);
    }

    private static string Person(PortalDbContext db) => InsightRows.Person(db, Utc(2025, 1, 1));
}

public sealed class SqliteRetentionRollupTests(SqliteTestDatabase database) : RetentionRollupTests<SqliteTestDatabase>(database);

public sealed class PostgresRetentionRollupTests(PostgresTestDatabase database) : RetentionRollupTests<PostgresTestDatabase>(database);
