using Hangfire;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Jobs;

/// <summary>The nightly full matching run.</summary>
public sealed class MatchJob(MatchRunner runner)
{
    public const string RecurringId = "matching-nightly";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<MatchRunSummary> RunAsync(CancellationToken cancellationToken) => runner.RunAllAsync(cancellationToken);
}
