using Hangfire;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// One shard of a sharded matching run, on whichever node's Hangfire server takes it. The run's
/// record says what is done, so a retry, a duplicate or a job from a superseded run does nothing;
/// whoever finishes the last shard of a step moves the run on (and a retry of any shard moves it
/// on if that was lost).
/// </summary>
public sealed class MatchShardJob(ShardedMatchRun runs, IBackgroundJobClient client)
{
    public async Task ScoreAsync(Guid runId, int shard, CancellationToken cancellationToken)
    {
        await runs.ScoreShardAsync(runId, shard, cancellationToken);
        if (!await runs.MergeAsync(runId, cancellationToken))
            return;
        foreach (var unwritten in await runs.UnwrittenShardsAsync(runId, cancellationToken))
            client.Enqueue<MatchShardJob>(job => job.WriteAsync(runId, unwritten, CancellationToken.None));
    }

    public async Task WriteAsync(Guid runId, int shard, CancellationToken cancellationToken)
    {
        await runs.WriteShardAsync(runId, shard, cancellationToken);
        await runs.CompleteAsync(runId, cancellationToken);
    }

    /// <summary>A run with nobody to match has no shard to move it on.</summary>
    internal static async Task FinishEmptyAsync(ShardedMatchRun runs, Guid runId, CancellationToken cancellationToken)
    {
        await runs.MergeAsync(runId, cancellationToken);
        await runs.CompleteAsync(runId, cancellationToken);
    }
}
