using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Talent;

/// <summary>An immutable view of the index, safe for any number of searches at once.</summary>
public sealed class JobSnapshot
{
    private readonly string[] _vocabulary;
    private readonly int[][] _inTitle;
    private readonly int[][] _inDescription;

    private readonly Dictionary<string, int[]> _byCareerRole;

    private static long _lastVersion;

    private JobSnapshot(JobDocument[] documents, string[] vocabulary, int[][] inTitle, int[][] inDescription)
    {
        Documents = documents;
        _byCareerRole = Enumerable.Range(0, documents.Length).GroupBy(i => documents[i].CareerRole, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _vocabulary = vocabulary;
        _inTitle = inTitle;
        _inDescription = inDescription;
    }

    public IReadOnlyList<JobDocument> Documents { get; }

    /// <summary>
    /// Different for every snapshot this process builds, and larger for a later one: what a page
    /// rendered from a search can be cached against (the index builds a new snapshot only when a
    /// vacancy changed).
    /// </summary>
    public long Version { get; } = Interlocked.Increment(ref _lastVersion);

    /// <summary>
    /// The documents a search for this career role can find, in document order (every document when
    /// none is given): a role page asks for one role's vacancies on every visit, and need not look at the rest.
    /// </summary>
    public IReadOnlyList<int> WithCareerRole(string? careerRole) =>
        string.IsNullOrWhiteSpace(careerRole) ? new AllDocuments(Documents.Count)
        : _byCareerRole.TryGetValue(careerRole, out var found) ? found : [];

    private sealed class AllDocuments(int count) : IReadOnlyList<int>
    {
        public int this[int index] => index;

        public int Count => count;

        public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public static JobSnapshot Build(IEnumerable<JobDocument> source)
    {
        var documents = source.OrderBy(d => d.Id).ToArray();
        var title = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var description = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Length; i++)
        {
            Add(title, documents[i].TitleWords, i);
            Add(description, documents[i].DescriptionWords, i);
        }
        var vocabulary = title.Keys.Union(description.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new JobSnapshot(documents, vocabulary,
            [.. vocabulary.Select(w => title.TryGetValue(w, out var list) ? list.ToArray() : [])],
            [.. vocabulary.Select(w => description.TryGetValue(w, out var list) ? list.ToArray() : [])]);

        static void Add(SortedDictionary<string, List<int>> index, string[] words, int document)
        {
            foreach (var word in words)
            {
                if (!index.TryGetValue(word, out var list))
                    index[word] = list = [];
                if (list.Count == 0 || list[^1] != document)
                    list.Add(document);
            }
        }
    }

    /// <summary>
    /// Scores every document against the keyword: each term of the keyword (a word, or a phrase
    /// <paramref name="searchWords"/> knows, with its alternatives) must be matched, a way of matching
    /// being words that each begin a word of the title or description; a term found in the title
    /// counts 2, in the description 1. Zero means no match. Null when there is no keyword (everything
    /// matches equally).
    /// </summary>
    public int[]? Score(string? keyword, SearchWords? searchWords = null)
    {
        var words = Words.Of(keyword);
        if (words.Length == 0)
            return null;
        var terms = (searchWords ?? SearchWords.None).Terms(words);
        var score = new int[Documents.Count];
        var matched = new int[Documents.Count];
        var termTitle = new bool[Documents.Count];
        var termDescription = new bool[Documents.Count];
        var termAny = new bool[Documents.Count];
        var wayTitle = new bool[Documents.Count];
        var wayDescription = new bool[Documents.Count];
        var wayAny = new bool[Documents.Count];
        var wordTitle = new bool[Documents.Count];
        var wordDescription = new bool[Documents.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            Array.Clear(termTitle);
            Array.Clear(termDescription);
            Array.Clear(termAny);
            foreach (var way in terms[t])
            {
                Array.Fill(wayTitle, true);
                Array.Fill(wayDescription, true);
                Array.Fill(wayAny, true);
                foreach (var word in way)
                {
                    Mark(word, wordTitle, wordDescription);
                    for (var d = 0; d < score.Length; d++)
                    {
                        wayTitle[d] &= wordTitle[d];
                        wayDescription[d] &= wordDescription[d];
                        wayAny[d] &= wordTitle[d] || wordDescription[d];
                    }
                }
                for (var d = 0; d < score.Length; d++)
                {
                    termTitle[d] |= wayTitle[d];
                    termDescription[d] |= wayDescription[d];
                    termAny[d] |= wayAny[d];
                }
            }
            for (var d = 0; d < score.Length; d++)
            {
                if (matched[d] != t || !termAny[d])
                    continue;
                matched[d] = t + 1;
                // A phrase split between title and description counts as the description's.
                score[d] += (termTitle[d] ? 2 : 0) + (termDescription[d] || !termTitle[d] ? 1 : 0);
            }
        }
        for (var d = 0; d < score.Length; d++)
        {
            if (matched[d] != terms.Count)
                score[d] = 0;
        }
        return score;
    }

    /// <summary>Marks the documents with a title word, and those with a description word, starting with <paramref name="word"/>.</summary>
    private void Mark(string word, bool[] title, bool[] description)
    {
        Array.Clear(title);
        Array.Clear(description);
        // Every vocabulary word starting with this one: a contiguous run in the sorted vocabulary.
        var start = Array.BinarySearch(_vocabulary, word, StringComparer.Ordinal);
        if (start < 0)
            start = ~start;
        for (var v = start; v < _vocabulary.Length && _vocabulary[v].StartsWith(word, StringComparison.Ordinal); v++)
        {
            foreach (var d in _inTitle[v])
                title[d] = true;
            foreach (var d in _inDescription[v])
                description[d] = true;
        }
    }
}
