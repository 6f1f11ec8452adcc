using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Audit;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Email;

/// <summary>
/// What an admin sees of the outbox and does with dead letters, against a real database and a real
/// SMTP server: a retried message goes once, whole; a discarded one never; every action is on record.
/// </summary>
public abstract class MailAdminTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const int MaxAttempts = 3;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly Queued _queued = new();
    private string _adminId = "";

    private static MailOptions Smtp(int port) => new()
    {
        SmtpHost = "127.0.0.1",
        SmtpPort = port,
        SmtpSecurity = SmtpSecurity.None,
        FromAddress = "no-reply@portal.test",
        MaxAttempts = MaxAttempts,
    };

    private MailAdminService.Actor Admin => new(_adminId, "203.0.113.7");

    // Tests in a class share one database and run one after another: each starts with an empty outbox and log.
    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        await db.OutboxMessages.ExecuteDeleteAsync();
        await db.AuditEvents.ExecuteDeleteAsync();
        var admin = new PortalUser { UserName = $"admin.{Guid.NewGuid():N}@example.com", DisplayName = "Ada Admin", CreatedUtc = _time.GetUtcNow().UtcDateTime };
        admin.Email = admin.UserName;
        db.Users.Add(admin);
        await db.SaveChangesAsync();
        _adminId = admin.Id;
    }

    public Task DisposeAsync()
    {
        _queued.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ARetriedDeadLetterIsSentOnceAndWholeAndTheRetryIsOnRecord()
    {
        await using var sink = await SmtpSink.StartAsync();
        var id = await DeadLetteredByTheJobAsync(new OutgoingMail("sam@example.com", "Confirm your email", "Open https://portal.example/confirm?code=abc", "<p>Open the link</p>"));

        var result = await ServiceAsync(sink.Port, s => s.RetryAsync(Admin, [id]));

        Assert.Equal((true, 1), (result.IsDone, result.Value));
        // The delivery run is queued for when the retry commits, not left to the next recurring run.
        Assert.Contains("OutboxDeliveryJob.RunAsync(", Assert.Single(_queued.Jobs()), StringComparison.Ordinal);
        Assert.Equal(1, await RunJobAsync(Smtp(sink.Port)));
        Assert.Equal(0, await RunJobAsync(Smtp(sink.Port)));
        var arrived = Assert.Single(sink.Messages());
        Assert.Equal(("sam@example.com", "Confirm your email"), (arrived.To.Mailboxes.Single().Address, arrived.Subject));
        Assert.Contains("https://portal.example/confirm?code=abc", arrived.TextBody, StringComparison.Ordinal);
        Assert.Contains("Open the link", arrived.HtmlBody, StringComparison.Ordinal);

        await using var db = database.CreateContext();
        Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.SingleAsync(m => m.Id == id)).Status);
        var recorded = await db.AuditEvents.SingleAsync();
        Assert.Equal((AuditAction.MailRetried, _adminId, AuditSubject.OutboxMessage, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (recorded.Action, recorded.ActorUserId, recorded.SubjectKind, recorded.SubjectId));
        Assert.Equal((_time.GetUtcNow().UtcDateTime, "203.0.113.7", (Guid?)null), (DateTime.SpecifyKind(recorded.OccurredUtc, DateTimeKind.Utc), recorded.IpAddress, recorded.OrganisationId));
        Assert.Contains("550 5.1.1 mailbox unavailable", recorded.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryingSelectedDeadLettersPutsEachBackAndRecordsEach()
    {
        var first = await DeadLetterAsync(Mail("one"));
        var second = await DeadLetterAsync(Mail("two"));
        var untouched = await DeadLetterAsync(Mail("three"));

        var result = await ServiceAsync(s => s.RetryAsync(Admin, [first, second]));

        Assert.Equal(2, result.Value);
        await using var db = database.CreateContext();
        var rows = await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([OutboxStatus.Pending, OutboxStatus.Pending, OutboxStatus.DeadLettered], rows.Select(m => m.Status));
        Assert.Equal([0, 0, MaxAttempts], rows.Select(m => m.Attempts));
        Assert.Equal([first.ToString(System.Globalization.CultureInfo.InvariantCulture), second.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            (await db.AuditEvents.ToListAsync()).Select(e => e.SubjectId).Order());
        Assert.True(untouched > second);
    }

    [Fact]
    public async Task RetryingAMessageThatIsNotADeadLetterChangesNothingAndSaysWhy()
    {
        var pending = await EnqueueAsync(Mail("pending"));
        var dead = await DeadLetterAsync(Mail("dead"));
        var before = await SnapshotAsync();

        var alone = await ServiceAsync(s => s.RetryAsync(Admin, [pending]));
        var inASelection = await ServiceAsync(s => s.RetryAsync(Admin, [dead, pending]));

        Assert.Equal(Outcome.Invalid, alone.Outcome);
        Assert.Equal("The message to pending@example.com (Training reminder pending) is waiting to be sent, not a dead letter, so it was not retried. Nothing was changed.",
            alone.Problem!.Message);
        Assert.Equal(Outcome.Invalid, inASelection.Outcome);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(_queued.Jobs());
    }

    [Fact]
    public async Task RetryingAMessageAlreadySentChangesNothing()
    {
        await using var sink = await SmtpSink.StartAsync();
        var id = await DeadLetterAsync(Mail("once"));
        await ServiceAsync(s => s.RetryAsync(Admin, [id]));
        await RunJobAsync(Smtp(sink.Port));

        // A second admin, or the same one pressing Back and Retry again.
        var again = await ServiceAsync(s => s.RetryAsync(Admin, [id]));

        Assert.Equal(Outcome.Invalid, again.Outcome);
        Assert.Contains("has already been sent", again.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(0, await RunJobAsync(Smtp(sink.Port)));
        Assert.Single(sink.Messages());
    }

    [Fact]
    public async Task ARetryReadBeforeSomeoneElsesRetryWasSentCannotQueueItAgain()
    {
        await using var sink = await SmtpSink.StartAsync();
        var id = await DeadLetterAsync(Mail("race"));
        await using var slow = database.CreateContext();
        var staleCopy = await slow.OutboxMessages.SingleAsync(m => m.Id == id);

        // Meanwhile another admin retries it and a delivery run sends it...
        await ServiceAsync(s => s.RetryAsync(Admin, [id]));
        Assert.Equal(1, await RunJobAsync(Smtp(sink.Port)));

        // ...so the first admin's retry, still holding the dead letter it read, must not land.
        staleCopy.Requeue(_time.GetUtcNow().UtcDateTime);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => slow.SaveChangesAsync());
        Assert.Equal(0, await RunJobAsync(Smtp(sink.Port)));
        Assert.Single(sink.Messages());
    }

    [Fact]
    public async Task AnUnknownMessageIsNotFoundAndNothingChanges()
    {
        var dead = await DeadLetterAsync(Mail("dead"));
        var before = await SnapshotAsync();

        Assert.Equal(Outcome.NotFound, (await ServiceAsync(s => s.RetryAsync(Admin, [dead, dead + 1000]))).Outcome);
        Assert.Equal(Outcome.NotFound, (await ServiceAsync(s => s.DiscardAsync(Admin, [dead + 1000]))).Outcome);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task NothingTickedIsRefusedWithWhatToDo()
    {
        var result = await ServiceAsync(s => s.RetryAsync(Admin, []));

        Assert.Equal(("Ids", "Tick the messages to be retried first."), (result.Problem!.Field, result.Problem.Message));
    }

    [Fact]
    public async Task ADiscardedDeadLetterStaysOnRecordButIsNeverSentNorCountedAsADeadLetter()
    {
        await using var sink = await SmtpSink.StartAsync();
        var id = await DeadLetterAsync(Mail("gone") with { TextBody = "Reset: https://portal.example/reset?code=secret" });
        Assert.Equal(1, (await ServiceAsync(s => s.HealthAsync())).DeadLetters);

        var result = await ServiceAsync(s => s.DiscardAsync(Admin, [id]));

        Assert.True(result.IsDone);
        Assert.Empty(_queued.Jobs());
        Assert.Equal(0, await RunJobAsync(Smtp(sink.Port)));
        Assert.Empty(sink.Messages());
        Assert.Equal(0, (await ServiceAsync(s => s.HealthAsync())).DeadLetters);
        Assert.Empty((await ServiceAsync(s => s.OverviewAsync(new()))).DeadLetters);
        await using var db = database.CreateContext();
        var row = await db.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxStatus.Discarded, "gone@example.com", ""), (row.Status, row.To, row.TextBody));
        Assert.Equal(AuditAction.MailDiscarded, (await db.AuditEvents.SingleAsync()).Action);
        Assert.Equal(Outcome.Invalid, (await ServiceAsync(s => s.RetryAsync(Admin, [id]))).Outcome);
    }

    [Fact]
    public async Task ThePageSaysWhoRetriedOrDiscardedWhatAndWhereEachMessageStandsNow()
    {
        var retried = await DeadLetterAsync(Mail("retried"));
        var discarded = await DeadLetterAsync(Mail("discarded"));
        await ServiceAsync(s => s.RetryAsync(Admin, [retried]));
        _time.Advance(TimeSpan.FromMinutes(1));
        await ServiceAsync(s => s.DiscardAsync(Admin, [discarded]));
        // The retried one fails again, every time.
        for (var i = 0; i < MaxAttempts; i++)
        {
            await RunJobAsync(Smtp(1), new RejectingGateway("550 still no"));
            _time.Advance(TimeSpan.FromHours(3));
        }

        var overview = await ServiceAsync(s => s.OverviewAsync(new()));

        Assert.Equal(
            [(AuditAction.MailDiscarded, "Ada Admin", "discarded@example.com", OutboxStatus.Discarded), (AuditAction.MailRetried, "Ada Admin", "retried@example.com", OutboxStatus.DeadLettered)],
            overview.RecentActions.Select(a => (a.Action, a.ActorName, a.To, a.StatusNow!.Value)));
        var again = Assert.Single(overview.DeadLetters);
        Assert.Equal(("retried@example.com", "InvalidOperationException: 550 still no"), (again.To, again.LastError));
        Assert.Equal((AuditAction.MailRetried, "Ada Admin"), (Assert.Single(again.History).Action, again.History[0].ActorName));
    }

    [Fact]
    public async Task DeadLettersAreFoundByRecipientSubjectOrKindAndPagedNewestFirst()
    {
        var reminder = await DeadLetterAsync(new OutgoingMail("Nia.Nurse@example.com", "Training reminder", "Due"), kind: MailKind.TrainingReminder);
        var account = await DeadLetterAsync(new OutgoingMail("lee@example.com", "Reset your password", "Link"), kind: MailKind.Account);
        var odd = await DeadLetterAsync(new OutgoingMail("pat@example.com", "100% done_now", "Body"));

        Assert.Equal([reminder], await FindAsync(new("nia.nurse")));
        Assert.Equal([account], await FindAsync(new("PASSWORD")));
        Assert.Equal([account], await FindAsync(new(Kind: MailKind.Account)));
        Assert.Empty(await FindAsync(new("password", MailKind.TrainingReminder)));
        // Wildcards typed into the box are text, not patterns.
        Assert.Equal([odd], await FindAsync(new("0% d")));
        Assert.Equal([odd], await FindAsync(new("done_now")));
        Assert.Empty(await FindAsync(new("done%now")));
        Assert.Equal([odd, account, reminder], await FindAsync(new()));
        Assert.Equal([account, reminder], await FindAsync(new(Before: odd)));
    }

    [Fact]
    public async Task AFullPageOfDeadLettersLinksToTheOlderOnes()
    {
        await using (var db = database.CreateContext())
        {
            var now = _time.GetUtcNow().UtcDateTime;
            for (var i = 0; i < MailAdminService.PageSize + 1; i++)
            {
                var message = OutboxMessage.Create(Mail($"bulk{i}"), now);
                message.RecordFailure("550", now, new OutboxRetryPolicy(1, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
                db.OutboxMessages.Add(message);
            }

            await db.SaveChangesAsync();
        }

        var first = await ServiceAsync(s => s.OverviewAsync(new()));
        var rest = await ServiceAsync(s => s.OverviewAsync(new(Before: first.OlderThan)));

        Assert.Equal(MailAdminService.PageSize, first.DeadLetters.Count);
        Assert.Equal(first.DeadLetters[^1].Id, first.OlderThan);
        Assert.Equal("bulk0@example.com", Assert.Single(rest.DeadLetters).To);
        Assert.Null(rest.OlderThan);
    }

    [Fact]
    public async Task HealthCountsWhatWaitsWhatIsBeingSentWhatWentAndWhatIsDead()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        await using (var db = database.CreateContext())
        {
            db.OutboxMessages.AddRange(Sent(now.AddMinutes(-10)), Sent(now.AddMinutes(-59)), Sent(now.AddHours(-5)), Sent(now.AddHours(-25)));
            db.OutboxMessages.AddRange(OutboxMessage.Create(Mail("old"), now.AddMinutes(-45)), OutboxMessage.Create(Mail("new"), now.AddMinutes(-1)));
            await db.SaveChangesAsync();
            // A run holds the newest pending message; an older run's lease on another ran out.
            await db.OutboxMessages.Where(m => m.To == "new@example.com")
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockToken, Guid.NewGuid()).SetProperty(m => m.LockedUntilUtc, now.AddMinutes(4)));
            await db.OutboxMessages.Where(m => m.To == "old@example.com")
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockToken, Guid.NewGuid()).SetProperty(m => m.LockedUntilUtc, now.AddMinutes(-1)));
        }

        await DeadLetterAsync(Mail("dead"));

        var health = await ServiceAsync(s => s.HealthAsync());

        Assert.Equal(new OutboxHealth(Pending: 2, Leased: 1, SentLastHour: 2, SentLastDay: 3, OldestPendingCreatedUtc: now.AddMinutes(-45), DeadLetters: 1), health);
    }

    [Fact]
    public async Task TheHealthCheckIsHealthyWhenMailFlows()
    {
        await EnqueueAsync(Mail("fresh"));
        _time.Advance(TimeSpan.FromMinutes(29));

        var result = await CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("1 waiting (oldest 29 min), 0 being sent, 0 sent in the last hour, 0 dead letter(s)", result.Description);
    }

    [Fact]
    public async Task TheHealthCheckIsDegradedWhenMailHasWaitedTooLong()
    {
        await EnqueueAsync(Mail("stuck"));
        _time.Advance(TimeSpan.FromMinutes(31));

        var result = await CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("Mail needs attention: the oldest unsent message has waited 31 minutes (more than 30).", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHealthCheckIsDegradedWhileADeadLetterWaitsAndHealthyOnceItIsDealtWith()
    {
        var id = await DeadLetterAsync(Mail("dead"));

        var whileDead = await CheckHealthAsync();
        await ServiceAsync(s => s.DiscardAsync(Admin, [id]));
        var afterDiscard = await CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, whileDead.Status);
        Assert.Contains("1 message could not be delivered", whileDead.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, afterDiscard.Status);
    }

    private async Task<List<long>> FindAsync(MailAdminService.DeadLetterQuery query) =>
        [.. (await ServiceAsync(s => s.OverviewAsync(query))).DeadLetters.Select(d => d.Id)];

    private async Task<HealthCheckResult> CheckHealthAsync()
    {
        await using var db = database.CreateContext();
        var options = Options.Create(Smtp(1));
        var check = new OutboxHealthCheck(NewService(db, options), options, _time);
        return await check.CheckHealthAsync(new HealthCheckContext());
    }

    private Task<T> ServiceAsync<T>(Func<MailAdminService, Task<T>> act) => ServiceAsync(1, act);

    private async Task<T> ServiceAsync<T>(int smtpPort, Func<MailAdminService, Task<T>> act)
    {
        await using var db = database.CreateContext();
        return await act(NewService(db, Options.Create(Smtp(smtpPort))));
    }

    private MailAdminService NewService(PortalDbContext db, IOptions<MailOptions> options) =>
        new(db, new Outbox(db, _time, _queued.Client, NullLogger<Outbox>.Instance), new SmtpMailGateway(options), options, _time);

    /// <summary>A message the delivery job set aside after the server refused it every time.</summary>
    private async Task<long> DeadLetterAsync(OutgoingMail mail, MailKind kind = MailKind.Other)
    {
        await using var db = database.CreateContext();
        var now = _time.GetUtcNow().UtcDateTime;
        var message = OutboxMessage.Create(mail, now, kind: kind);
        for (var i = 0; i < MaxAttempts; i++)
            message.RecordFailure("550 5.1.1 mailbox unavailable", now, new OutboxRetryPolicy(MaxAttempts, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    /// <summary>The same, but the real delivery job does it, refused by the server each time it tries.</summary>
    private async Task<long> DeadLetteredByTheJobAsync(OutgoingMail mail)
    {
        var id = await EnqueueAsync(mail);
        for (var i = 0; i < MaxAttempts; i++)
        {
            await RunJobAsync(Smtp(1), new RejectingGateway("550 5.1.1 mailbox unavailable"));
            _time.Advance(TimeSpan.FromHours(3));
        }

        await using var db = database.CreateContext();
        Assert.Equal(OutboxStatus.DeadLettered, (await db.OutboxMessages.SingleAsync(m => m.Id == id)).Status);
        return id;
    }

    private async Task<long> EnqueueAsync(OutgoingMail mail)
    {
        await using var db = database.CreateContext();
        using var storage = new Hangfire.InMemory.InMemoryStorage();
        var message = new Outbox(db, _time, new Hangfire.BackgroundJobClient(storage), NullLogger<Outbox>.Instance).Enqueue(mail);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<int> RunJobAsync(MailOptions options, IMailGateway? gateway = null)
    {
        await using var db = database.CreateContext();
        var job = new OutboxDeliveryJob(db, gateway ?? new SmtpMailGateway(Options.Create(options)), _time, Options.Create(options), NullLogger<OutboxDeliveryJob>.Instance);
        return await job.RunAsync(CancellationToken.None);
    }

    /// <summary>Every column an admin's action could touch, and the audit log, to show nothing changed.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = database.CreateContext();
        var rows = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => new { m.Id, m.Status, m.Attempts, m.NextAttemptUtc, m.TextBody, m.LastError }).ToListAsync();
        return string.Join("\n", rows) + $"\naudit: {await db.AuditEvents.CountAsync()}";
    }

    private static OutboxMessage Sent(DateTime at)
    {
        var message = OutboxMessage.Create(Mail($"sent{at.Ticks}"), at.AddSeconds(-5));
        message.MarkSent(at);
        return message;
    }

    private static OutgoingMail Mail(string who) => new($"{who}@example.com", $"Training reminder {who}", "Your safeguarding refresher is due on 1 December.");

    private sealed class RejectingGateway(string reason) : IMailGateway, IMailConnection
    {
        public Task<IMailConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailConnection>(this);

        public Task SendAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken) => throw new InvalidOperationException(reason);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class SqliteMailAdminTests(SqliteTestDatabase database) : MailAdminTests<SqliteTestDatabase>(database);

public sealed class PostgresMailAdminTests(PostgresTestDatabase database) : MailAdminTests<PostgresTestDatabase>(database);
