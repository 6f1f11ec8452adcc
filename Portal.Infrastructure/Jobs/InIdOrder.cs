using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// What a batch job did: emails queued, and items (people, alerts, organisations) that failed. A
/// failed item is logged with its id and nothing is recorded for it, so it is still due and the
/// next run tries it again.
/// </summary>
public sealed record BatchJobSummary(int Queued, int Failed)
{
    public override string ToString() =>
        Failed == 0 ? $"{Queued:N0} queued" : $"{Queued:N0} queued, {Failed:N0} failed (logged with their ids; the next run tries them again)";
}

/// <summary>
/// The loop the batch jobs share: items in id order, one batch at a time, each batch read after
/// the last id of the one before. A job commits each batch (or each item) before the next, so a run
/// killed at any line keeps what it committed and the next run does the rest. The loop moves on
/// past an item that failed, so one bad person or alert never holds up the others: see
/// <see cref="BatchTally.TryAsync"/>.
/// </summary>
internal static class InIdOrder
{
    /// <param name="first">An id below every real one, where the first batch starts.</param>
    /// <param name="readAfter">Up to so many items with ids after the given one, in id order, as the database orders them.</param>
    /// <param name="process">Does one batch, counting what it queued and what failed on the tally.</param>
    /// <param name="afterBatch">Runs after each batch; tests use it to kill a run part-way.</param>
    public static async Task<BatchJobSummary> ForEachBatchAsync<TItem, TId>(
        TId first,
        Func<TId, int, CancellationToken, Task<List<TItem>>> readAfter,
        Func<TItem, TId> idOf,
        int batchSize,
        Func<List<TItem>, BatchTally, CancellationToken, Task> process,
        BatchTally tally,
        Func<int, Task>? afterBatch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readAfter);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(tally);
        var after = first;
        var batches = 0;
        while (true)
        {
            var batch = await readAfter(after, batchSize, cancellationToken);
            if (batch.Count == 0)
                return tally.Summary;
            await process(batch, tally, cancellationToken);
            after = idOf(batch[^1]);
            if (afterBatch is { } hook)
                await hook(++batches);
        }
    }
}

/// <summary>
/// Counts what a batch job queued and which items failed. An item's failure is logged with its id
/// and counted, never thrown, so the rest of the run goes on; but a run of failures in a row says
/// the trouble is not any one item's (the database or the content gone wrong), and then the run
/// stops rather than log the same error for every item in the city.
/// </summary>
internal sealed class BatchTally(ILogger logger, string job, CancellationToken cancellationToken)
{
    /// <summary>Failures in a row after which the run stops.</summary>
    public const int GiveUpAfter = 25;

    private int _inARow;

    public int Queued { get; private set; }

    public int Failed { get; private set; }

    public BatchJobSummary Summary => new(Queued, Failed);

    public void Sent(int count = 1) => Queued += count;

    /// <summary>
    /// Does one item's work. If it throws (anything but this run being cancelled), <paramref name="undo"/>
    /// drops whatever the work left half-made in the unit of work, so nothing is recorded for it,
    /// and the failure is logged and counted.
    /// </summary>
    /// <returns>Whether the work succeeded.</returns>
    public async Task<bool> TryAsync(string what, object id, Func<Task> work, Action undo)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(what, id, ex, undo);
            return false;
        }
        _inARow = 0;
        return true;
    }

    /// <inheritdoc cref="TryAsync"/>
    public bool Try(string what, object id, Action work, Action undo)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(what, id, ex, undo);
            return false;
        }
        _inARow = 0;
        return true;
    }

    private void Fail(string what, object id, Exception ex, Action undo)
    {
        ArgumentNullException.ThrowIfNull(undo);
        undo();
        Failed++;
        logger.LogError(ex, "{Job}: {What} {Id} failed and is left for the next run: {Reason}", job, what, id, ex.Message);
        if (++_inARow >= GiveUpAfter)
            throw new InvalidOperationException($"{job}: {GiveUpAfter} items failed in a row, the last with \"{ex.Message}\"; the run stops, as the trouble is not any one item's.", ex);
    }
}
