namespace Portal.Infrastructure.Insight;

/// <summary>
/// Counts by month, scope, figure, dimension and category, for a rollup that counts many of them
/// (the pipeline's full run: 724,885 on the city of the load tests). Each scope and each text is
/// numbered once and a count is keyed by five whole numbers: keyed by the Guid and strings
/// themselves the counts took 89 MB, and the rows made from them 66 MB more while they waited for
/// the write. <see cref="Settle"/> takes out what is stored already, and <see cref="Rows{T}"/> hands
/// the rest over as a list that makes each row when it is read.
/// </summary>
internal sealed class FigureCounts
{
    private readonly Dictionary<Guid, int> _scopeNumbers = [];
    private readonly List<Guid> _scopes = [];
    private readonly Dictionary<string, int> _textNumbers = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];
    private readonly Dictionary<(int Month, int Scope, int Figure, int Dimension, int Category), int> _counts = [];

    public void Add(DateOnly month, Guid scope, string figure, string dimension, string category, int count = 1)
    {
        var key = (MonthNumber(month), Number(_scopeNumbers, _scopes, scope), Number(_textNumbers, _texts, figure),
            Number(_textNumbers, _texts, dimension), Number(_textNumbers, _texts, category));
        _counts[key] = _counts.GetValueOrDefault(key) + count;
    }

    /// <summary>
    /// Sets a row already stored against the counts, so that only what differs is written: the same
    /// count needs nothing (and is no longer a row to insert); another count, <paramref name="count"/>,
    /// an update; a row with no count here, a delete.
    /// </summary>
    public StoredRow Settle(DateOnly month, Guid scope, string figure, string dimension, string category, int stored, out int count)
    {
        count = 0;
        if (!_scopeNumbers.TryGetValue(scope, out var scopeNumber) || !_textNumbers.TryGetValue(figure, out var figureNumber)
            || !_textNumbers.TryGetValue(dimension, out var dimensionNumber) || !_textNumbers.TryGetValue(category, out var categoryNumber)
            || !_counts.Remove((MonthNumber(month), scopeNumber, figureNumber, dimensionNumber, categoryNumber), out count))
            return StoredRow.Delete;
        return count == stored ? StoredRow.Same : StoredRow.Update;
    }

    /// <summary>
    /// The counts as rows, each made by <paramref name="make"/> (month, scope, figure, dimension,
    /// category, count) when it is read; the list keeps only the numbers, not these counts.
    /// </summary>
    public IReadOnlyList<T> Rows<T>(Func<DateOnly, Guid, string, string, string, int, T> make)
    {
        var counts = _counts.ToArray();
        var scopes = _scopes.ToArray();
        var texts = _texts.ToArray();
        return new MadeOnRead<T>(counts.Length, i =>
        {
            var ((month, scope, figure, dimension, category), count) = counts[i];
            return make(new DateOnly(month / MonthsAYear, month % MonthsAYear + 1, 1), scopes[scope], texts[figure], texts[dimension], texts[category], count);
        });
    }

    private const int MonthsAYear = 12;

    private static int MonthNumber(DateOnly month) => month.Year * MonthsAYear + month.Month - 1;

    private static int Number<TValue>(Dictionary<TValue, int> numbers, List<TValue> values, TValue value) where TValue : notnull
    {
        if (!numbers.TryGetValue(value, out var number))
        {
            numbers.Add(value, number = values.Count);
            values.Add(value);
        }
        return number;
    }

    public enum StoredRow
    {
        Same,
        Update,
        Delete,
    }

    private sealed class MadeOnRead<T>(int count, Func<int, T> make) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] => (uint)index < (uint)count ? make(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
                yield return make(i);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
