using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Jobs;

/// <summary>Hangfire's storage answers, and when this node runs a server, some server has a fresh heartbeat.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage, IOptions<JobsOptions> options, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatLimit = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var now = time.GetUtcNow().UtcDateTime;
            var live = monitoring.Servers().Count(s => s.Heartbeat is { } beat && now - beat < HeartbeatLimit);
            var stats = monitoring.GetStatistics();
            var description = $"{live} server(s) alive, {stats.Enqueued} enqueued, {stats.Failed} failed";
            if (options.Value.ServerEnabled && live == 0)
                return Task.FromResult(HealthCheckResult.Unhealthy("No Hangfire server has a recent heartbeat; " + description));
            return Task.FromResult(HealthCheckResult.Healthy(description));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage did not answer", ex));
        }
    }
}
