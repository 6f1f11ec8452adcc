using System.Diagnostics;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Jobs;

namespace Portal.Web.Commands;

/// <summary>
/// `run-job NAME`: runs one recurring job once, in this process and in the foreground, then prints
/// what it did, how long it took and the peak working set. For operators (a run now, without the
/// dashboard) and for timing a job against a generated city.
/// </summary>
internal static class RunJob
{
    public static readonly string[] Names = [OutboxDeliveryJob.RecurringId, JobAlertJob.RecurringId, ReminderJob.RecurringId, MatchJob.RecurringId, MatchEmailJob.RecurringId, RetentionJob.RecurringId, InsightRollupJob.RecurringId, InsightRollupJob.FullRecurringId, CheckInJob.RecurringId, RecognitionCheckJob.RecurringId, QueuedMatching];

    /// <summary>Not a recurring job: a sharded matching run queued for the nodes' Hangfire servers, watched until it completes.</summary>
    public const string QueuedMatching = "matching-queued";

    public static async Task<int> RunAsync(IServiceProvider services, string name)
    {
        // As at the portal's start-up: the embedded database migrates itself; a server's is migrated deliberately.
        var pending = await PortalDatabase.PrepareAsync(services, line => Console.Out.WriteLine(line));
        if (pending.Count > 0)
            throw new PortalDatabaseException($"the database is {PortalDatabase.Migrations(pending.Count)} behind this build: run `migrate` first.");
        services.GetRequiredService<ContentStore>().Load();
        await Console.Out.WriteLineAsync($"Running {name} once, in this process.");
        await using var scope = services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var done = name switch
        {
            OutboxDeliveryJob.RecurringId => $"{await scope.ServiceProvider.GetRequiredService<OutboxDeliveryJob>().RunAsync(CancellationToken.None):N0} messages delivered",
            JobAlertJob.RecurringId => $"job alert emails: {await scope.ServiceProvider.GetRequiredService<JobAlertJob>().RunAsync(CancellationToken.None)}",
            ReminderJob.RecurringId => $"{await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None)}",
            MatchJob.RecurringId => await scope.ServiceProvider.GetRequiredService<MatchJob>().RunHereAsync(CancellationToken.None),
            QueuedMatching when services.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Sqlite =>
                throw new PortalConfigurationException($"{QueuedMatching} needs a server database whose job queue other nodes share; on SQLite use {MatchJob.RecurringId}."),
            QueuedMatching => await scope.ServiceProvider.GetRequiredService<MatchJob>().QueueAndWaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None),
            RetentionJob.RecurringId => $"{await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None)}",
            CheckInJob.RecurringId => $"{await scope.ServiceProvider.GetRequiredService<CheckInJob>().RunAsync(CancellationToken.None)}",
            RecognitionCheckJob.RecurringId => $"recognitions checked and found revoked: {await scope.ServiceProvider.GetRequiredService<RecognitionCheckJob>().RunAsync(CancellationToken.None)}",
            InsightRollupJob.RecurringId or InsightRollupJob.FullRecurringId =>
                $"{await scope.ServiceProvider.GetRequiredService<InsightRollupJob>().RunAsync(name == InsightRollupJob.FullRecurringId, CancellationToken.None):N0} months of insight figures worked out",
            _ => $"new-matches emails: {await scope.ServiceProvider.GetRequiredService<MatchEmailJob>().RunAsync(CancellationToken.None)}",
        };
        using var process = Process.GetCurrentProcess();
        await Console.Out.WriteLineAsync($"{name}: {done} in {watch.Elapsed.TotalSeconds:N1} s; peak working set {process.PeakWorkingSet64 / 1024 / 1024:N0} MiB.");
        return 0;
    }
}
