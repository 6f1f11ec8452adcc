using Microsoft.EntityFrameworkCore;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Programmes;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Programmes;

/// <summary>13, 26 and 52-week check-ins: each asked once, by one run of any number at once, and answered once.</summary>
public abstract class CheckInJobTests<TDatabase>(TDatabase database) : ProgrammeTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private async Task RunAsync()
    {
        await using var scope = Services();
        await scope.Get<CheckInJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Someone the hub enrolled who started work on the given day (recorded by their navigator).</summary>
    private async Task<(string Person, string Navigator, Guid Hub)> StartedWorkAsync(DateOnly on)
    {
        var (hub, navigator, cohort) = await CohortAsync();
        var person = await NewUserAsync("Shannon Kelly");
        await using var scope = Services();
        var programmes = scope.Get<ProgrammeService>();
        Assert.True((await programmes.EnrolAsync(navigator, cohort, await EmailOfAsync(person))).IsDone);
        var enrolment = await WithDbAsync(db => db.Set<Enrolment>().Where(e => e.UserId == person).Select(e => e.Id).SingleAsync());
        Assert.True((await programmes.RecordOutcomeAsync(navigator, cohort, enrolment, OutcomeKind.StartedWork, "Leeds Teaching Hospitals", on)).IsDone);
        return (person, navigator, hub);
    }

    private Task<List<int>> AskedAsync(string person) =>
        WithDbAsync(db => db.Set<CheckIn>().Where(c => c.UserId == person).OrderBy(c => c.Weeks).Select(c => c.Weeks).ToListAsync());

    private async Task<List<string>> MailAsync(string person)
    {
        var email = await EmailOfAsync(person);
        return await WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync());
    }

    [Fact]
    public async Task EachCheckInIsAskedOnceOnItsDayByRunsAtOnce()
    {
        var (person, navigator, _) = await StartedWorkAsync(Today);

        Time.Advance(TimeSpan.FromDays(7 * 13 - 1));
        await RunAsync();
        Assert.Empty(await AskedAsync(person));

        Time.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(RunAsync)));
        await RunAsync();
        Assert.Equal([13], await AskedAsync(person));
        Assert.Equal(["13 weeks in work: are you still there?"], await MailAsync(person));

        Time.Advance(TimeSpan.FromDays(7 * 13));
        await Task.WhenAll(RunAsync(), RunAsync());
        Assert.Equal([13, 26], await AskedAsync(person));
        Assert.Equal(2, (await MailAsync(person)).Count);

        // Each is a task on the navigator's list until they follow it up.
        await using var scope = Services();
        var tasks = await scope.Get<ProgrammeService>().CheckInTasksAsync(navigator);
        Assert.Equal([13, 26], tasks.Select(t => t.Weeks).Order());
        Assert.All(tasks, t => Assert.Null(t.StillInWork));
    }

    [Fact]
    public async Task TheAnswerRecordsStillInWorkOnceAndSomeoneWhoLeftIsNotAskedAgain()
    {
        var (person, navigator, hub) = await StartedWorkAsync(Today);
        Time.Advance(TimeSpan.FromDays(7 * 13));
        await RunAsync();
        await using (var scope = Services())
        {
            var signUp = scope.Get<CohortSignUp>();
            var checkIn = Assert.Single(await signUp.CheckInsAsync(person));
            var stranger = await NewUserAsync();
            Assert.Equal(Outcome.NotFound, (await signUp.AnswerAsync(stranger, checkIn.Id, false)).Outcome);
            Assert.True((await signUp.AnswerAsync(person, checkIn.Id, true)).IsDone);
            Assert.True((await signUp.AnswerAsync(person, checkIn.Id, true)).IsDone);
            Assert.False((await signUp.AnswerAsync(person, checkIn.Id, false)).IsDone);
        }
        Assert.Single(await OutcomesOfAsync(person), o => o.Kind == OutcomeKind.StillInWork13Weeks && o.OrganisationId == hub);

        Time.Advance(TimeSpan.FromDays(7 * 13));
        await RunAsync();
        await using (var scope = Services())
        {
            var signUp = scope.Get<CohortSignUp>();
            var second = (await signUp.CheckInsAsync(person)).Single(c => c.Weeks == 26);
            Assert.True((await signUp.AnswerAsync(person, second.Id, false)).IsDone);
            var task = (await scope.Get<ProgrammeService>().CheckInTasksAsync(navigator)).Single(t => t.Weeks == 26);
            Assert.False(task.StillInWork);
            Assert.True((await scope.Get<ProgrammeService>().FollowedUpAsync(navigator, task.Id)).IsDone);
        }

        Time.Advance(TimeSpan.FromDays(7 * 26));
        await RunAsync();
        Assert.Equal([13, 26], await AskedAsync(person));
        Assert.Contains(await OutcomesOfAsync(person), o => o.Kind == OutcomeKind.LeftWork);
    }
}

public sealed class SqliteCheckInJobTests(SqliteTestDatabase database) : CheckInJobTests<SqliteTestDatabase>(database);

public sealed class PostgresCheckInJobTests(PostgresTestDatabase database) : CheckInJobTests<PostgresTestDatabase>(database);
