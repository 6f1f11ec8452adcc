using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Email;

/// <summary>
/// Degraded, so monitoring notices an outage, when mail has waited longer than
/// <see cref="MailOptions.HealthOldestPendingMinutes"/> or dead letters wait for an admin.
/// Degraded rather than unhealthy: the portal still serves pages, and no load balancer should
/// take a node out because mail is stuck.
/// </summary>
internal sealed class OutboxHealthCheck(MailAdminService mail, IOptions<MailOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await mail.HealthAsync(cancellationToken);
        var age = health.OldestPendingAge(time.GetUtcNow().UtcDateTime);
        var description = $"{health.Pending} waiting (oldest {(age is { } a ? $"{(int)a.TotalMinutes} min" : "none")}), {health.Leased} being sent, " +
                          $"{health.SentLastHour} sent in the last hour, {health.DeadLetters} dead letter(s)";
        var problems = health.Problems(time.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(options.Value.HealthOldestPendingMinutes));
        return problems.Count == 0
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Degraded($"Mail needs attention: {string.Join("; ", problems)}. {description}");
    }
}
