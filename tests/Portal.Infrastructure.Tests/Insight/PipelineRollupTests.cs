using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Equality;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Domain.Pathways;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>
/// The pipeline and programme rollups against a hand-counted fixture (today is 15 June 2026): Priya
/// (LS9 7, a priority sector; a saved route to care worker; Black African) applies to Harehills Home
/// Care in February and is hired after 19 days, and is still on its staff at 13 weeks; Tom (LS6)
/// applies there too and to Kirkstall Care, and is rejected after an interview; Sam joins the hub's
/// caseload and its March cohort, completes it, and the hub records an interview and a start;
/// Jo joins the cohort but does not finish; a recruiter's account is not counted as registered.
/// </summary>
public abstract class PipelineRollupTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly PostcodeDistricts Postcodes = PostcodeDistricts.Shipped();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero));

    private static DateTime Utc(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);

    private static DateOnly Month(int month) => new(2026, month, 1);

    [Fact]
    public async Task StepsBreakdownsVacanciesAndCohortsMatchTheHandCountAndRerunsGiveTheSameRows()
    {
        var (harehills, kirkstall, hub, programme, cohort) = await FixtureAsync();

        await RunAsync(full: false);
        var rows = await RowsAsync();
        int Count(Guid scope, int month, string figure, string dimension = InsightFigure.All, string category = "") =>
            rows.GetValueOrDefault((scope, Month(month), figure, dimension, category));
        var city = LearningMonth.City;

        Assert.Equal(2, Count(city, 1, "registered"));
        Assert.Equal(1, Count(city, 2, "registered"));
        Assert.Equal(1, Count(city, 3, "registered"));
        Assert.Equal(2, Count(city, 2, "applied"));
        Assert.Equal(0, Count(city, 3, "applied"));
        Assert.Equal(2, Count(city, 2, "interviewed"));
        Assert.Equal(1, Count(city, 4, "interviewed"));
        Assert.Equal(1, Count(city, 2, "offered"));
        Assert.Equal(1, Count(city, 2, "hired"));
        Assert.Equal(1, Count(city, 5, "hired"));
        Assert.Equal(1, Count(city, 5, "in-work-13"));
        Assert.Equal(0, rows.Where(r => r.Key.Figure == "in-work-26").Sum(r => r.Value));

        Assert.Equal(2, Count(harehills, 2, "applied"));
        Assert.Equal(1, Count(harehills, 2, "hired"));
        Assert.Equal(1, Count(harehills, 5, "in-work-13"));
        Assert.Equal(0, Count(harehills, 1, "registered"));
        Assert.Equal(1, Count(kirkstall, 3, "applied"));
        Assert.Equal(1, Count(hub, 2, "registered"));
        Assert.Equal(1, Count(hub, 4, "interviewed"));
        Assert.Equal(1, Count(hub, 5, "hired"));

        Assert.Equal(1, Count(city, 2, "applied", PipelineRollup.ByNeighbourhood, nameof(NeighbourhoodStanding.Priority)));
        Assert.Equal(1, Count(city, 2, "applied", PipelineRollup.ByNeighbourhood, nameof(NeighbourhoodStanding.NotPriority)));
        Assert.Equal(1, Count(city, 2, "registered", PipelineRollup.ByNeighbourhood, nameof(NeighbourhoodStanding.NotKnown)));
        Assert.Equal(1, Count(city, 2, "applied", EqualityQuestions.Ethnicity.Key, "black-african"));
        Assert.Equal(1, Count(city, 2, "applied", EqualityQuestions.Ethnicity.Key, PipelineRollup.NotAnswered));
        Assert.Equal(1, Count(city, 2, "hired", PipelineRollup.ByRoute, "care-worker"));
        Assert.Equal(1, Count(city, 5, "hired", PipelineRollup.ByProgramme, programme.ToString()));
        Assert.Equal(1, Count(city, 2, "hired", PipelineRollup.ByProgramme, PipelineRollup.NoneCategory));

        Assert.Equal(1, Count(harehills, 2, PipelineRollup.DaysToHire, InsightFigure.ByDays, "19"));
        Assert.Equal(1, Count(city, 1, PipelineRollup.VacanciesPosted));
        Assert.Equal(1, Count(city, 2, PipelineRollup.VacanciesPosted));
        Assert.Equal(1, Count(harehills, 2, PipelineRollup.VacanciesFilled));
        Assert.Equal(1, Count(harehills, 2, PipelineRollup.DaysToFill, InsightFigure.ByDays, "31"));
        Assert.Equal(0, Count(harehills, 1, PipelineRollup.VacanciesPosted, PipelineRollup.ByFairWork, FairWork.RealLivingWage));
        Assert.Equal(1, Count(kirkstall, 2, PipelineRollup.VacanciesPosted, PipelineRollup.ByFairWork, FairWork.RealLivingWage));
        Assert.Equal(1, Count(city, 1, PipelineRollup.VacanciesPosted, PipelineRollup.ByFairWork, FairWork.PaidWholeShift));

        // The workforce at each month's end: Priya is on Harehills' staff from 25 February.
        Assert.Equal(0, Count(city, 1, PipelineRollup.Workforce));
        Assert.Equal(1, Count(city, 2, PipelineRollup.Workforce));
        Assert.Equal(1, Count(harehills, 6, PipelineRollup.Workforce, EqualityQuestions.Ethnicity.Key, "black-african"));
        Assert.Equal(0, Count(kirkstall, 6, PipelineRollup.Workforce));

        int Cohort(Guid scope, string figure) => rows.GetValueOrDefault((scope, Month(3), figure, InsightFigure.ByCohort, cohort.ToString()));
        Assert.Equal([2, 1, 1, 1, 0], new[] { PipelineRollup.CohortStarted, PipelineRollup.CohortCompleted, PipelineRollup.CohortInterviewed, PipelineRollup.CohortHired, PipelineRollup.CohortInWork }.Select(f => Cohort(hub, f)));
        Assert.Equal(2, Cohort(city, PipelineRollup.CohortStarted));

        // The full run and a second one give the same rows, once each.
        await RunAsync(full: true);
        Assert.Equal(rows.OrderBy(r => r.Key).ToList(), (await RowsAsync()).OrderBy(r => r.Key).ToList());
        await RunAsync(full: false);
        Assert.Equal(rows.OrderBy(r => r.Key).ToList(), (await RowsAsync()).OrderBy(r => r.Key).ToList());
    }

    private async Task<(Guid Harehills, Guid Kirkstall, Guid Hub, Guid Programme, Guid Cohort)> FixtureAsync()
    {
        await using var db = database.CreateContext();
        var since = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var harehills = Organisation.Create("Harehills Home Care", OrganisationType.CareProvider, null, "LS8 3AA", since);
        var kirkstall = Organisation.Create("Kirkstall Care", OrganisationType.CareProvider, null, "LS5 3AA", since);
        var hub = Organisation.Create("Leeds Talent Hub", OrganisationType.Charity, null, "LS9 7TF", since);
        db.AddRange(harehills, kirkstall, hub);
        var recruiter = Person(db, Utc(1, 2));
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = recruiter, RoleId = "role-recruiter" });
        var priya = Person(db, Utc(1, 5));
        var tom = Person(db, Utc(1, 10));
        var sam = Person(db, Utc(2, 1));
        var jo = Person(db, Utc(3, 1));

        Profile(db, priya, "LS9 7TF");
        Profile(db, tom, "LS6 1AA");
        db.Add(SavedPlan.Create(priya, "new-to-care", "care-worker", Utc(1, 6)));
        var answers = EqualityAnswers.For(priya);
        answers.Change(new Dictionary<string, string?> { ["ethnicity"] = "black-african" }, Utc(1, 6));
        db.Add(answers);

        var homeCare = Published(harehills.Id, 12.60m, Utc(1, 20));
        var kirkstallJob = Published(kirkstall.Id, 13.50m, Utc(2, 25));
        db.AddRange(homeCare, kirkstallJob);
        var hired = Application.Submit(homeCare.Id, priya, null, Utc(2, 1));
        hired.MoveTo(ApplicationStatus.Shortlisted, recruiter, Utc(2, 5));
        hired.MoveTo(ApplicationStatus.Interview, recruiter, Utc(2, 10));
        hired.MoveTo(ApplicationStatus.Offer, recruiter, Utc(2, 15));
        hired.MoveTo(ApplicationStatus.Hired, recruiter, Utc(2, 20));
        var rejected = Application.Submit(homeCare.Id, tom, null, Utc(2, 3));
        rejected.MoveTo(ApplicationStatus.Shortlisted, recruiter, Utc(2, 4));
        rejected.MoveTo(ApplicationStatus.Interview, recruiter, Utc(2, 12));
        rejected.MoveTo(ApplicationStatus.Rejected, recruiter, Utc(2, 13));
        db.AddRange(hired, rejected, Application.Submit(kirkstallJob.Id, tom, null, Utc(3, 1)));
        db.Add(Membership.Start(harehills.Id, priya, MembershipRole.Staff, Utc(2, 25), "care-worker"));

        db.Add(NavigationCase.Start(hub.Id, sam, true, "A job near home", ContactPreference.Email, null, null, Utc(2, 5)));
        var programme = Programme.Create(hub.Id, "Six weeks to care", null, since);
        var cohort = Cohort.Create(programme.Id, new CohortDetails(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 10), 20, "Compton Centre", false, null, null), since);
        db.AddRange(programme, cohort);
        var samOn = Enrolment.Start(cohort.Id, sam, sam, Utc(2, 20));
        samOn.Complete(Utc(4, 10));
        db.AddRange(samOn, Enrolment.Start(cohort.Id, jo, jo, Utc(3, 1)));
        db.Add(HubOutcome.Record(sam, hub.Id, cohort.Id, OutcomeKind.Interview, "St James's", new DateOnly(2026, 4, 20), "navigator", Utc(4, 20)));
        db.Add(HubOutcome.Record(sam, hub.Id, cohort.Id, OutcomeKind.StartedWork, "St James's", new DateOnly(2026, 5, 1), "navigator", Utc(5, 1)));
        await db.SaveChangesAsync();
        return (harehills.Id, kirkstall.Id, hub.Id, programme.Id, cohort.Id);
    }

    private Task<int> RunAsync(bool full) => InsightRows.RollupAsync(database, _time, full);

    private async Task<Dictionary<(Guid Scope, DateOnly Month, string Figure, string Dimension, string Category), int>> RowsAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Set<InsightFigure>().AsNoTracking().ToListAsync())
            .ToDictionary(f => (f.OrganisationId, f.Month, f.Figure, f.Dimension, f.Category), f => f.Count);
    }

    private static Vacancy Published(Guid organisation, decimal pay, DateTime at)
    {
        var vacancy = Vacancy.Draft(organisation, new VacancyDetails
        {
            CareerRole = "care-worker",
            Title = "Care worker",
            DescriptionMarkdown = "Visit people at home across the area.",
            Location = Postcodes.Locate("LS8").Location!,
            HourlyPay = pay,
            HoursPerWeek = 30,
            Days = WorkDays.Weekdays,
            Shifts = ShiftTimes.Early,
            PayBasis = PayBasis.WholeShift,
            GuaranteedHours = true,
            PaidTravelTime = false,
            PaidTraining = true,
            DrivingLicenceRequired = false,
            ClosingDate = new DateOnly(2026, 12, 31),
        }, at);
        vacancy.Publish(at, new MinimumWage([new MinimumWageRates(new DateOnly(2000, 1, 1), 0.01m, 0.01m, 0.01m, 0.01m)]));
        return vacancy;
    }

    private static void Profile(PortalDbContext db, string userId, string postcode)
    {
        var profile = CandidateProfile.For(userId);
        profile.Update(new CandidateDetails { Location = Postcodes.Locate(postcode).Location }, Utc(1, 6));
        db.Add(profile);
    }

    private static string Person(PortalDbContext db, DateTime created) => InsightRows.Person(db, created);
}

public sealed class SqlitePipelineRollupTests(SqliteTestDatabase database) : PipelineRollupTests<SqliteTestDatabase>(database);

public sealed class PostgresPipelineRollupTests(PostgresTestDatabase database) : PipelineRollupTests<PostgresTestDatabase>(database);
