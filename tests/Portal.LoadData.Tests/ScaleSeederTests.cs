using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;
using Portal.Tests.Common;

namespace Portal.LoadData.Tests;

/// <summary>The generated city: the sizes asked for, the same data for the same seed, and never on top of itself.</summary>
public abstract class ScaleSeederTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly ContentSet Content = ShippedContent.Set;
    private static readonly ScaleSeedOptions Small = new() { People = 300, Organisations = 12, Vacancies = 250, Profiles = 400, Completions = 1_500, Seed = 7, MatrixStaff = 120, Applications = 900, SavedPlans = 150, Alerts = 60,
        Workforce = 0, PastVacancies = 0, PastApplications = 0, HubPeople = 0, MonitoringPercent = 0 };

    [Fact]
    public async Task ItGeneratesWhatWasAskedForOnceAndTheSameWayEachTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var lines = new List<string>();
        await using (var db = database.CreateContext())
            await new ScaleSeeder(db, PostcodeDistricts.Shipped(), clock).RunAsync(Small, Content, lines.Add);

        await using (var db = database.CreateContext())
        {
            Assert.Equal(400, await db.Users.CountAsync(u => u.Email!.EndsWith("@seed.invalid")));
            Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@seed.invalid") && u.PasswordHash != null));
            Assert.Equal(12, await db.Set<Organisation>().CountAsync());
            // A recruiter and a manager each, and the first organisation's 120 staff, two of them practitioners.
            Assert.Equal(144, await db.Set<Membership>().CountAsync());
            var staff = await db.Set<Membership>().Where(m => m.Role == MembershipRole.Staff).ToListAsync();
            Assert.Single(staff.Select(m => m.OrganisationId).Distinct());
            Assert.Equal(2, staff.Count(m => m.Practitioner));
            Assert.Equal(3, await db.Set<Portal.Domain.Compliance.JobRequirements>().CountAsync());
            var practitioners = staff.Where(m => m.Practitioner).Select(m => m.UserId).ToHashSet();
            var signOffs = await db.Set<Portal.Domain.Compliance.CompetencyRecord>().Where(r => r.Kind == Portal.Domain.Compliance.CompetencyRecordKind.SignedOff).ToListAsync();
            Assert.NotEmpty(signOffs);
            Assert.All(signOffs, r => Assert.Contains(r.RecordedBy, practitioners));
            Assert.Equal(400, await db.Set<CandidateProfile>().CountAsync());
            // Completions among the first 300 people only, each module's rounds numbered from 1 with a matching progress row.
            var completions = await db.Set<Completion>().ToListAsync();
            Assert.Equal(1_500, completions.Count);
            Assert.InRange(completions.Select(c => c.UserId).Distinct().Count(), 250, 300);
            Assert.All(completions.GroupBy(c => (c.UserId, c.ModuleSlug)), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(c => c.Round).Order()));
            Assert.Equal(completions.Select(c => (c.UserId, c.ModuleSlug)).Distinct().Count(), await db.Set<ModuleProgress>().CountAsync());
            Assert.All(completions, c => Assert.InRange(c.CompletedAtUtc, new DateTime(2023, 11, 26, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc)));
            var vacancies = await db.Set<Vacancy>().ToListAsync();
            Assert.Equal(250, vacancies.Count);
            // Mostly open, some closed and some drafts, every one valid for the vacancy rules and the city's postcodes.
            Assert.InRange(vacancies.Count(v => v.IsOpen(new DateOnly(2026, 11, 26))), 180, 235);
            Assert.Contains(vacancies, v => v.Status == VacancyStatus.Closed);
            Assert.Contains(vacancies, v => v.Status == VacancyStatus.Draft);
            Assert.All(vacancies, v => Assert.True(Content.Roles.ContainsKey(v.Details.CareerRole)));
            Assert.All(vacancies, v => Assert.NotNull(PostcodeDistricts.Shipped().Locate(v.Details.Location.Postcode).Location));
            Assert.Contains(lines, l => l.StartsWith("vacancies 250 of 250", StringComparison.Ordinal));

            // Applications by people with a profile to published vacancies, one per person and vacancy, at every stage.
            var applications = await db.Set<Application>().Include(a => a.History).ToListAsync();
            Assert.Equal(900, applications.Count);
            Assert.Equal(900, applications.Select(a => (a.VacancyId, a.UserId)).Distinct().Count());
            var published = vacancies.Where(v => v.PublishedAtUtc is not null).ToDictionary(v => v.Id);
            Assert.All(applications, a => Assert.True(published[a.VacancyId].PublishedAtUtc <= a.SubmittedAtUtc));
            var profiles = (await db.Set<CandidateProfile>().Select(p => p.UserId).ToListAsync()).ToHashSet();
            Assert.All(applications, a => Assert.Contains(a.UserId, profiles));
            // Every history starts with the applicant's submission and ends at the current status.
            Assert.All(applications, a => Assert.Equal((ApplicationStatus.Submitted, a.UserId), (a.History.OrderBy(e => e.Id).First().Status, a.History.OrderBy(e => e.Id).First().ChangedBy)));
            Assert.All(applications, a => Assert.Equal(a.Status, a.History.OrderBy(e => e.Id).Last().Status));
            foreach (var status in new[] { ApplicationStatus.Submitted, ApplicationStatus.Shortlisted, ApplicationStatus.Interview, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn })
                Assert.Contains(applications, a => a.Status == status);
            Assert.Equal(150, await db.Set<Portal.Domain.Pathways.SavedPlan>().CountAsync());
            var alerts = await db.Set<SavedSearch>().ToListAsync();
            Assert.Equal(60, alerts.Count);
            // Each alert reads back as a keyword search within some miles of a city postcode.
            Assert.All(alerts, a => Assert.NotNull(JobQueryString.Parse(a.Query, PostcodeDistricts.Shipped()).WithinMiles));

            // Same seed, same city: the first vacancy drawn is the same one in a fresh run.
            Assert.Equal(await ExpectedFirstVacancyAsync(), vacancies.Select(v => (v.Id, v.Details.Title)).OrderBy(v => v.Id).First());
        }

        await using (var db = database.CreateContext())
        {
            var again = await Assert.ThrowsAsync<InvalidOperationException>(() => new ScaleSeeder(db, PostcodeDistricts.Shipped(), clock).RunAsync(Small, Content, _ => { }));
            Assert.Contains("already holds generated data", again.Message, StringComparison.Ordinal);
        }
        await using (var db = database.CreateContext())
            Assert.Equal(250, await db.Set<Vacancy>().CountAsync());
    }

    /// <summary>
    /// The talent hub's outcomes are recorded on the day they happened, as a navigator records them,
    /// not all at the moment the city was generated (which made the first hourly insight rollup
    /// take every one as backdated news and redo two years).
    /// </summary>
    [Fact]
    public async Task TheHubsOutcomesAreRecordedOnTheDaysTheyHappened()
    {
        var now = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
        var fresh = new SqliteTestDatabase();
        await fresh.InitializeAsync();
        try
        {
            await using (var db = fresh.CreateContext())
                await new ScaleSeeder(db, PostcodeDistricts.Shipped(), new FakeTimeProvider(now)).RunAsync(Small with { HubPeople = 120 }, Content, _ => { });
            await using var read = fresh.CreateContext();
            var outcomes = await read.Set<Portal.Domain.Programmes.HubOutcome>().AsNoTracking().ToListAsync();
            Assert.NotEmpty(outcomes);
            Assert.All(outcomes, o => Assert.Equal(o.On, DateOnly.FromDateTime(o.RecordedAtUtc)));
            Assert.All(outcomes, o => Assert.True(o.RecordedAtUtc <= now));
            Assert.True(outcomes.Select(o => o.RecordedAtUtc).Distinct().Count() > 10);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    /// <summary>The same run into a second, fresh SQLite database.</summary>
    private static async Task<(Guid, string)> ExpectedFirstVacancyAsync()
    {
        var other = new SqliteTestDatabase();
        await other.InitializeAsync();
        try
        {
            await using (var db = other.CreateContext())
                await new ScaleSeeder(db, PostcodeDistricts.Shipped(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero))).RunAsync(Small, Content, _ => { });
            await using var read = other.CreateContext();
            return (await read.Set<Vacancy>().ToListAsync()).Select(v => (v.Id, v.Details.Title)).OrderBy(v => v.Id).First();
        }
        finally
        {
            await other.DisposeAsync();
        }
    }
}

public sealed class SqliteScaleSeederTests(SqliteTestDatabase database) : ScaleSeederTests<SqliteTestDatabase>(database);

public sealed class PostgresScaleSeederTests(PostgresTestDatabase database) : ScaleSeederTests<PostgresTestDatabase>(database);
