using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Content;

/// <summary>
/// The everyday words people search with and the words job adverts use for the same thing
/// ("carer" for care worker, "HCA" for healthcare assistant), from content/search/. A word or
/// phrase typed into the job search matches a job holding it or any of its alternatives.
/// </summary>
public sealed class SearchWords
{
    /// <summary>Longest phrase, in words, that a line may start with.</summary>
    public const int MaxPhraseWords = 3;

    private readonly Dictionary<string, IReadOnlyList<string[]>> _alternatives;

    public SearchWords(IEnumerable<(string Phrase, IEnumerable<string> Alternatives)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _alternatives = new(StringComparer.Ordinal);
        foreach (var (phrase, alternatives) in entries)
            _alternatives[Key(Words.Of(phrase))] = [.. alternatives.Select(a => Words.Of(a)).Where(a => a.Length > 0)];
    }

    public static SearchWords None { get; } = new([]);

    public int Count => _alternatives.Count;

    /// <summary>
    /// The search split into terms, each a list of ways to match it (a way is words that must all
    /// start words of the job). The longest known phrase at each point wins: "part time" before "part".
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string[]>> Terms(string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var terms = new List<IReadOnlyList<string[]>>();
        for (var i = 0; i < words.Length;)
        {
            var taken = 1;
            IReadOnlyList<string[]> ways = [[words[i]]];
            for (var length = Math.Min(MaxPhraseWords, words.Length - i); length >= 1; length--)
            {
                var phrase = words[i..(i + length)];
                if (_alternatives.TryGetValue(Key(phrase), out var alternatives))
                {
                    (taken, ways) = (length, [phrase, .. alternatives]);
                    break;
                }
            }
            terms.Add(ways);
            i += taken;
        }
        return terms;
    }

    private static string Key(IEnumerable<string> words) => string.Join(' ', words);
}
