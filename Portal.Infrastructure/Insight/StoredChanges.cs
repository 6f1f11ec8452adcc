using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Portal.Infrastructure.Insight;

/// <summary>A rollup's stored row, known to its writer by its id.</summary>
internal interface IStoredRow
{
    long Id { get; }
}

/// <summary>
/// What a rollup writes of the rows it has stored: those to delete (no count now), and those to give
/// a new count, kept by that count so one statement updates every row that takes it.
/// </summary>
internal sealed class StoredChanges
{
    /// <summary>Ids per statement: well inside every provider's limits on one list parameter.</summary>
    public const int PerStatement = 1_000;

    public List<long> Deletes { get; } = [];

    public Dictionary<int, List<long>> Updates { get; } = [];

    public void Update(long id, int count)
    {
        if (!Updates.TryGetValue(count, out var ids))
            Updates.Add(count, ids = []);
        ids.Add(id);
    }

    /// <summary>
    /// Deletes the rows to delete and gives the others their new count, set by <paramref name="setCount"/>
    /// (the row's count property, and whatever else an update stamps), a thousand ids a statement.
    /// </summary>
    public async Task WriteAsync<T>(DbContext db, Action<UpdateSettersBuilder<T>, int> setCount, CancellationToken cancellationToken)
        where T : class, IStoredRow
    {
        foreach (var ids in Deletes.Chunk(PerStatement))
            await db.Set<T>().Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var (count, all) in Updates)
        {
            foreach (var ids in all.Chunk(PerStatement))
                await db.Set<T>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => setCount(s, count), cancellationToken);
        }
    }
}
