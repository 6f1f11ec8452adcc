using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>
/// The hourly run reads only what changed, so it must land where a full run would (today is 15
/// June 2026): Priya is hired at Harehills Home Care on 20 February; after the first run the hub
/// records that she started work on 12 January (a job it found her first) and that Tom, who never
/// used the portal, started on 9 March. Her first hire moves from February to January; his lands in
/// March; both are months the hourly run would otherwise leave alone.
/// </summary>
public abstract class PipelineIncrementalTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly PostcodeDistricts Postcodes = PostcodeDistricts.Shipped();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero));

    private static DateTime Utc(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AnHourlyRunRedoesOnlyTheRecentMonthsAndAfterABackdatedOutcomeGivesTheSameFiguresAsAFullRun()
    {
        var (priya, hub) = await FixtureAsync();
        await RunAsync(full: true);
        var first = await StampsAsync();
        var before = await RowsAsync();
        Assert.Equal(1, Hired(before, 2));

        // Nothing changed: an hour on, the run works May and June out again, finds every count as it was and writes none.
        _time.Advance(TimeSpan.FromHours(1));
        await RunAsync(full: false);
        Assert.Equal(first, await StampsAsync());

        _time.Advance(TimeSpan.FromMinutes(20));
        await using (var db = database.CreateContext())
        {
            var tom = Person(db, Utc(1, 3));
            db.Add(HubOutcome.Record(priya, hub, null, OutcomeKind.StartedWork, "St James's", new DateOnly(2026, 1, 12), "navigator", _time.GetUtcNow().UtcDateTime));
            db.Add(HubOutcome.Record(tom, hub, null, OutcomeKind.StartedWork, "Leeds Teaching Hospitals", new DateOnly(2026, 3, 9), "navigator", _time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        _time.Advance(TimeSpan.FromMinutes(40));

        await RunAsync(full: false);
        var hourly = await RowsAsync();
        // Only the counts that changed were written (January's and March's hires, February's gone): every other row keeps the full run's time.
        var changed = hourly.Where(r => before.GetValueOrDefault(r.Key) != r.Value).Select(r => r.Key).Order().ToList();
        Assert.Contains((LearningMonth.City, new DateOnly(2026, 3, 1), "hired", InsightFigure.All, ""), changed);
        Assert.Equal(changed, (await StampsAsync()).Where(s => s.Value != first.GetValueOrDefault(s.Key)).Select(s => s.Key).Order().ToList());
        Assert.DoesNotContain((LearningMonth.City, new DateOnly(2026, 2, 1), "hired", InsightFigure.All, ""), hourly.Keys);
        await RunAsync(full: true);
        var full = await RowsAsync();

        Assert.Equal((1, 0, 1), (Hired(full, 1), Hired(full, 2), Hired(full, 3)));
        Assert.Equal(full.OrderBy(r => r.Key).ToList(), hourly.OrderBy(r => r.Key).ToList());
    }

    private static int Hired(Dictionary<(Guid Scope, DateOnly Month, string Figure, string Dimension, string Category), int> rows, int month) =>
        rows.GetValueOrDefault((LearningMonth.City, new DateOnly(2026, month, 1), "hired", InsightFigure.All, ""));

    private async Task<(string Priya, Guid Hub)> FixtureAsync()
    {
        await using var db = database.CreateContext();
        var since = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var harehills = Organisation.Create("Harehills Home Care", OrganisationType.CareProvider, null, "LS8 3AA", since);
        var hub = Organisation.Create("Leeds Talent Hub", OrganisationType.Charity, null, "LS9 7TF", since);
        db.AddRange(harehills, hub);
        var priya = Person(db, Utc(1, 5));
        var vacancy = Vacancy.Draft(harehills.Id, new VacancyDetails
        {
            CareerRole = "care-worker", Title = "Care worker", DescriptionMarkdown = "Visit people at home across the area.", Location = Postcodes.Locate("LS8").Location!,
            HourlyPay = 13.50m, HoursPerWeek = 30, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, PayBasis = PayBasis.WholeShift, GuaranteedHours = true,
            PaidTravelTime = false, PaidTraining = true, DrivingLicenceRequired = false, ClosingDate = new DateOnly(2026, 12, 31),
        }, Utc(1, 20));
        vacancy.Publish(Utc(1, 20), new MinimumWage([new MinimumWageRates(new DateOnly(2000, 1, 1), 0.01m, 0.01m, 0.01m, 0.01m)]));
        db.Add(vacancy);
        var application = Application.Submit(vacancy.Id, priya, null, Utc(2, 1));
        application.MoveTo(ApplicationStatus.Shortlisted, "recruiter", Utc(2, 5));
        application.MoveTo(ApplicationStatus.Interview, "recruiter", Utc(2, 10));
        application.MoveTo(ApplicationStatus.Offer, "recruiter", Utc(2, 15));
        application.MoveTo(ApplicationStatus.Hired, "recruiter", Utc(2, 20));
        db.Add(application);
        db.Add(Membership.Start(harehills.Id, priya, MembershipRole.Staff, Utc(2, 25), "care-worker"));
        await db.SaveChangesAsync();
        return (priya, hub.Id);
    }

    private Task<int> RunAsync(bool full) => InsightRows.RollupAsync(database, _time, full);

    private async Task<Dictionary<(Guid Scope, DateOnly Month, string Figure, string Dimension, string Category), int>> RowsAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Set<InsightFigure>().AsNoTracking().ToListAsync())
            .ToDictionary(f => (f.OrganisationId, f.Month, f.Figure, f.Dimension, f.Category), f => f.Count);
    }

    /// <summary>When each row was worked out: a row an hourly run left alone keeps the full run's time.</summary>
    private async Task<Dictionary<(Guid Scope, DateOnly Month, string Figure, string Dimension, string Category), DateTime>> StampsAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Set<InsightFigure>().AsNoTracking().Where(f => f.Dimension != InsightFigure.ByCohort).ToListAsync())
            .ToDictionary(f => (f.OrganisationId, f.Month, f.Figure, f.Dimension, f.Category), f => f.ComputedAtUtc);
    }

    private static string Person(PortalDbContext db, DateTime created) => InsightRows.Person(db, created);
}

public sealed class SqlitePipelineIncrementalTests(SqliteTestDatabase database) : PipelineIncrementalTests<SqliteTestDatabase>(database);

public sealed class PostgresPipelineIncrementalTests(PostgresTestDatabase database) : PipelineIncrementalTests<PostgresTestDatabase>(database);
