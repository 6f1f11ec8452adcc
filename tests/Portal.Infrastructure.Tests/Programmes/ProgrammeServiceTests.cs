using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure.Programmes;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Programmes;

/// <summary>Cohort places, outcomes counted once, a hire recording itself, and scoping, on real databases.</summary>
public abstract class ProgrammeServiceTests<TDatabase>(TDatabase database) : ProgrammeTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private async Task<Result> JoinAsync(string person, Guid cohort)
    {
        await using var scope = Services();
        return await scope.Get<CohortSignUp>().JoinAsync(person, cohort);
    }

    [Fact]
    public async Task PeopleAfterTheLastPlacesAtOnceNeverOverfillACohort()
    {
        var (_, _, cohort) = await CohortAsync(places: 3);
        var people = new List<string>();
        for (var i = 0; i < 8; i++)
            people.Add(await NewUserAsync());

        var results = await Task.WhenAll(people.Select(p => Task.Run(() => JoinAsync(p, cohort))));

        Assert.Equal(3, results.Count(r => r.IsDone));
        Assert.All(results.Where(r => !r.IsDone), r => Assert.Equal("Every place on this cohort is taken", r.Problem!.Message));
        Assert.Equal((3, 3), await WithDbAsync(async db => (
            await db.Set<Enrolment>().CountAsync(e => e.CohortId == cohort),
            (await db.Set<Cohort>().SingleAsync(c => c.Id == cohort)).Taken)));
    }

    [Fact]
    public async Task OnePersonJoiningTwiceAtOnceHoldsOnePlace()
    {
        var (_, _, cohort) = await CohortAsync(places: 5);
        var person = await NewUserAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => JoinAsync(person, cohort))));

        Assert.Single(results, r => r.IsDone);
        Assert.Equal((1, 1), await WithDbAsync(async db => (
            await db.Set<Enrolment>().CountAsync(e => e.CohortId == cohort),
            (await db.Set<Cohort>().SingleAsync(c => c.Id == cohort)).Taken)));
    }

    [Fact]
    public async Task ACohortThatHasStartedCannotBeJoinedByThePersonButTheNavigatorCanStillEnrolThem()
    {
        var (_, navigator, cohort) = await CohortAsync();
        var person = await NewUserAsync();
        Time.Advance(TimeSpan.FromDays(8));

        var self = await JoinAsync(person, cohort);
        Assert.Equal("This cohort has started; ask the hub about the next one", self.Problem!.Message);
        await using var scope = Services();
        Assert.True((await scope.Get<ProgrammeService>().EnrolAsync(navigator, cohort, await EmailOfAsync(person))).IsDone);
    }

    [Fact]
    public async Task AnOutcomeRecordedAgainOrTwiceAtOnceCountsOnce()
    {
        var (_, navigator, cohort) = await CohortAsync();
        var person = await NewUserAsync();
        long enrolment;
        await using (var scope = Services())
        {
            Assert.True((await scope.Get<ProgrammeService>().EnrolAsync(navigator, cohort, await EmailOfAsync(person))).IsDone);
            enrolment = await WithDbAsync(db => db.Set<Enrolment>().Where(e => e.UserId == person).Select(e => e.Id).SingleAsync());
        }

        async Task<Result> RecordAsync()
        {
            await using var scope = Services();
            return await scope.Get<ProgrammeService>().RecordOutcomeAsync(navigator, cohort, enrolment, OutcomeKind.Interview, "Leeds Teaching Hospitals", Today);
        }

        async Task<Result> CompleteAsync()
        {
            await using var scope = Services();
            return await scope.Get<ProgrammeService>().CompleteAsync(navigator, cohort, enrolment);
        }

        var interviews = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RecordAsync)));
        var completions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(CompleteAsync)));
        var again = await RecordAsync();

        Assert.Single(interviews, r => r.IsDone);
        Assert.All(completions, r => Assert.True(r.IsDone));
        Assert.Equal("That outcome is already recorded for them on this cohort; it counts once", again.Problem!.Message);
        Assert.Equal([OutcomeKind.ProgrammeCompleted, OutcomeKind.Interview], (await OutcomesOfAsync(person)).Select(o => o.Kind).Order());
    }

    [Fact]
    public async Task AHireOnThePortalRecordsStartedWorkOnceForSomeoneTheHubEnrolled()
    {
        var (hub, navigator, cohort) = await CohortAsync();
        var person = await NewUserAsync("Kyle Booth");
        var stranger = await NewUserAsync("Not Enrolled");
        var (employer, recruiter) = await OrganisationWithAsync("St James's Care", MembershipRole.Recruiter, OrganisationType.CareProvider);
        long enrolment;
        Guid vacancy;
        await using (var scope = Services())
        {
            Assert.True((await scope.Get<ProgrammeService>().EnrolAsync(navigator, cohort, await EmailOfAsync(person))).IsDone);
            enrolment = await WithDbAsync(db => db.Set<Enrolment>().Where(e => e.UserId == person).Select(e => e.Id).SingleAsync());
            var vacancies = scope.Get<VacancyService>();
            var postcodes = scope.Get<PostcodeDistricts>();
            vacancy = (await vacancies.CreateAsync(recruiter, employer, new VacancyDetails
            {
                CareerRole = "care-worker", Title = "Healthcare support worker", DescriptionMarkdown = "Wards at St James's.",
                Location = postcodes.Locate("LS9 7TF").Location!, HourlyPay = 13.50m, HoursPerWeek = 37.5m, Days = WorkDays.Weekdays,
                Shifts = ShiftTimes.Early, PayBasis = PayBasis.WholeShift, GuaranteedHours = true, PaidTravelTime = false, PaidTraining = true, DrivingLicenceRequired = false, ClosingDate = Today.AddDays(30),
            })).Value!.Id;
            Assert.True((await vacancies.ChangeAsync(recruiter, vacancy, (v, now) => v.Publish(now, new TalentOptions().LegalMinimumWage()))).IsDone);
        }

        foreach (var applicant in new[] { person, stranger })
        {
            await using var scope = Services();
            var applications = scope.Get<ApplicationService>();
            var application = (await applications.ApplyAsync(applicant, vacancy, null)).Value!.Id;
            foreach (var step in new[] { ApplicationStatus.Shortlisted, ApplicationStatus.Interview, ApplicationStatus.Offer, ApplicationStatus.Hired })
                Assert.True((await applications.MoveAsync(recruiter, application, step)).IsDone);
        }

        var started = Assert.Single(await OutcomesOfAsync(person));
        Assert.Equal((OutcomeKind.StartedWork, "St James's Care", hub, cohort, HubOutcome.RecordedByPortal), (started.Kind, started.Employer, started.OrganisationId, started.CohortId, started.RecordedBy));
        Assert.Empty(await OutcomesOfAsync(stranger));

        // The navigator, not knowing, records the same job: it still counts once.
        await using (var scope = Services())
            Assert.False((await scope.Get<ProgrammeService>().RecordOutcomeAsync(navigator, cohort, enrolment, OutcomeKind.StartedWork, "St James's", Today)).IsDone);
        Assert.Single(await OutcomesOfAsync(person));
    }

    [Fact]
    public async Task AnotherOrganisationsNavigatorFindsNoProgrammeCohortSessionEnrolmentOrCheckIn()
    {
        var (_, navigator, cohort) = await CohortAsync();
        var (_, outsider) = await OrganisationWithAsync("Seacroft Skills", MembershipRole.Navigator);
        var person = await NewUserAsync();
        long session, enrolment;
        Guid programme;
        await using (var scope = Services())
        {
            var programmes = scope.Get<ProgrammeService>();
            Assert.True((await programmes.AddSessionAsync(navigator, cohort, Today.AddDays(7), "Welcome and first aid")).IsDone);
            Assert.True((await programmes.EnrolAsync(navigator, cohort, await EmailOfAsync(person))).IsDone);
            (session, enrolment, programme) = await WithDbAsync(async db => (
                await db.Set<CohortSession>().Where(s => s.CohortId == cohort).Select(s => s.Id).SingleAsync(),
                await db.Set<Enrolment>().Where(e => e.CohortId == cohort).Select(e => e.Id).SingleAsync(),
                await db.Set<Cohort>().Where(c => c.Id == cohort).Select(c => c.ProgrammeId).SingleAsync()));
        }

        await using (var scope = Services())
        {
            var theirs = scope.Get<ProgrammeService>();
            Assert.Empty(await theirs.ListAsync(outsider));
            Assert.Null(await theirs.FindAsync(outsider, programme));
            Assert.Null(await theirs.CohortAsync(outsider, cohort));
            Assert.Equal(Outcome.NotFound, (await theirs.AddCohortAsync(outsider, programme, new CohortDetails(Today, Today, 1, null, true, null, null))).Outcome);
            Assert.Equal(Outcome.NotFound, (await theirs.AddSessionAsync(outsider, cohort, Today.AddDays(8), "Sneaky")).Outcome);
            Assert.Equal(Outcome.NotFound, (await theirs.EnrolAsync(outsider, cohort, await EmailOfAsync(outsider))).Outcome);
            Assert.Equal(Outcome.NotFound, (await theirs.RecordAttendanceAsync(outsider, session, [person])).Outcome);
            Assert.Equal(Outcome.NotFound, (await theirs.CompleteAsync(outsider, cohort, enrolment)).Outcome);
            Assert.Equal(Outcome.NotFound, (await theirs.RecordOutcomeAsync(outsider, cohort, enrolment, OutcomeKind.Offer, "Anywhere", Today)).Outcome);
        }

        Assert.Empty(await OutcomesOfAsync(person));
        Assert.Equal(0, await WithDbAsync(db => db.Set<Attendance>().CountAsync(a => a.SessionId == session)));
    }

    [Fact]
    public async Task AttendanceIsRecordedPerSessionAndChangedInPlace()
    {
        var (_, navigator, cohort) = await CohortAsync();
        var amira = await NewUserAsync("Amira Hussain");
        var tom = await NewUserAsync("Tom Pearson");
        await using var scope = Services();
        var programmes = scope.Get<ProgrammeService>();
        Assert.True((await programmes.AddSessionAsync(navigator, cohort, Today.AddDays(7), "Welcome")).IsDone);
        foreach (var person in new[] { amira, tom })
            Assert.True((await programmes.EnrolAsync(navigator, cohort, await EmailOfAsync(person))).IsDone);
        var session = (await programmes.CohortAsync(navigator, cohort))!.Sessions.Single().Id;

        Assert.True((await programmes.RecordAttendanceAsync(navigator, session, [amira, "someone-not-enrolled"])).IsDone);
        Assert.True((await programmes.RecordAttendanceAsync(navigator, session, [amira, tom])).IsDone);
        Assert.True((await programmes.RecordAttendanceAsync(navigator, session, [tom])).IsDone);

        var people = (await programmes.CohortAsync(navigator, cohort))!.People.ToDictionary(p => p.UserId);
        Assert.Empty(people[amira].Attended);
        Assert.Equal([session], people[tom].Attended);
        Assert.Equal(2, await WithDbAsync(db => db.Set<Attendance>().CountAsync(a => a.SessionId == session)));
    }
}

public sealed class SqliteProgrammeServiceTests(SqliteTestDatabase database) : ProgrammeServiceTests<SqliteTestDatabase>(database);

public sealed class PostgresProgrammeServiceTests(PostgresTestDatabase database) : ProgrammeServiceTests<PostgresTestDatabase>(database);
