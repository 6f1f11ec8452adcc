namespace Portal.Infrastructure.Talent;

/// <summary>Splits text into lower-case words of letters and digits; "Care-worker's" is "care", "worker", "s".</summary>
public static class Words
{
    public static string[] Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return [.. words.Distinct(StringComparer.Ordinal)];
    }
}
