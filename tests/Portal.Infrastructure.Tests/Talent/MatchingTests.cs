using Microsoft.EntityFrameworkCore;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>
/// Stored matches: both sides, consent, dismissals, incremental rematches, kill and rerun, the
/// weekly email. A database of its own, so no other test's vacancies crowd the lists.
/// </summary>
public abstract class MatchingTests<TDatabase>(TDatabase database) : TalentTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly string[] TwoModules = ["communication", "safeguarding-adults"];

    private async Task<string> CandidateAsync(string district, bool findable = true, bool emailMatches = false, decimal? asks = null, string? completed = null)
    {
        var user = await NewUserAsync();
        await using var scope = Services();
        await scope.Get<ProfileService>().SaveAsync(user, new CandidateDetails
        {
            Location = Postcodes.Locate(district).Location,
            Days = WorkDays.Weekdays,
            Shifts = ShiftTimes.Early | ShiftTimes.Late,
            MinimumHourlyPay = asks,
            LetEmployersFindMe = findable,
            EmailMeMatches = emailMatches,
        });
        if (completed is not null)
        {
            var db = scope.Get<Portal.Infrastructure.Data.PortalDbContext>();
            var at = Time.GetUtcNow().UtcDateTime.AddDays(-30);
            var progress = ModuleProgress.Start(user, completed, "v1", at.AddMinutes(-10));
            progress.MarkPassed(at);
            db.Add(progress);
            db.Add(Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), Guid.NewGuid().ToString("N")[..24], at));
            await db.SaveChangesAsync();
        }
        return user;
    }

    private async Task<MatchRunSummary> RunMatchingAsync(Action<MatchRunner>? configure = null)
    {
        await using var scope = Services();
        var runner = scope.Get<MatchRunner>();
        configure?.Invoke(runner);
        return await runner.RunAllAsync(CancellationToken.None);
    }

    private async Task<IReadOnlyList<MatchService.RoleThatFits>> RolesAsync(string user)
    {
        await using var scope = Services();
        return await scope.Get<MatchService>().RolesForAsync(user);
    }

    private async Task<IReadOnlyList<MatchService.PersonWhoFits>?> PeopleAsync(string recruiter, Guid vacancy)
    {
        await using var scope = Services();
        return await scope.Get<MatchService>().PeopleForAsync(recruiter, vacancy);
    }

    /// <summary>Every stored match and packed person, without the time it was computed, in a fixed order.</summary>
    private async Task<List<string>> StoredMatchesAsync()
    {
        await using var scope = Services();
        var db = scope.Get<Portal.Infrastructure.Data.PortalDbContext>();
        var matches = await db.Set<JobMatch>().AsNoTracking().ToListAsync();
        var people = await db.Set<MatchPerson>().AsNoTracking().ToListAsync();
        return
        [
            .. matches.Select(m => $"{m.UserId} {m.VacancyId} {m.Score:R} {m.ForPerson} {m.ForVacancy} {string.Join("; ", m.Reasons(MatchSide.Person))}"),
            .. people.Select(p => $"{p.UserId} {p.ModulesHeld} {p.RolesWanted} {p.Findable} {p.Cutoff:R}"),
        ];
    }

    [Fact]
    public async Task MatchesAreStoredWithReasonsForBothSidesAndOnlyPeopleWhoConsentedReachRecruiters()
    {
        var (organisation, recruiter) = await NewOrganisationWithRecruiterAsync("Kirkstall Care");
        var (_, otherRecruiter) = await NewOrganisationWithRecruiterAsync("Otley Care");
        var vacancy = await PublishedAsync(organisation, recruiter, Details("Home care worker, Garforth", district: "LS25") with { RequiredModules = TwoModules });
        var findable = await CandidateAsync("LS25", asks: 12.00m, completed: "safeguarding-adults");
        var privatePerson = await CandidateAsync("LS25", findable: false);

        var summary = await RunMatchingAsync();
        Assert.True(summary.People >= 2 && summary.Vacancies >= 1, $"{summary}");

        var role = Assert.Single(await RolesAsync(findable), r => r.VacancyId == vacancy);
        Assert.Equal("Kirkstall Care", role.OrganisationName);
        Assert.Equal(["in your area", "you hold 1 of 2 required modules", "the shift pattern fits", "it pays £13.50 an hour, at least the £12.00 you asked"], role.Reasons);
        // Seeing roles that fit is for the person alone, consent or not.
        Assert.Contains(await RolesAsync(privatePerson), r => r.VacancyId == vacancy);

        var people = await PeopleAsync(recruiter, vacancy);
        var person = Assert.Single(people!, p => p.UserId == findable);
        Assert.Equal(["lives in the area", "holds 1 of 2 required modules", "free on all of its days", "asks £12.00 an hour, which the job pays"], person.Reasons);
        Assert.DoesNotContain(people!, p => p.UserId == privatePerson);
        Assert.Null(await PeopleAsync(otherRecruiter, vacancy));

        // Consent is read when the recruiter looks, not when the run happened.
        await using (var scope = Services())
        {
            await scope.Get<ProfileService>().SaveAsync(findable, new CandidateDetails
            {
                Location = Postcodes.Locate("LS25").Location, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, LetEmployersFindMe = false,
            });
        }
        Assert.DoesNotContain((await PeopleAsync(recruiter, vacancy))!, p => p.UserId == findable);
    }

    [Fact]
    public async Task DismissedMatchesStayDismissedThroughEveryRecompute()
    {
        var (organisation, recruiter) = await NewOrganisationWithRecruiterAsync("Bramley Care");
        var (_, otherRecruiter) = await NewOrganisationWithRecruiterAsync("Pudsey Care");
        var vacancy = await PublishedAsync(organisation, recruiter, Details("Care worker, Bramley", district: "LS13"));
        var person = await CandidateAsync("LS13");
        await RunMatchingAsync();
        Assert.Contains(await RolesAsync(person), r => r.VacancyId == vacancy);

        await using (var scope = Services())
        {
            var matches = scope.Get<MatchService>();
            Assert.True((await matches.DismissForPersonAsync(person, vacancy)).IsDone);
            Assert.True((await matches.DismissForPersonAsync(person, vacancy)).IsDone);
            Assert.Equal(Outcome.NotFound, (await matches.DismissForPersonAsync(person, Guid.NewGuid())).Outcome);
            Assert.Equal(Outcome.NotFound, (await matches.DismissForVacancyAsync(otherRecruiter, vacancy, person)).Outcome);
            Assert.True((await matches.DismissForVacancyAsync(recruiter, vacancy, person)).IsDone);
            Assert.Equal(1, await matches.DismissedByPersonAsync(person));
        }
        Assert.DoesNotContain(await RolesAsync(person), r => r.VacancyId == vacancy);
        Assert.DoesNotContain((await PeopleAsync(recruiter, vacancy))!, p => p.UserId == person);

        await RunMatchingAsync();
        await using (var scope = Services())
        {
            await scope.Get<MatchRunner>().ForPersonAsync(person, CancellationToken.None);
            await scope.Get<MatchRunner>().ForVacancyAsync(vacancy, CancellationToken.None);
        }
        Assert.DoesNotContain(await RolesAsync(person), r => r.VacancyId == vacancy);
        Assert.DoesNotContain((await PeopleAsync(recruiter, vacancy))!, p => p.UserId == person);

        // "Show them again" brings the person's side back; the recruiter's choice stands.
        await using (var scope = Services())
        {
            Assert.Equal(1, (await scope.Get<MatchService>().RestoreForPersonAsync(person)).Value);
            await scope.Get<MatchRunner>().ForPersonAsync(person, CancellationToken.None);
        }
        Assert.Contains(await RolesAsync(person), r => r.VacancyId == vacancy);
        Assert.DoesNotContain((await PeopleAsync(recruiter, vacancy))!, p => p.UserId == person);
    }

    [Fact]
    public async Task ARematchFollowsAChangedPersonANewVacancyAndAClosedOne()
    {
        var (organisation, recruiter) = await NewOrganisationWithRecruiterAsync("Wharfedale Care");
        var first = await PublishedAsync(organisation, recruiter, Details("Care worker, Morley", district: "LS27"));
        var person = await CandidateAsync("LS27");
        await RunMatchingAsync();
        Assert.Equal("in your area", Assert.Single(await RolesAsync(person), r => r.VacancyId == first).Reasons[0]);

        // They move to Ilkley: the same job is now miles away.
        await using (var scope = Services())
        {
            await scope.Get<ProfileService>().SaveAsync(person, new CandidateDetails
            {
                Location = Postcodes.Locate("LS29").Location, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, LetEmployersFindMe = true,
            });
            await scope.Get<MatchRunner>().ForPersonAsync(person, CancellationToken.None);
        }
        var moved = Assert.Single(await RolesAsync(person), r => r.VacancyId == first);
        Assert.EndsWith("miles away", moved.Reasons[0], StringComparison.Ordinal);

        // A new vacancy in Ilkley reaches them, and them it, with no full run, and ranks above the far one.
        var second = await PublishedAsync(organisation, recruiter, Details("Care worker, Ilkley", district: "LS29"));
        await using (var scope = Services())
            Assert.True(await scope.Get<MatchRunner>().ForVacancyAsync(second, CancellationToken.None) > 0);
        var roles = (await RolesAsync(person)).Select(r => r.VacancyId).ToList();
        Assert.InRange(roles.IndexOf(second), 0, roles.IndexOf(first) - 1);
        Assert.Contains((await PeopleAsync(recruiter, second))!, p => p.UserId == person);

        // Closed: gone from both sides.
        await using (var scope = Services())
        {
            Assert.True((await scope.Get<VacancyService>().ChangeAsync(recruiter, second, (v, now) => v.Close(now))).IsDone);
            Assert.Equal(0, await scope.Get<MatchRunner>().ForVacancyAsync(second, CancellationToken.None));
        }
        Assert.DoesNotContain(await RolesAsync(person), r => r.VacancyId == second);
        Assert.Empty((await PeopleAsync(recruiter, second))!);
    }

    [Fact]
    public async Task AFullRunIsDeterministicAndARunKilledPartWayFinishesTheSameWhenRunAgain()
    {
        var (organisation, recruiter) = await NewOrganisationWithRecruiterAsync("Armley Care");
        foreach (var district in new[] { "LS12", "LS13", "LS6" })
            await PublishedAsync(organisation, recruiter, Details($"Care worker, {district}", district: district) with { RequiredModules = TwoModules });
        foreach (var district in new[] { "LS12", "LS12", "LS13", "LS6", "LS22" })
            await CandidateAsync(district, completed: "communication");

        await RunMatchingAsync();
        var expected = await StoredMatchesAsync();
        await RunMatchingAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await StoredMatchesAsync()).Order(StringComparer.Ordinal));

        // Killed after its second batch of one person: the rerun leaves exactly what a clean run does.
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunMatchingAsync(runner =>
        {
            runner.BatchSize = 1;
            runner.AfterBatch = batch => batch == 2 ? throw new InvalidOperationException("killed") : Task.CompletedTask;
        }));
        await RunMatchingAsync(runner => runner.BatchSize = 2);
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await StoredMatchesAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheWeeklyEmailSendsNewMatchesOnceAndNeverTheSameMatchTwice()
    {
        var (organisation, recruiter) = await NewOrganisationWithRecruiterAsync("Horsforth Care");
        var first = await PublishedAsync(organisation, recruiter, Details("Care worker, Horsforth", district: "LS18"));
        var person = await CandidateAsync("LS18", emailMatches: true);
        var neighbour = await CandidateAsync("LS18", emailMatches: true);
        var quiet = await CandidateAsync("LS18");
        await RunMatchingAsync();

        async Task<List<string>> MailToAsync(string user)
        {
            await using var scope = Services();
            var db = scope.Get<Portal.Infrastructure.Data.PortalDbContext>();
            var email = (await db.Users.SingleAsync(u => u.Id == user)).Email;
            return await db.OutboxMessages.Where(m => m.To == email).OrderBy(m => m.Id).Select(m => m.TextBody).ToListAsync();
        }

        async Task EmailRunsAsync(int times, Action<MatchEmailJob>? configure = null)
        {
            for (var i = 0; i < times; i++)
            {
                await using var scope = Services();
                var job = scope.Get<MatchEmailJob>();
                configure?.Invoke(job);
                await job.RunAsync(CancellationToken.None);
            }
        }

        // Killed after its first person: the rerun sends the rest, and nobody twice.
        await Assert.ThrowsAsync<InvalidOperationException>(() => EmailRunsAsync(1, job =>
        {
            job.BatchSize = 1;
            job.AfterBatch = _ => throw new InvalidOperationException("killed");
        }));
        await EmailRunsAsync(2);
        Assert.Single(await MailToAsync(neighbour));
        var sent = Assert.Single(await MailToAsync(person));
        Assert.Contains("Care worker, Horsforth, Horsforth Care (LS18)", sent, StringComparison.Ordinal);
        Assert.Contains("in your area; no training is required before starting; the shift pattern fits", sent, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example/jobs/{first}", sent, StringComparison.Ordinal);
        Assert.Empty(await MailToAsync(quiet));

        // A week on, with a new vacancy: one email with only the new match.
        Time.Advance(TimeSpan.FromDays(7));
        var second = await PublishedAsync(organisation, recruiter, Details("Senior care worker, Horsforth", district: "LS18"));
        await using (var scope = Services())
            await scope.Get<MatchRunner>().ForVacancyAsync(second, CancellationToken.None);
        await Task.WhenAll(EmailRunsAsync(1), EmailRunsAsync(1));
        var mail = await MailToAsync(person);
        Assert.Equal(2, mail.Count);
        Assert.Contains("Senior care worker, Horsforth", mail[1], StringComparison.Ordinal);
        Assert.DoesNotContain($"/jobs/{first}", mail[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnePersonWhoseEmailCannotBeBuiltDoesNotStopTheOthersAndGetsTheirMatchesOnTheNextRun()
    {
        var (organisation, recruiter) = await NewOrganisationWithRecruiterAsync("Seacroft Care");
        var vacancy = await PublishedAsync(organisation, recruiter, Details("Care worker, Seacroft", district: "LS14"));
        var people = new List<string>();
        for (var i = 0; i < 3; i++)
            people.Add(await CandidateAsync("LS14", emailMatches: true));
        await RunMatchingAsync();
        // The middle one of the three in the order the run reads people, all in one batch; a bad
        // import or a hand edit left their confirmed account without an address.
        people.Sort(StringComparer.Ordinal);
        string poisonedEmail;
        await using (var scope = Services())
        {
            var db = scope.Get<Portal.Infrastructure.Data.PortalDbContext>();
            poisonedEmail = (await db.Users.SingleAsync(u => u.Id == people[1])).Email!;
            await db.Users.Where(u => u.Id == people[1]).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, ""));
        }

        async Task<int> MailCountAsync(string user)
        {
            await using var scope = Services();
            var db = scope.Get<Portal.Infrastructure.Data.PortalDbContext>();
            var email = user == people[1] ? poisonedEmail : (await db.Users.SingleAsync(u => u.Id == user)).Email;
            return await db.OutboxMessages.CountAsync(m => m.To == email && m.TextBody.Contains(vacancy.ToString()));
        }

        await using (var scope = Services())
            Assert.Equal(1, (await scope.Get<MatchEmailJob>().RunAsync(CancellationToken.None)).Failed);

        async Task<List<int>> MailCountsAsync() => [await MailCountAsync(people[0]), await MailCountAsync(people[1]), await MailCountAsync(people[2])];

        Assert.Equal([1, 0, 1], await MailCountsAsync());
        await using (var scope = Services())
            Assert.False(await scope.Get<Portal.Infrastructure.Data.PortalDbContext>().Set<MatchEmailed>().AnyAsync(e => e.UserId == people[1]));

        await using (var scope = Services())
        {
            var db = scope.Get<Portal.Infrastructure.Data.PortalDbContext>();
            await db.Users.Where(u => u.Id == people[1]).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, poisonedEmail));
            Assert.Equal(new BatchJobSummary(1, 0), await scope.Get<MatchEmailJob>().RunAsync(CancellationToken.None));
        }
        Assert.Equal([1, 1, 1], await MailCountsAsync());
    }
}

public sealed class SqliteMatchingTests(SqliteTestDatabase database) : MatchingTests<SqliteTestDatabase>(database);

public sealed class PostgresMatchingTests(PostgresTestDatabase database) : MatchingTests<PostgresTestDatabase>(database);
