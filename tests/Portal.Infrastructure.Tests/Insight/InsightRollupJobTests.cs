using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>
/// The learning rollup against a hand-counted fixture: four people, two employers, a move between
/// them, someone with no employer, and a pass just after midnight UK time on 1 June (still 31 May
/// in UTC), which belongs to June.
/// </summary>
public abstract class InsightRollupJobTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero));

    private static DateTime Utc(int year, int month, int day, int hour = 10, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateOnly Month(int year, int month) => new(year, month, 1);

    [Fact]
    public async Task MonthsMatchTheHandCountAndRerunsReplaceRatherThanAdd()
    {
        Guid a, b;
        string p3;
        await using (var db = database.CreateContext())
        {
            var since = Utc(2025, 1, 1);
            var first = Organisation.Create("Aire Valley Homecare", OrganisationType.CareProvider, null, "LS6 1AA", since);
            var second = Organisation.Create("Kirkstall Care Home", OrganisationType.CareProvider, null, "LS5 3AA", since);
            db.AddRange(first, second);
            (a, b) = (first.Id, second.Id);
            var p1 = Person(db);
            var p2 = Person(db);
            p3 = Person(db);
            var p4 = Person(db);
            db.Add(Membership.Start(a, p1, MembershipRole.Staff, since, "care-worker"));
            var p2AtA = Membership.Start(a, p2, MembershipRole.Staff, Utc(2025, 6, 1), "care-worker");
            p2AtA.End(Utc(2026, 1, 31, 17));
            db.Add(p2AtA);
            db.Add(Membership.Start(b, p2, MembershipRole.Staff, Utc(2026, 2, 1), "care-worker"));
            db.Add(Membership.Start(b, p4, MembershipRole.Staff, since, "care-worker"));
            // A recruiter passing a module is a learner, but not the organisation's staff.
            db.Add(Membership.Start(b, p3, MembershipRole.Recruiter, since));
            Pass(db, p3, "fire-safety", Utc(2025, 12, 20));
            Pass(db, p1, "fire-safety", Utc(2026, 1, 10));
            Pass(db, p1, "moving-and-handling", Utc(2026, 1, 20));
            Pass(db, p2, "fire-safety", Utc(2026, 1, 15));
            Pass(db, p1, "infection-prevention", Utc(2026, 2, 5));
            Pass(db, p2, "safeguarding-adults", Utc(2026, 2, 10));
            Pass(db, p3, "moving-and-handling", Utc(2026, 2, 11));
            Pass(db, p4, "fire-safety", Utc(2026, 5, 31, 23, 30));
            await db.SaveChangesAsync();
        }

        Assert.Equal(7, await RunAsync(full: false));

        (int, int, int)? City(DateOnly month) => Row(LearningMonth.City, month);
        var rows = await RowsAsync();
        (int, int, int)? Row(Guid organisation, DateOnly month) =>
            rows.TryGetValue((organisation, month), out var row) ? row : null;
        Assert.Equal((1, 1, 1), City(Month(2025, 12)));
        Assert.Equal((2, 2, 3), City(Month(2026, 1)));
        Assert.Equal((3, 0, 3), City(Month(2026, 2)));
        Assert.Equal((0, 0, 0), City(Month(2026, 3)));
        Assert.Equal((0, 0, 0), City(Month(2026, 5)));
        Assert.Equal((1, 1, 1), City(Month(2026, 6)));
        Assert.Equal((2, 2, 3), Row(a, Month(2026, 1)));
        Assert.Equal((1, 0, 1), Row(a, Month(2026, 2)));
        Assert.Equal((1, 0, 1), Row(b, Month(2026, 2)));
        Assert.Equal((1, 1, 1), Row(b, Month(2026, 6)));
        Assert.Null(Row(b, Month(2026, 5)));
        Assert.Null(Row(b, Month(2025, 12)));
        await using (var db = database.CreateContext())
        {
            var january = await db.Set<ModuleMonth>().Where(m => m.OrganisationId == LearningMonth.City && m.Month == Month(2026, 1))
                .OrderBy(m => m.ModuleSlug).Select(m => new { m.ModuleSlug, m.Completions }).ToListAsync();
            Assert.Equal([("fire-safety", 2), ("moving-and-handling", 1)], january.Select(m => (m.ModuleSlug, m.Completions)));
        }

        // The hourly run: this month and last only; a module's count changes where it was stored, a new one is added.
        await using (var db = database.CreateContext())
        {
            Pass(db, p3, "safeguarding-adults", Utc(2026, 6, 10));
            Pass(db, Person(db), "fire-safety", Utc(2026, 6, 12));
            await db.SaveChangesAsync();
        }
        Assert.Equal(2, await RunAsync(full: false));
        rows = await RowsAsync();
        Assert.Equal((3, 2, 3), City(Month(2026, 6)));
        Assert.Equal((2, 2, 3), City(Month(2026, 1)));
        Assert.Equal(["city 2026-06 fire-safety 2", "city 2026-06 safeguarding-adults 1"], (await ModulesAsync()).Where(m => m.StartsWith("city 2026-06", StringComparison.Ordinal)));

        // The weekly full run gives the same months, once each.
        Assert.Equal(7, await RunAsync(full: true));
        var again = await RowsAsync();
        Assert.Equal(rows.OrderBy(r => r.Key).ToList(), again.OrderBy(r => r.Key).ToList());

        // The first pass erased (as a person's erasure does): the full run starts at the next one and takes December away.
        await using (var db = database.CreateContext())
            await db.Set<Completion>().Where(c => c.UserId == p3 && c.CompletedAtUtc < Utc(2026, 1, 1)).ExecuteDeleteAsync();
        Assert.Equal(6, await RunAsync(full: true));
        Assert.DoesNotContain((LearningMonth.City, Month(2025, 12)), (await RowsAsync()).Keys);
        var modules = await ModulesAsync();
        Assert.DoesNotContain(modules, m => m.StartsWith("city 2025-12", StringComparison.Ordinal));
        Assert.Contains("city 2026-01 fire-safety 2", modules);

        // What the runs left, writing only what changed, is what a run from nothing writes.
        await using (var db = database.CreateContext())
            await db.Set<ModuleMonth>().ExecuteDeleteAsync();
        await RunAsync(full: true);
        Assert.Equal(modules, await ModulesAsync());
    }

    private async Task<List<string>> ModulesAsync()
    {
        await using var db = database.CreateContext();
        return [.. (await db.Set<ModuleMonth>().AsNoTracking().ToListAsync())
            .Select(m => $"{(m.OrganisationId == LearningMonth.City ? "city" : m.OrganisationId.ToString())} {m.Month:yyyy-MM} {m.ModuleSlug} {m.Completions}")
            .Order(StringComparer.Ordinal)];
    }

    private Task<int> RunAsync(bool full) => InsightRows.RollupAsync(database, _time, full);

    private async Task<Dictionary<(Guid, DateOnly), (int, int, int)>> RowsAsync()
    {
        await using var db = database.CreateContext();
        var rows = await db.Set<LearningMonth>().AsNoTracking().ToListAsync();
        return rows.ToDictionary(r => (r.OrganisationId, r.Month), r => (r.Learners, r.FirstTimeLearners, r.Completions));
    }

    private static string Person(PortalDbContext db) => InsightRows.Person(db, Utc(2025, 1, 1));

    private static void Pass(PortalDbContext db, string userId, string module, DateTime at) => InsightRows.Pass(db, userId, module, at);
}

public sealed class SqliteInsightRollupJobTests(SqliteTestDatabase database) : InsightRollupJobTests<SqliteTestDatabase>(database);

public sealed class PostgresInsightRollupJobTests(PostgresTestDatabase database) : InsightRollupJobTests<PostgresTestDatabase>(database);
