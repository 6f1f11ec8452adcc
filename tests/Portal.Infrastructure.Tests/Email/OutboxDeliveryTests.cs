using System.Data.Common;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Email;

/// <summary>The outbox against a real database and a real SMTP server: nothing lost, nothing sent twice.</summary>
public abstract class OutboxDeliveryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private static MailOptions Smtp(int port, string host = "127.0.0.1", int batchSize = 2, int maxAttempts = 8) => new()
    {
        SmtpHost = host,
        SmtpPort = port,
        SmtpSecurity = SmtpSecurity.None,
        FromAddress = "no-reply@portal.test",
        BatchSize = batchSize,
        MaxAttempts = maxAttempts,
        UnavailableRetryDelay = TimeSpan.FromMinutes(1),
    };

    // Tests in a class share one database and run one after another: each starts with an empty outbox.
    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        await db.OutboxMessages.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MessagesReachARealSmtpServerWithTheirContent()
    {
        var options = Smtp(TestEnvironment.SmtpPort, TestEnvironment.SmtpHost);
        var recipients = await EnqueueAsync(3);

        var sent = await RunJobAsync(options);

        Assert.Equal(3, sent);
        var arrived = SmtpSink.ReadMessages(TestEnvironment.SmtpDirectory)
            .Where(m => recipients.Contains(m.To.Mailboxes.Single().Address)).ToList();
        Assert.Equal(recipients.Order(), arrived.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(arrived, m =>
        {
            Assert.Equal("no-reply@portal.test", m.From.Mailboxes.Single().Address);
            Assert.StartsWith("Training reminder", m.Subject, StringComparison.Ordinal);
            Assert.Contains("Your safeguarding refresher is due", m.TextBody, StringComparison.Ordinal);
        });
        await using var db = database.CreateContext();
        Assert.All(await Mine(db).ToListAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task WhileTheServerIsDownMailWaitsAndIsDeliveredOnceWhenItReturns()
    {
        await using var sink = await SmtpSink.StartAsync();
        var options = Smtp(sink.Port);
        var recipients = await EnqueueAsync(5);

        await sink.StopAsync();
        var sentWhileDown = await RunJobAsync(options);

        Assert.Equal(0, sentWhileDown);
        await using (var db = database.CreateContext())
        {
            var waiting = await Mine(db).ToListAsync();
            Assert.Equal(5, waiting.Count);
            Assert.All(waiting, m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
            // The run stops at the first refused connection; what it had claimed records why it waits.
            Assert.Contains(waiting, m => m.LastError?.Contains("unavailable", StringComparison.OrdinalIgnoreCase) == true);
        }
        Assert.Empty(sink.Messages());

        await sink.StartAgainAsync();
        _time.Advance(options.UnavailableRetryDelay);
        var sentAfter = await RunJobAsync(options);
        var sentOnRerun = await RunJobAsync(options);

        Assert.Equal(5, sentAfter);
        Assert.Equal(0, sentOnRerun);
        var arrived = sink.Messages();
        Assert.Equal(recipients.Order(), arrived.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(5, arrived.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task MailSomeoneIsWaitingForGoesBeforeABulkRunsBacklog()
    {
        // A reminder run's backlog queued first, then a confirmation link, word on an application and
        // a message of no recorded kind; a job alert last.
        var reminders = await EnqueueAsync(5, MailKind.TrainingReminder);
        var account = await EnqueueOneAsync("confirm", MailKind.Account);
        var application = await EnqueueOneAsync("applied", MailKind.Application);
        var other = await EnqueueOneAsync("other", MailKind.Other);
        var alert = await EnqueueOneAsync("alert", MailKind.JobAlert);
        var gateway = new CallbackGateway((_, _) => Task.CompletedTask);

        Assert.Equal(9, await RunJobAsync(Smtp(1, batchSize: 2), gateway));

        Assert.Equal([account, application, other, .. reminders, alert], gateway.Recipients);
    }

    [Fact]
    public async Task AConfirmationQueuedWhileABacklogIsBeingSentWaitsOnlyForTheBatchInHand()
    {
        var reminders = await EnqueueAsync(6, MailKind.TrainingReminder);
        string? account = null;
        // While the first batch of two reminders is being sent, someone signs up.
        var gateway = new CallbackGateway(async (_, sends) =>
        {
            if (sends == 1)
                account = await EnqueueOneAsync("confirm", MailKind.Account);
        });

        Assert.Equal(7, await RunJobAsync(Smtp(1, batchSize: 2), gateway));

        Assert.Equal([reminders[0], reminders[1], account!, .. reminders[2..]], gateway.Recipients);
    }

    [Fact]
    public async Task TwoRunsAtOnceSendEachMessageExactlyOnce()
    {
        await using var sink = await SmtpSink.StartAsync();
        var options = Smtp(sink.Port);
        var recipients = await EnqueueAsync(12);

        var results = await Task.WhenAll(RunJobAsync(options), RunJobAsync(options));

        Assert.Equal(12, results.Sum());
        var arrived = sink.Messages();
        Assert.Equal(recipients.Order(), arrived.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task TwoRunsStartedTogetherShareTheWorkAndSendNothingTwice()
    {
        var recipients = await EnqueueAsync(20);
        // Both runs choose the same first rows before either claims them, as two nodes woken by one
        // commit do: one of them loses that race. Neither sends until both hold a batch (or it has
        // waited long enough to know the other never will), so the winner cannot finish alone first.
        var race = new ClaimRace();
        var bothClaimed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var opened = 0;
        var gateway = new CallbackGateway((_, _) => Task.CompletedTask)
        {
            OnOpen = async () =>
            {
                if (Interlocked.Increment(ref opened) == 2)
                    bothClaimed.TrySetResult();
                await Task.WhenAny(bothClaimed.Task, Task.Delay(TimeSpan.FromSeconds(10)));
            },
        };

        var results = await Task.WhenAll(
            RunJobAsync(Smtp(1, batchSize: 4), gateway, interceptor: race.Runner()),
            RunJobAsync(Smtp(1, batchSize: 4), gateway, interceptor: race.Runner()));

        Assert.All(results, sent => Assert.InRange(sent, 1, 19));
        Assert.Equal(20, results.Sum());
        Assert.Equal(recipients.Order(), gateway.Recipients.Order());
    }

    [Fact]
    public async Task AShutdownWhileAMessageIsBeingSentFinishesThatOneAndHandsTheRestBackAtOnce()
    {
        var recipients = await EnqueueAsync(4);
        using var stop = new CancellationTokenSource();
        // The host asks the job to stop while the second message is on the wire; MailKit honours the token.
        var gateway = new CallbackGateway(async (_, sends) =>
        {
            if (sends == 2)
                await stop.CancelAsync();
        }, honourCancellation: true);

        var firstRun = await RunJobAsync(Smtp(1, batchSize: 10), gateway, cancellationToken: stop.Token);
        var secondRun = await RunJobAsync(Smtp(1, batchSize: 10), gateway);

        Assert.Equal(2, firstRun);
        Assert.Equal(2, secondRun);
        Assert.Equal(recipients.Order(), gateway.Recipients.Order());
    }

    [Fact]
    public async Task AShutdownWhileConnectingHandsTheBatchBackAtOnce()
    {
        var recipients = await EnqueueAsync(3);
        using var stop = new CancellationTokenSource();
        var gateway = new CallbackGateway((_, _) => Task.CompletedTask) { OnOpen = stop.CancelAsync };

        var firstRun = await RunJobAsync(Smtp(1, batchSize: 10), gateway, cancellationToken: stop.Token);
        gateway.OnOpen = null;
        var secondRun = await RunJobAsync(Smtp(1, batchSize: 10), gateway);

        Assert.Equal(0, firstRun);
        Assert.Equal(3, secondRun);
        Assert.Equal(recipients.Order(), gateway.Recipients.Order());
        await using var db = database.CreateContext();
        Assert.All(await Mine(db).ToListAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task ARunThatDiesMidBatchKeepsItsLeaseSoItsMessagesWaitOutTheLeaseThenGoOnce()
    {
        var recipients = await EnqueueAsync(3);
        // A run that claimed its batch and then froze (a killed process leaves the same rows behind).
        var frozen = new TaskCompletionSource<IMailConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        var claimed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dying = RunJobAsync(Smtp(1, batchSize: 10), new FrozenGateway(claimed, frozen.Task));
        await claimed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var gateway = new CallbackGateway((_, _) => Task.CompletedTask);

        _time.Advance(OutboxDeliveryJob.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await RunJobAsync(Smtp(1, batchSize: 10), gateway));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(3, await RunJobAsync(Smtp(1, batchSize: 10), gateway));
        Assert.Equal(recipients.Order(), gateway.Recipients.Order());

        // Should the frozen run wake, its lease is gone: it can neither send nor undo what was sent.
        frozen.SetException(new MailGatewayUnavailableException("woke up"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dying);
        await using var db = database.CreateContext();
        Assert.All(await Mine(db).ToListAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task ARejectedMessageIsRetriedWithBackoffThenDeadLetteredWithTheReason()
    {
        var options = Smtp(1, maxAttempts: 3);
        await EnqueueAsync(1);
        var gateway = new RejectingGateway("550 5.1.1 mailbox unknown");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await RunJobAsync(options, gateway);
            _time.Advance(TimeSpan.FromHours(3));
        }

        await using var db = database.CreateContext();
        var message = await Mine(db).SingleAsync();
        Assert.Equal(OutboxStatus.DeadLettered, message.Status);
        Assert.Equal(3, message.Attempts);
        Assert.Contains("550 5.1.1 mailbox unknown", message.LastError, StringComparison.Ordinal);
        Assert.Equal(3, gateway.Tries);
    }

    [Fact]
    public async Task ARunStoppedMidBatchLosesNothingAndTheNextRunSendsTheRestOnce()
    {
        await using var sink = await SmtpSink.StartAsync();
        var options = Smtp(sink.Port, batchSize: 10);
        var recipients = await EnqueueAsync(6);
        using var stop = new CancellationTokenSource();
        var gateway = new StoppingGateway(new SmtpMailGateway(Options.Create(options)), afterSends: 2, stop);

        var firstRun = await RunJobAsync(options, gateway, cancellationToken: stop.Token);
        var secondRun = await RunJobAsync(options);

        Assert.Equal(2, firstRun);
        Assert.Equal(4, secondRun);
        Assert.Equal(recipients.Order(), sink.Messages().Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task ARowWhoseLeaseAnotherRunTookOverIsLeftToThatRun()
    {
        await EnqueueAsync(2);
        long secondId;
        await using (var db = database.CreateContext())
            secondId = await Mine(db).OrderBy(m => m.Id).Skip(1).Select(m => m.Id).SingleAsync();
        var gateway = new CallbackGateway(async (_, sends) =>
        {
            if (sends != 1)
                return;
            // While this run sends the first message, another run takes the second over.
            await using var other = database.CreateContext();
            await other.OutboxMessages.Where(m => m.Id == secondId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockToken, Guid.NewGuid()).SetProperty(m => m.LockedUntilUtc, DateTime.MaxValue));
        });

        var sent = await RunJobAsync(Smtp(1, batchSize: 10), gateway);

        Assert.Equal(1, sent);
        Assert.Equal(1, gateway.Sends);
        await using var check = database.CreateContext();
        var second = await check.OutboxMessages.SingleAsync(m => m.Id == secondId);
        Assert.Equal((OutboxStatus.Pending, 0), (second.Status, second.Attempts));
    }

    [Fact]
    public async Task ASessionThatDiesOnAMessageChargesThatMessageOnlyAndTheRestWaitFree()
    {
        await EnqueueAsync(3);
        var gateway = new CallbackGateway((_, sends) =>
            sends == 2 ? throw new MailGatewayUnavailableException("SMTP session lost: connection reset") : Task.CompletedTask);

        var sent = await RunJobAsync(Smtp(1, batchSize: 10), gateway);

        Assert.Equal(1, sent);
        await using var db = database.CreateContext();
        var rows = await Mine(db).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Pending, OutboxStatus.Pending], rows.Select(m => m.Status));
        Assert.Equal([1, 1, 0], rows.Select(m => m.Attempts));
    }

    [Fact]
    public async Task MailIsWrittenOnlyWhenTheChangeThatCausesItCommits()
    {
        var key = $"welcome:{_run}";
        await using (var db = database.CreateContext())
        {
            NewOutbox(db).Enqueue(Mail(0), dedupeKey: key);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            // A second write with the same business key fails as a whole: no second email is promised.
            NewOutbox(db).Enqueue(Mail(1), dedupeKey: key);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.DedupeKey == key));
    }

    [Fact]
    public async Task DeliveryIsQueuedOnlyAfterTheTransactionCommitsAndNeverOnRollback()
    {
        using var storage = new InMemoryStorage();
        var jobs = new BackgroundJobClient(storage);

        await using (var db = database.CreateContext())
        {
            await using var rolledBack = await db.Database.BeginTransactionAsync();
            new Outbox(db, _time, jobs, NullLogger<Outbox>.Instance).Enqueue(Mail(0));
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }

        Assert.Equal(0, storage.GetMonitoringApi().EnqueuedCount("default"));
        await using (var db = database.CreateContext())
            Assert.Equal(0, await Mine(db).CountAsync());

        await using (var db = database.CreateContext())
        {
            await using var committed = await db.Database.BeginTransactionAsync();
            new Outbox(db, _time, jobs, NullLogger<Outbox>.Instance).Enqueue(Mail(1));
            await db.SaveChangesAsync();
            Assert.Equal(0, storage.GetMonitoringApi().EnqueuedCount("default"));
            await committed.CommitAsync();
        }

        Assert.Equal(1, storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    private async Task<int> RunJobAsync(MailOptions options, IMailGateway? gateway = null, IInterceptor? interceptor = null, CancellationToken cancellationToken = default)
    {
        await using var db = interceptor is null ? database.CreateContext() : database.CreateContext(interceptor);
        var job = new OutboxDeliveryJob(db, gateway ?? new SmtpMailGateway(Options.Create(options)), _time, Options.Create(options), NullLogger<OutboxDeliveryJob>.Instance);
        return await job.RunAsync(cancellationToken);
    }

    private async Task<List<string>> EnqueueAsync(int count, MailKind? kind = null)
    {
        await using var db = database.CreateContext();
        var outbox = NewOutbox(db);
        var recipients = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var mail = Mail(i);
            outbox.Enqueue(mail, kind: kind);
            recipients.Add(mail.To);
        }

        await db.SaveChangesAsync();
        return recipients;
    }

    private async Task<string> EnqueueOneAsync(string who, MailKind kind)
    {
        await using var db = database.CreateContext();
        var mail = new OutgoingMail($"{who}.{_run}@example.com", $"About your {kind}", "Hello.");
        NewOutbox(db).Enqueue(mail, kind: kind);
        await db.SaveChangesAsync();
        return mail.To;
    }

    private OutgoingMail Mail(int i) =>
        new($"worker{i}.{_run}@example.com", $"Training reminder {i}", "Your safeguarding refresher is due on 1 December.");

    private IQueryable<OutboxMessage> Mine(PortalDbContext db) => db.OutboxMessages.Where(m => m.To.Contains(_run));

    private Outbox NewOutbox(PortalDbContext db) =>
        new(db, _time, new BackgroundJobClient(new InMemoryStorage()), NullLogger<Outbox>.Instance);

    private sealed class RejectingGateway(string reason) : IMailGateway, IMailConnection
    {
        public int Tries { get; private set; }

        public Task<IMailConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailConnection>(this);

        public Task SendAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken)
        {
            Tries++;
            throw new InvalidOperationException(reason);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs a callback with each message and the count of sends so far (this one included), and
    /// keeps who was sent to. With <c>honourCancellation</c> a send gives up on a cancelled token
    /// after the callback, as MailKit's does; a connection opening gives up the same way.
    /// </summary>
    private sealed class CallbackGateway(Func<OutgoingMail, int, Task> onSend, bool honourCancellation = false) : IMailGateway, IMailConnection
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _recipients = new();
        private int _sends;

        public int Sends => _sends;

        public IReadOnlyList<string> Recipients => [.. _recipients];

        public Func<Task>? OnOpen { get; set; }

        public async Task<IMailConnection> OpenAsync(CancellationToken cancellationToken)
        {
            if (OnOpen is { } onOpen)
                await onOpen();
            cancellationToken.ThrowIfCancellationRequested();
            return this;
        }

        public async Task SendAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken)
        {
            await onSend(mail, Interlocked.Increment(ref _sends));
            if (honourCancellation)
                cancellationToken.ThrowIfCancellationRequested();
            _recipients.Enqueue(mail.To);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Says when its run has claimed a batch, then never connects until the test lets it.</summary>
    private sealed class FrozenGateway(TaskCompletionSource claimed, Task<IMailConnection> connection) : IMailGateway
    {
        public Task<IMailConnection> OpenAsync(CancellationToken cancellationToken)
        {
            claimed.TrySetResult();
            return connection;
        }
    }

    /// <summary>
    /// Holds each run's first claim (its first UPDATE of the outbox) until every run has reached its
    /// own, so all of them chose their rows before any claimed: they race for the same rows.
    /// </summary>
    private sealed class ClaimRace
    {
        private readonly TaskCompletionSource _allChosen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;
        private int _waiting;

        public DbCommandInterceptor Runner()
        {
            _runs++;
            return new Gate(this);
        }

        private async Task ArriveAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _waiting) == _runs)
                _allChosen.TrySetResult();
            await _allChosen.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        private sealed class Gate(ClaimRace race) : DbCommandInterceptor
        {
            private bool _claimed;

            public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
                DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (!_claimed && command.CommandText.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) && command.CommandText.Contains("LockToken", StringComparison.Ordinal))
                {
                    _claimed = true;
                    await race.ArriveAsync(cancellationToken);
                }
                return result;
            }
        }
    }

    /// <summary>A real gateway that pulls the plug on its run after a number of sends, as a shutdown would.</summary>
    private sealed class StoppingGateway(IMailGateway inner, int afterSends, CancellationTokenSource stop) : IMailGateway
    {
        public async Task<IMailConnection> OpenAsync(CancellationToken cancellationToken) =>
            new Connection(await inner.OpenAsync(cancellationToken), afterSends, stop);

        private sealed class Connection(IMailConnection inner, int afterSends, CancellationTokenSource stop) : IMailConnection
        {
            private int _sends;

            public async Task SendAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken)
            {
                await inner.SendAsync(mail, messageId, cancellationToken);
                if (++_sends == afterSends)
                    await stop.CancelAsync();
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}

public sealed class SqliteOutboxDeliveryTests(SqliteTestDatabase database) : OutboxDeliveryTests<SqliteTestDatabase>(database);

public sealed class PostgresOutboxDeliveryTests(PostgresTestDatabase database) : OutboxDeliveryTests<PostgresTestDatabase>(database);
