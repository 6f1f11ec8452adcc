using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Reads content/search/: each body line "- word or phrase: alternative, alternative" adds a line
/// to <see cref="SearchWords"/>; any other non-blank body line is prose for authors. A malformed or
/// repeated line is an error naming its file and line, like any other content.
/// </summary>
internal static class SearchWordsParser
{
    public const string FolderName = "search";

    public static SearchWords ParseAll(IEnumerable<ContentDocument> documents, List<ContentError> errors)
    {
        var entries = new List<(string Phrase, IEnumerable<string> Alternatives)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            document.FrontMatter.RequiredString("title", maxLength: 120);
            document.FrontMatter.ReportUnknownKeys();
            var lines = document.Body.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].Trim();
                if (!text.StartsWith("- ", StringComparison.Ordinal))
                    continue;
                var line = document.BodyLine + i;
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var phrase = colon < 0 ? "" : string.Join(' ', Words.Of(text[2..colon]));
                var alternatives = colon < 0 ? [] : text[(colon + 1)..].Split(',').Select(a => string.Join(' ', Words.Of(a))).Where(a => a.Length > 0).ToList();
                if (colon < 0 || phrase.Length == 0 || alternatives.Count == 0)
                    errors.Add(new(document.File, line, "write each line as '- word or phrase: alternative, alternative', like '- carer: care worker, support worker'"));
                else if (phrase.Split(' ').Length > SearchWords.MaxPhraseWords)
                    errors.Add(new(document.File, line, $"'{phrase}' is more than {SearchWords.MaxPhraseWords} words; use a shorter phrase"));
                else if (seen.TryGetValue(phrase, out var first))
                    errors.Add(new(document.File, line, $"'{phrase}' is already listed at {first}; put all its alternatives on one line"));
                else
                {
                    seen[phrase] = $"{document.File}:{line}";
                    entries.Add((phrase, alternatives));
                }
            }
        }
        return new SearchWords(entries);
    }
}
