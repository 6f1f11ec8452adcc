namespace Portal.Infrastructure.Insight;

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
}
