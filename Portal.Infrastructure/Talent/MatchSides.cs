namespace Portal.Infrastructure.Talent;

/// <summary>
/// A pair is stored once, saying for which side it was kept: among the person's best vacancies,
/// among the vacancy's best people, or both. Every way of matching merges its two lists here.
/// </summary>
internal static class MatchSides
{
    /// <summary>The kept indexes of both lists as one, each once with its sides, in index order or <paramref name="order"/>.</summary>
    public static List<(int Index, bool ForPerson, bool ForVacancy)> Merge(ReadOnlySpan<int> forPerson, ReadOnlySpan<int> forVacancy, IComparer<int>? order = null)
    {
        var chosen = new SortedDictionary<int, (bool ForPerson, bool ForVacancy)>(order ?? Comparer<int>.Default);
        foreach (var index in forPerson)
            chosen[index] = (true, false);
        foreach (var index in forVacancy)
            chosen[index] = (chosen.ContainsKey(index), true);
        return [.. chosen.Select(c => (c.Key, c.Value.ForPerson, c.Value.ForVacancy))];
    }
}
