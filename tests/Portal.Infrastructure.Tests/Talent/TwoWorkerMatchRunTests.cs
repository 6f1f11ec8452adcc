using System.Collections.Concurrent;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Talent;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>
/// Two nodes, each with its own Hangfire server and its own storage connection to one PostgreSQL
/// database, as two portal processes in front of a server database are: the nightly job queues
/// the shards, both nodes take some, and the run completes once with what the single run stores.
/// </summary>
public sealed class TwoWorkerMatchRunTests(PostgresTestDatabase database) : ShardedMatchRunTestsBase<PostgresTestDatabase>(database), IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task TwoHangfireServersShareTheShardsAndTheRunCompletesOnceWithTheSingleRunsRows()
    {
        await RegionAsync();
        var single = await SingleRunAsync();
        await ClearMatchesAsync();

        var log = new CapturedLog();
        var nodes = new[] { Node("node-a", log), Node("node-b", log) };
        try
        {
            await using (var scope = nodes[0].Provider.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<MatchJob>().RunAsync(CancellationToken.None);
            Guid runId;
            await using (var db = Database.CreateContext())
                runId = await db.Set<MatchRun>().Select(r => r.Id).SingleAsync();

            var deadline = DateTime.UtcNow.AddMinutes(5);
            MatchRun run;
            do
            {
                await Task.Delay(500);
                await using var db = Database.CreateContext();
                run = await db.Set<MatchRun>().AsNoTracking().SingleAsync(r => r.Id == runId);
            }
            while (run.State != MatchRunState.Completed && DateTime.UtcNow < deadline);

            Assert.Equal(MatchRunState.Completed, run.State);
            await using (var db = Database.CreateContext())
            {
                var shards = await db.Set<MatchRunShard>().AsNoTracking().Where(s => s.RunId == runId).ToListAsync();
                Assert.True(shards.Count >= 10);
                Assert.Equal(["node-a", "node-b"], shards.Select(s => s.ScoreWorker!).Concat(shards.Select(s => s.WriteWorker!)).Distinct().Order(StringComparer.Ordinal));
            }
            Assert.Equal(single, await StoredAsync());
            // Every write job asked to complete the run; one did.
            Assert.Equal(1, log.Count($"Matching run {runId} completed"));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Server.SendStop();
                node.Server.Dispose();
                await node.Provider.DisposeAsync();
            }
        }
    }

    private (ServiceProvider Provider, BackgroundJobServer Server) Node(string name, CapturedLog log)
    {
        var options = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(200), PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(Database.ConnectionString, options), options);
        var services = TalentServices();
        services.AddSingleton<ILoggerProvider>(log);
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(storage));
        services.AddSingleton(Options.Create(new MatchingOptions { Sharded = true, PeoplePerShard = 120, WorkerName = name }));
        services.AddScoped<MatchJob>();
        services.AddScoped<MatchShardJob>();
        var provider = services.BuildServiceProvider();
        var server = new BackgroundJobServer(
            new BackgroundJobServerOptions { ServerName = name, WorkerCount = 2, Activator = new ScopedActivator(provider.GetRequiredService<IServiceScopeFactory>()) },
            storage);
        return (provider, server);
    }

    private sealed class ScopedActivator(IServiceScopeFactory scopes) : JobActivator
    {
        public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateScope());

        private sealed class Scope(IServiceScope scope) : JobActivatorScope
        {
            public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

            public override void DisposeScope() => scope.Dispose();
        }
    }

    /// <summary>Every log line both nodes write, to count how often something happened.</summary>
    private sealed class CapturedLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public int Count(string line) => _lines.Count(l => l == line);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
