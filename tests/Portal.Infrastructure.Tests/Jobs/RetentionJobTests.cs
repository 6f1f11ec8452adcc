using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Audit;
using Portal.Domain.Notifications;
using Portal.Domain.Privacy;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Tests.Accounts;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Jobs;

/// <summary>The retention schedule, rule by rule, against a real database: what is past its period goes, and nothing else.</summary>
public abstract class RetentionJobTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 3, 45, 0, TimeSpan.Zero));

    private readonly RetentionOptions _options = new() { UnconfirmedAccountDays = 7, ApplicationMonthsAfterClosing = 6, MailMonths = 12, AuditMonths = 12, KeptEvidenceMonths = 36 };

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task AnUnconfirmedAccountGoesAfterItsDaysWithEverythingKeyedToIt()
    {
        Person old, recent, confirmed;
        await using (var db = database.CreateContext())
        {
            var employer = await EveryArea.EmployerAsync(db, Now);
            old = await EveryArea.PersonAsync(db, employer, Now.AddDays(-8));
            recent = await EveryArea.PersonAsync(db, employer, Now.AddDays(-6));
            confirmed = await EveryArea.PersonAsync(db, employer, Now.AddDays(-30));
            await db.Users.Where(u => u.Id == old.Id || u.Id == recent.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false));
        }

        await RunAsync();

        await using var check = database.CreateContext();
        Assert.Null(await check.Users.FindAsync(old.Id));
        Assert.False(await check.Set<JobMatch>().AnyAsync(m => m.UserId == old.Id));
        Assert.False(await check.Set<CandidateProfile>().AnyAsync(p => p.UserId == old.Id));
        Assert.NotNull(await check.Users.FindAsync(recent.Id));
        Assert.NotNull(await check.Users.FindAsync(confirmed.Id));
    }

    [Fact]
    public async Task ApplicationsGoTheirMonthsAfterTheVacancyClosedWithTheirHistory()
    {
        Guid oldApplication, recentApplication;
        await using (var db = database.CreateContext())
        {
            var employer = await EveryArea.EmployerAsync(db, Now);
            var person = await EveryArea.PersonAsync(db, employer, Now);
            var closedLongAgo = Vacancy(employer.OrganisationId, DateOnly.FromDateTime(Now).AddMonths(-6).AddDays(-1));
            var closedLately = Vacancy(employer.OrganisationId, DateOnly.FromDateTime(Now).AddMonths(-6).AddDays(1));
            db.AddRange(closedLongAgo, closedLately);
            var a = Application.Submit(closedLongAgo.Id, person.Id, null, Now.AddMonths(-8));
            var b = Application.Submit(closedLately.Id, person.Id, null, Now.AddMonths(-8));
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            (oldApplication, recentApplication) = (a.Id, b.Id);
        }

        await RunAsync();

        await using var check = database.CreateContext();
        Assert.False(await check.Set<Application>().AnyAsync(a => a.Id == oldApplication));
        Assert.False(await check.Set<ApplicationEvent>().AnyAsync(e => e.ApplicationId == oldApplication));
        Assert.True(await check.Set<Application>().AnyAsync(a => a.Id == recentApplication));
        Assert.True(await check.Set<ApplicationEvent>().AnyAsync(e => e.ApplicationId == recentApplication));
    }

    [Fact]
    public async Task ASentMessageKeepsNoBody()
    {
        long id;
        await using (var db = database.CreateContext())
        {
            var message = OutboxMessage.Create(new OutgoingMail("sam@example.com", "Reset your password", "https://portal.example/reset?code=abc", "<p>abc</p>"), Now.AddDays(-1));
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
            // As a row sent before bodies were cleared on sending would be.
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentUtc, Now.AddDays(-1)));
        }

        await RunAsync();

        await using var check = database.CreateContext();
        var row = await check.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Equal(("", (string?)null, "Reset your password"), (row.TextBody, row.HtmlBody, row.Subject));
    }

    [Fact]
    public async Task SentMailGoesAfterItsMonthsButMailStillToSendOrNeedingAttentionStays()
    {
        long old, recent, oldPending;
        await using (var db = database.CreateContext())
        {
            var oldSent = OutboxMessage.Create(new OutgoingMail("sam@example.com", "Old", "x"), Now.AddMonths(-12).AddDays(-1));
            oldSent.MarkSent(Now.AddMonths(-12).AddDays(-1));
            var recentSent = OutboxMessage.Create(new OutgoingMail("sam@example.com", "Recent", "x"), Now.AddMonths(-12).AddDays(1));
            recentSent.MarkSent(Now.AddMonths(-12).AddDays(1));
            var pending = OutboxMessage.Create(new OutgoingMail("sam@example.com", "Stuck", "x"), Now.AddMonths(-13));
            db.OutboxMessages.AddRange(oldSent, recentSent, pending);
            await db.SaveChangesAsync();
            (old, recent, oldPending) = (oldSent.Id, recentSent.Id, pending.Id);
        }

        await RunAsync();

        await using var check = database.CreateContext();
        Assert.Equal([recent, oldPending], await check.OutboxMessages.Where(m => m.Id == old || m.Id == recent || m.Id == oldPending).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
    }

    [Fact]
    public async Task AuditEventsGoAfterTheirMonths()
    {
        var subject = Guid.NewGuid().ToString("N");
        await using (var db = database.CreateContext())
        {
            db.AuditEvents.AddRange(
                AuditEvent.Record(AuditAction.SignInFailed, null, AuditSubject.Account, subject, Now.AddMonths(-12).AddMinutes(-1), details: "old"),
                AuditEvent.Record(AuditAction.SignInFailed, null, AuditSubject.Account, subject, Now.AddMonths(-12).AddMinutes(1), details: "recent"));
            await db.SaveChangesAsync();
        }

        await RunAsync();

        await using var check = database.CreateContext();
        Assert.Equal(["recent"], await check.AuditEvents.Where(e => e.SubjectId == subject).Select(e => e.Details).ToListAsync());
    }

    [Fact]
    public async Task OfflineSyncAnswersGoAfterTheirDays()
    {
        string person;
        await using (var db = database.CreateContext())
        {
            var employer = await EveryArea.EmployerAsync(db, Now.AddDays(-200));
            // Its offline sync answer is from the day it was made, 200 days ago.
            person = (await EveryArea.PersonAsync(db, employer, Now.AddDays(-200))).Id;
            db.Add(Portal.Domain.Training.Offline.OfflineReceipt.For(Guid.NewGuid(), person, "fire-safety", Portal.Domain.Training.Offline.OfflineItemKind.Lesson,
                Portal.Domain.Training.Offline.OfflineOutcome.Recorded, "recent", null, Now.AddDays(-89)));
            await db.SaveChangesAsync();
        }

        var summary = await RunAsync();

        await using var check = database.CreateContext();
        Assert.Equal(["recent"], await check.Set<Portal.Domain.Training.Offline.OfflineReceipt>().Where(r => r.UserId == person).Select(r => r.Message).ToListAsync());
        Assert.True(summary.OfflineReceipts >= 1);
    }

    [Fact]
    public async Task KeptEvidenceGoesOnItsDate()
    {
        var runAt = Now;
        Guid organisation;
        Person due, notYet;
        await using (var db = database.CreateContext())
        {
            var employer = await EveryArea.EmployerAsync(db, runAt.AddMonths(-40));
            organisation = employer.OrganisationId;
            due = await EveryArea.PersonAsync(db, employer, runAt.AddMonths(-40));
            notYet = await EveryArea.PersonAsync(db, employer, runAt.AddMonths(-40));
        }

        // Erased 36 months and a day before the run, and 36 months less a day before it.
        await using (var db = database.CreateContext())
            Assert.True((await Erasure(db, new FakeTimeProvider(new DateTimeOffset(runAt.AddMonths(-36).AddDays(-1)))).EraseAsync(due.Id)).IsDone);
        await using (var db = database.CreateContext())
            Assert.True((await Erasure(db, new FakeTimeProvider(new DateTimeOffset(runAt.AddMonths(-36).AddDays(1)))).EraseAsync(notYet.Id)).IsDone);

        await RunAsync();

        await using var check = database.CreateContext();
        var kept = await check.Set<KeptEvidence>().Where(e => e.OrganisationId == organisation).ToListAsync();
        Assert.NotEmpty(kept);
        Assert.Single(kept.Select(e => e.Pseudonym).Distinct());
        Assert.All(kept, e => Assert.Equal(runAt.AddDays(1), e.KeepUntilUtc));
    }

    [Fact]
    public async Task RunningTwiceRemovesNothingMore()
    {
        await using (var db = database.CreateContext())
        {
            var employer = await EveryArea.EmployerAsync(db, Now);
            var person = await EveryArea.PersonAsync(db, employer, Now.AddDays(-30));
            await db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false));
            db.AuditEvents.Add(AuditEvent.Record(AuditAction.SignInFailed, null, AuditSubject.Account, "x", Now.AddYears(-2)));
            await db.SaveChangesAsync();
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.UnconfirmedAccounts >= 1 && first.AuditEvents >= 1, first.ToString());
        Assert.Equal(new RetentionSummary(0, 0, 0, 0, 0, 0), second);
    }

    [Fact]
    public async Task AFinishedMatchRunGoesAfterItsDaysWithItsWorkingRowsButTheLatestCompletedRunStays()
    {
        // Sharding was switched off three weeks ago: the last completed run is old, and stays.
        var longAgo = await MatchRunAsync(MatchRunState.Completed, Now.AddDays(-40));
        var lastCompleted = await MatchRunAsync(MatchRunState.Completed, Now.AddDays(-20));
        var abandoned = await MatchRunAsync(MatchRunState.Abandoned, Now.AddDays(-_options.MatchRunDays).AddMinutes(-1));
        var lately = await MatchRunAsync(MatchRunState.Abandoned, Now.AddDays(-_options.MatchRunDays).AddMinutes(1));
        var unfinished = await MatchRunAsync(MatchRunState.Scoring, null);

        var summary = await RunAsync();

        await using var check = database.CreateContext();
        var left = await check.Set<MatchRun>().Select(r => r.Id).ToListAsync();
        Assert.Equal(2, summary.MatchRuns);
        Assert.DoesNotContain(longAgo, left);
        Assert.DoesNotContain(abandoned, left);
        Assert.Contains(lastCompleted, left);
        Assert.Contains(lately, left);
        Assert.Contains(unfinished, left);
        foreach (var (run, kept) in new[] { (longAgo, false), (abandoned, false), (lastCompleted, true), (lately, true), (unfinished, true) })
        {
            Assert.Equal(kept, await check.Set<MatchRunShard>().AnyAsync(s => s.RunId == run));
            Assert.Equal(kept, await check.Set<MatchRunCandidate>().AnyAsync(c => c.RunId == run));
            Assert.Equal(kept, await check.Set<MatchRunPlace>().AnyAsync(p => p.RunId == run));
            Assert.Equal(kept, await check.Set<MatchRunPerson>().AnyAsync(p => p.RunId == run));
        }
    }

    /// <summary>A run of one shard in a state, finished when given, with a working row of each kind (as an abandoned run leaves them).</summary>
    private async Task<Guid> MatchRunAsync(MatchRunState state, DateTime? finished)
    {
        await using var db = database.CreateContext();
        var run = MatchRun.Start(Guid.NewGuid(), "v1", 1, (finished ?? Now).AddHours(-1));
        db.Add(run);
        db.Add(MatchRunShard.Plan(run.Id, 0, ["LS6"], 1));
        db.Add(new MatchRunCandidate { RunId = run.Id, VacancyId = Guid.NewGuid(), UserId = "someone", Score = 50 });
        db.Add(new MatchRunPlace { RunId = run.Id, VacancyId = Guid.NewGuid(), UserId = "someone", ForPerson = true });
        db.Add(new MatchRunPerson { RunId = run.Id, UserId = "someone", Latitude = 53.82f, Longitude = -1.57f, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, Cutoff = -1 });
        await db.SaveChangesAsync();
        await db.Set<MatchRun>().Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state).SetProperty(r => r.FinishedAtUtc, finished));
        return run.Id;
    }

    private async Task<RetentionSummary> RunAsync()
    {
        await using var db = database.CreateContext();
        return await new RetentionJob(db, Erasure(db), Options.Create(_options), _time, NullLogger<RetentionJob>.Instance).RunAsync(CancellationToken.None);
    }

    private Erasure Erasure(PortalDbContext db, TimeProvider? clock = null) =>
        new(db, new AuditLog(db, new NoAuditActor(), clock ?? _time), new SessionService(db, clock ?? _time, new NoSessionCache()), clock ?? _time, Options.Create(_options));

    private static Vacancy Vacancy(Guid organisation, DateOnly closing) => Portal.Domain.Talent.Vacancy.Draft(organisation, new VacancyDetails
    {
        CareerRole = "care-worker",
        Title = "Night care worker",
        DescriptionMarkdown = "Nights.",
        Location = new VacancyLocation("LS5 3AA", "LS5", 53.82, -1.6),
        HourlyPay = 13.5m,
        HoursPerWeek = 30,
        Days = WorkDays.Weekdays,
        Shifts = ShiftTimes.Night,
        PayBasis = PayBasis.WholeShift,
        GuaranteedHours = true,
        PaidTravelTime = true,
        PaidTraining = true,
        DrivingLicenceRequired = false,
        ClosingDate = closing,
    }, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
}

public sealed class SqliteRetentionJobTests(SqliteTestDatabase database) : RetentionJobTests<SqliteTestDatabase>(database);

public sealed class PostgresRetentionJobTests(PostgresTestDatabase database) : RetentionJobTests<PostgresTestDatabase>(database);
