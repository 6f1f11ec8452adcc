using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Talent;

/// <summary>An immutable view of the index, safe for any number of searches at once.</summary>
public sealed class JobSnapshot
{
    private readonly string[] _vocabulary;
    private readonly int[][] _inTitle;
    private readonly int[][] _inDescription;

    private JobSnapshot(JobDocument[] documents, string[] vocabulary, int[][] inTitle, int[][] inDescription)
    {
        Documents = documents;
        _vocabulary = vocabulary;
        _inTitle = inTitle;
        _inDescription = inDescription;
    }

    public IReadOnlyList<JobDocument> Documents { get; }

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
    /// Scores every document against the keyword: each word of the keyword must begin a word of the
    /// title or description; a word in the title counts 2, in the description 1. Zero means no match.
    /// Null when there is no keyword (everything matches equally).
    /// </summary>
    public int[]? Score(string? keyword)
    {
        var words = Words.Of(keyword);
        if (words.Length == 0)
            return null;
        var score = new int[Documents.Count];
        var matched = new int[Documents.Count];
        var title = new bool[Documents.Count];
        var description = new bool[Documents.Count];
        for (var w = 0; w < words.Length; w++)
        {
            Array.Clear(title);
            Array.Clear(description);
            // Every vocabulary word starting with this one: a contiguous run in the sorted vocabulary.
            var start = Array.BinarySearch(_vocabulary, words[w], StringComparer.Ordinal);
            if (start < 0)
                start = ~start;
            for (var v = start; v < _vocabulary.Length && _vocabulary[v].StartsWith(words[w], StringComparison.Ordinal); v++)
            {
                foreach (var d in _inTitle[v])
                    title[d] = true;
                foreach (var d in _inDescription[v])
                    description[d] = true;
            }
            for (var d = 0; d < score.Length; d++)
            {
                if (matched[d] != w || !(title[d] || description[d]))
                    continue;
                matched[d] = w + 1;
                score[d] += (title[d] ? 2 : 0) + (description[d] ? 1 : 0);
            }
        }
        for (var d = 0; d < score.Length; d++)
        {
            if (matched[d] != words.Length)
                score[d] = 0;
        }
        return score;
    }
}
