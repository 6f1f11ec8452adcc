using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// The insight pages' figures as read and summed from the rollup's rows, kept in this process
/// between views, so a view need not read thousands of rows again (the pipeline by ethnic group:
/// 4.4 MB a view, the portal's peak memory under load). The figures change only when a rollup
/// run commits, and every run replaces the city's learning months in the same transaction with the
/// run's time, so the latest of those times (the pages' "figures as of") names the run a copy was
/// read under.
/// <para>
/// A copy is exact, never merely recent: each view reads that time first (one row from the index
/// it already read it from for the page) and uses a copy only when it was read under the same run;
/// the time is read before the figures, so a run committed in between makes the copy look older
/// than it is, never newer. A run in this process also tells the cache when it commits (a second
/// run in the same instant of the clock could otherwise leave the time unchanged). Every node keeps
/// its own copies and checks them against the shared database, so a run on one node shows on the
/// next view served by any node. Keys hold the organisation whose figures they are, and a view is
/// checked against the viewer's scopes before it asks, so one organisation's copy is never
/// another's.
/// </para>
/// </summary>
public sealed class InsightFiguresCache : IDisposable
{
    /// <summary>Numbers kept in all: about a hundred views' worth of the largest breakdown, a few MB.</summary>
    internal const int MaxNumbers = 500_000;

    /// <summary>A copy goes when no view has used it for this long.</summary>
    internal static readonly TimeSpan KeptUnused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = MaxNumbers });
    private long _runs;

    private sealed record Copy(DateTime AsOfUtc, long Runs, object Figures);

    /// <summary>Called once a rollup run in this process has committed: every copy read before is old.</summary>
    public void RunCommitted() => Interlocked.Increment(ref _runs);

    /// <summary>
    /// The figures for <paramref name="key"/> (which must name the organisation or the city, and
    /// everything else the figures are read for), and the time of the run they are from (null
    /// before the first run, when nothing is kept).
    /// </summary>
    /// <param name="read">Reads and sums the figures; returns them and how many numbers they hold.</param>
    public async Task<(T Figures, DateTime? AsOfUtc)> GetAsync<T>(PortalDbContext db, object key, Func<CancellationToken, Task<(T Figures, int Numbers)>> read, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(read);
        var runs = Volatile.Read(ref _runs);
        var asOf = await AsOfAsync(db, cancellationToken);
        if (asOf is { } at && _copies.TryGetValue(key, out Copy? copy) && copy!.AsOfUtc == at && copy.Runs == runs)
            return ((T)copy.Figures, asOf);
        var (figures, numbers) = await read(cancellationToken);
        if (asOf is { } stamp)
            _copies.Set(key, new Copy(stamp, runs, figures), new MemoryCacheEntryOptions { Size = Math.Max(1, numbers), SlidingExpiration = KeptUnused });
        return (figures, asOf);
    }

    /// <summary>The time of the last rollup run committed: the insight job writes every month's city learning row in the same transaction as the figures.</summary>
    internal static async Task<DateTime?> AsOfAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Set<LearningMonth>().AsNoTracking().Where(m => m.OrganisationId == LearningMonth.City).MaxAsync(m => (DateTime?)m.ComputedAtUtc, cancellationToken);

    public void Dispose() => _copies.Dispose();
}
