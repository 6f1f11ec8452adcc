using Hangfire;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// The nightly full matching run: in this process, or with <see cref="MatchingOptions.Sharded"/>
/// a <see cref="ShardedMatchRun"/> whose shards are queued for any node's Hangfire server.
/// </summary>
public sealed class MatchJob(MatchRunner runner, ShardedMatchRun sharded, IOptions<MatchingOptions> options, IBackgroundJobClient client)
{
    public const string RecurringId = "matching-nightly";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Sharded)
            return Describe(await runner.RunAllAsync(cancellationToken));
        var run = await QueueAsync(cancellationToken);
        return $"matching run {run.Id}: {run.Shards:N0} shards queued";
    }

    /// <summary>
    /// A sharded run queued for every node's Hangfire server, watched from here until it completes:
    /// for `run-job matching-queued`, to start tonight's run now across the nodes and time it.
    /// </summary>
    public async Task<string> QueueAndWaitAsync(TimeSpan pollEvery, CancellationToken cancellationToken)
    {
        var started = await QueueAsync(cancellationToken);
        while (true)
        {
            await Task.Delay(pollEvery, cancellationToken);
            var (run, shards) = (await sharded.ReadAsync(started.Id, cancellationToken))!.Value;
            if (run.State is Domain.Talent.MatchRunState.Completed or Domain.Talent.MatchRunState.Abandoned)
                return $"{Sharded(run, shards)}; worked by {string.Join(", ", shards.Select(s => s.ScoreWorker).Concat(shards.Select(s => s.WriteWorker)).GroupBy(w => w).Select(g => $"{g.Key} ({g.Count()} steps)"))}";
        }
    }

    private async Task<Domain.Talent.MatchRun> QueueAsync(CancellationToken cancellationToken)
    {
        var run = await sharded.StartAsync(cancellationToken);
        // After the run is committed, so a shard never starts before its record exists. A lost
        // enqueue leaves the run unfinished; the next night's run supersedes it.
        for (var shard = 0; shard < run.Shards; shard++)
        {
            var id = run.Id;
            var which = shard;
            client.Enqueue<MatchShardJob>(job => job.ScoreAsync(id, which, CancellationToken.None));
        }
        if (run.Shards == 0)
            await MatchShardJob.FinishEmptyAsync(sharded, run.Id, cancellationToken);
        return run;
    }

    /// <summary>The run in the foreground, for `run-job`: with sharding on, this process works every shard in turn.</summary>
    public async Task<string> RunHereAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Sharded)
            return Describe(await runner.RunAllAsync(cancellationToken));
        var started = await sharded.RunHereAsync(cancellationToken);
        var (run, shards) = (await sharded.ReadAsync(started.Id, cancellationToken))!.Value;
        return Sharded(run, shards);
    }

    private static string Sharded(Domain.Talent.MatchRun run, List<Domain.Talent.MatchRunShard> shards) =>
        $"sharded run {run.Id} {run.State}: {shards.Count:N0} shards, {shards.Sum(s => s.People):N0} people, {shards.Sum(s => s.PairsScored):N0} pairs passed the hard filters, {shards.Sum(s => s.RowsWritten):N0} matches written; per shard score {Spread(shards.Select(s => s.ScoreMilliseconds))}, write {Spread(shards.Select(s => s.WriteMilliseconds))}";

    private static string Spread(IEnumerable<int> milliseconds)
    {
        var all = milliseconds.Order().ToList();
        return all.Count == 0 ? "-" : $"{all[0] / 1000.0:N1}-{all[^1] / 1000.0:N1} s (total {all.Sum() / 1000.0:N1} s)";
    }

    private static string Describe(MatchRunSummary run) =>
        $"{run.People:N0} people x {run.Vacancies:N0} open vacancies, {run.PairsScored:N0} pairs passed the hard filters, {run.RowsWritten:N0} matches stored (loading {run.Loading.TotalSeconds:N1} s, scoring {run.Scoring.TotalSeconds:N1} s, writing {run.Writing.TotalSeconds:N1} s)";
}
