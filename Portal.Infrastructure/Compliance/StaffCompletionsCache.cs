using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Domain.Training;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Compliance;

/// <summary>
/// The latest completion of each module for an organisation's staff, kept in this process between
/// views of the manager's matrix, so a view need not read and hold every person's modules again
/// (15,000 rows for 500 staff: two thirds of the matrix's time).
/// <para>
/// A copy is exact, never merely recent: completions are append-only (a refresher adds a row;
/// nothing changes a row's person, module or date, and only erasure deletes, which also removes
/// the person's memberships), so for the same staff the number of their completions changes
/// exactly when one could change the lookup. Each view compares its staff with the copy's and
/// counts the staff's completions (one COUNT over the index); any difference reads afresh. The
/// copy's number comes from the same statement as its rows (a count per group, summed), so a pass
/// committed between two statements can never hide behind it. There is no watermark by id or by
/// time: PostgreSQL can commit ids out of order, and an offline pass carries the time it was made.
/// Every node keeps its own copies and checks them against the shared database, so a pass on one
/// node shows on the next view served by any node.
/// </para>
/// </summary>
public sealed class StaffCompletionsCache : IDisposable
{
    /// <summary>Rows kept in all, a row being one person's latest of one module: about 13 organisations of 500 staff, some 10 MB.</summary>
    internal const int MaxRows = 200_000;

    /// <summary>An organisation's copy goes when no view has used it for this long.</summary>
    internal static readonly TimeSpan KeptUnused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = MaxRows });

    private sealed record Copy(string[] Staff, long Completions, IReadOnlyDictionary<(string UserId, string ModuleSlug), DateTime> Latest);

    /// <summary>
    /// The latest completion of each module for each of these people (an organisation's staff as
    /// this view read them): from the copy when it is still exact, else from the database.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string UserId, string ModuleSlug), DateTime>> LatestAsync(
        PortalDbContext db, Guid organisationId, IEnumerable<string> staffUserIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        string[] staff = [.. staffUserIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var theirs = db.Set<Completion>().AsNoTracking().Where(c => EF.Parameter(staff).Contains(c.UserId));
        if (_copies.TryGetValue(organisationId, out Copy? copy) && copy!.Staff.AsSpan().SequenceEqual(staff)
            && await theirs.LongCountAsync(cancellationToken) == copy.Completions)
            return copy.Latest;

        // One statement for the rows and their number. Each person's id and each module's slug is
        // kept once, not once per row.
        var people = staff.ToHashSet(StringComparer.Ordinal);
        var modules = new HashSet<string>(StringComparer.Ordinal);
        var latest = new Dictionary<(string, string), DateTime>(staff.Length * 32);
        long completions = 0;
        await foreach (var row in theirs.GroupBy(c => new { c.UserId, c.ModuleSlug })
                           .Select(g => new { g.Key.UserId, g.Key.ModuleSlug, Latest = g.Max(c => c.CompletedAtUtc), Count = g.LongCount() })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var person = people.TryGetValue(row.UserId, out var known) ? known : row.UserId;
            if (!modules.TryGetValue(row.ModuleSlug, out var module))
                modules.Add(module = row.ModuleSlug);
            latest[(person, module)] = row.Latest;
            completions += row.Count;
        }
        _copies.Set(organisationId, new Copy(staff, completions, latest),
            new MemoryCacheEntryOptions { Size = Math.Max(1, latest.Count + staff.Length), SlidingExpiration = KeptUnused });
        return latest;
    }

    public void Dispose() => _copies.Dispose();
}
