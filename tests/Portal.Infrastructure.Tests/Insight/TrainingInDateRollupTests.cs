using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Passport;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>
/// Required training in date against a hand-counted fixture, now 15 June 2026. A home care provider
/// requires of its care workers fire safety (its own 6-month refresher), safeguarding adults (12
/// months) and a medication sign-off (12 months); five care workers hold 3, 1, 0, 3 and 2 of the
/// three now (one by a recognised passport credential) and one left in May. A hospital requires fire
/// safety of its two care workers; one holds it.
/// </summary>
public abstract class TrainingInDateRollupTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero));

    private static readonly Guid City = LearningMonth.City;

    private static DateTime Utc(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static DateOnly Month(int year, int month) => new(year, month, 1);

    [Fact]
    public async Task EachMonthsEndMatchesTheHandCountAndAFinishedMonthStaysAsItWas()
    {
        Guid a, b;
        string nothingYet;
        await using (var db = database.CreateContext())
        {
            var since = Utc(2025, 1, 1);
            var homeCare = Organisation.Create("Aire Valley Homecare", OrganisationType.CareProvider, null, "LS6 1AA", since);
            homeCare.ChangeSetting(CareSetting.HomeCare);
            var hospital = Organisation.Create("Leeds Teaching Hospitals", OrganisationType.NhsTrust, null, "LS1 3EX", since);
            hospital.ChangeSetting(CareSetting.Hospital);
            db.AddRange(homeCare, hospital);
            (a, b) = (homeCare.Id, hospital.Id);
            db.Add(JobRequirements.Create(a, "care-worker", [new(TopicKind.Module, "fire-safety"), new(TopicKind.Module, "safeguarding-adults"), new(TopicKind.Competency, "medication-support")], "manager", since));
            db.Add(RefreshOverride.Create(a, "fire-safety", 6, "manager", since));
            db.Add(JobRequirements.Create(b, "care-worker", [new(TopicKind.Module, "fire-safety")], "manager", since));

            var allThree = Staff(db, a, Utc(2025, 3, 1));
            Pass(db, allThree, "fire-safety", Utc(2026, 3, 1));
            Pass(db, allThree, "safeguarding-adults", Utc(2025, 9, 1));
            SignOff(db, a, allThree, new DateOnly(2026, 1, 10));
            var lapsed = Staff(db, a, Utc(2025, 3, 1));
            Pass(db, lapsed, "fire-safety", Utc(2025, 10, 1));
            Pass(db, lapsed, "safeguarding-adults", Utc(2026, 2, 1));
            nothingYet = Staff(db, a, Utc(2025, 3, 1));
            var newlyDone = Staff(db, a, Utc(2025, 3, 1));
            Pass(db, newlyDone, "fire-safety", Utc(2026, 6, 1));
            Pass(db, newlyDone, "safeguarding-adults", Utc(2026, 6, 1));
            SignOff(db, a, newlyDone, new DateOnly(2026, 6, 2));
            var fromElsewhere = Staff(db, a, Utc(2025, 3, 1));
            Pass(db, fromElsewhere, "fire-safety", Utc(2026, 5, 20));
            db.Add(Recognition.Record(a, fromElsewhere, "urn:uuid:" + Guid.NewGuid(), "https://training.example.org", "Wakefield Care Academy", "urn:ach:safeguarding",
                "Safeguarding adults", "safeguarding-adults", Utc(2026, 1, 1), null, null, null, "manager", Utc(2026, 1, 5)));
            var leaver = Staff(db, a, Utc(2025, 3, 1), ended: Utc(2026, 5, 10));
            Pass(db, leaver, "fire-safety", Utc(2026, 2, 1));
            // A manager is not staff: never counted.
            db.Add(Membership.Start(a, Person(db), MembershipRole.Manager, since));

            Pass(db, Staff(db, b, Utc(2025, 6, 1)), "fire-safety", Utc(2026, 1, 5));
            Staff(db, b, Utc(2025, 6, 1));
            await db.SaveChangesAsync();
        }

        await RunAsync(full: false);
        var rows = await RowsAsync();
        // The first run goes back a year, to June 2025: eight in post then, none of it done yet; nothing before.
        Assert.Equal(13, rows.Keys.Count(k => k.Item1 == City && k.Item3 == TrainingInDateRollup.Staff && k.Item4 == "all"));
        Assert.Equal((8, 0, 20, 0), Figures(rows, City, Month(2025, 6)));
        Assert.DoesNotContain(rows.Keys, k => k.Item2 < Month(2025, 6));
        // Now: 3 + 1 + 0 + 3 + 2 of 15, two with everything; the leaver has gone.
        Assert.Equal((5, 2, 15, 9), Figures(rows, a, Month(2026, 6)));
        // At the end of May: the lapsed fire safety (6 months from October) and the June passes do not count; the leaver has gone.
        Assert.Equal((5, 1, 15, 6), Figures(rows, a, Month(2026, 5)));
        // At the end of April the leaver (fire safety only) was still there.
        Assert.Equal((6, 1, 18, 6), Figures(rows, a, Month(2026, 4)));
        Assert.Equal((2, 1, 2, 1), Figures(rows, b, Month(2026, 6)));
        Assert.Equal((7, 3, 17, 10), Figures(rows, City, Month(2026, 6)));
        Assert.Equal((5, 2, 15, 9), Figures(rows, City, Month(2026, 6), RetentionRollup.BySector, nameof(OrganisationType.CareProvider)));
        Assert.Equal((2, 1, 2, 1), Figures(rows, City, Month(2026, 6), TrainingInDateRollup.BySetting, nameof(CareSetting.Hospital)));

        // The employer stops requiring the sign-off: this month's figure changes, May's is a record and stays.
        await using (var db = database.CreateContext())
        {
            var list = await db.Set<JobRequirements>().SingleAsync(r => r.OrganisationId == a);
            list.Change([new(TopicKind.Module, "fire-safety"), new(TopicKind.Module, "safeguarding-adults")], "manager", _time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        await RunAsync(full: false);
        rows = await RowsAsync();
        Assert.Equal((5, 3, 10, 7), Figures(rows, a, Month(2026, 6)));
        Assert.Equal((5, 1, 15, 6), Figures(rows, a, Month(2026, 5)));

        // The weekly full run of the other rollups leaves these months alone.
        await RunAsync(full: true);
        Assert.Equal(rows.OrderBy(r => r.Key).ToList(), (await RowsAsync()).OrderBy(r => r.Key).ToList());

        // June ends; the first run of July works June out to its end (a pass on the 20th counts) and starts July.
        await using (var db = database.CreateContext())
        {
            Pass(db, nothingYet, "fire-safety", Utc(2026, 6, 20));
            await db.SaveChangesAsync();
        }
        _time.SetUtcNow(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero));
        await RunAsync(full: false);
        rows = await RowsAsync();
        Assert.Equal((5, 3, 10, 8), Figures(rows, a, Month(2026, 6)));
        Assert.Equal((5, 3, 10, 8), Figures(rows, a, Month(2026, 7)));
        Assert.Equal((5, 1, 15, 6), Figures(rows, a, Month(2026, 5)));
    }

    private static (int, int, int, int) Figures(Dictionary<(Guid, DateOnly, string, string, string), int> rows, Guid scope, DateOnly month, string dimension = "all", string category = "")
    {
        int Count(string figure) => rows.GetValueOrDefault((scope, month, figure, dimension, category));
        return (Count(TrainingInDateRollup.Staff), Count(TrainingInDateRollup.StaffAllHeld), Count(TrainingInDateRollup.Required), Count(TrainingInDateRollup.Held));
    }

    private Task<int> RunAsync(bool full) => InsightRows.RollupAsync(database, _time, full);

    private async Task<Dictionary<(Guid, DateOnly, string, string, string), int>> RowsAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Set<RetentionFigure>().AsNoTracking().Where(f => TrainingInDateRollup.Figures.Contains(f.Figure)).ToListAsync())
            .ToDictionary(r => (r.OrganisationId, r.Month, r.Figure, r.Dimension, r.Category), r => r.Count);
    }

    private static string Staff(PortalDbContext db, Guid organisation, DateTime joined, DateTime? ended = null)
    {
        var id = Person(db);
        var membership = Membership.Start(organisation, id, MembershipRole.Staff, joined, "care-worker");
        if (ended is { } at)
            membership.End(at);
        db.Add(membership);
        return id;
    }

    private static void SignOff(PortalDbContext db, Guid organisation, string worker, DateOnly observed) =>
        db.Add(CompetencyRecord.SignOff(organisation, worker, "medication-support", "v1", ["Reads the MAR chart"], [0], null, observed, "practitioner", observed.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(12)));

    private static void Pass(PortalDbContext db, string userId, string module, DateTime at) => InsightRows.Pass(db, userId, module, at);

    private static string Person(PortalDbContext db) => InsightRows.Person(db, Utc(2025, 1, 1));
}

public sealed class SqliteTrainingInDateRollupTests(SqliteTestDatabase database) : TrainingInDateRollupTests<SqliteTestDatabase>(database);

public sealed class PostgresTrainingInDateRollupTests(PostgresTestDatabase database) : TrainingInDateRollupTests<PostgresTestDatabase>(database);
