namespace Portal.Infrastructure.Content;

/// <summary>
/// When the facts in a file were last checked, and against what. Roles, programmes, routes, modules
/// and competencies all carry one, because people choose a career, a course and a job on what they say.
/// </summary>
/// <param name="Reviewed">The day someone last checked every fact in the file against <paramref name="Sources"/>.</param>
/// <param name="Sources">One or more, in the order the author listed them.</param>
public sealed record Provenance(DateOnly Reviewed, IReadOnlyList<ContentSource> Sources)
{
    /// <summary>Pay, funding rules and standards change at least once a year, so a check older than this is out of date.</summary>
    public const int FreshForMonths = 12;

    /// <summary>The line of 'reviewed' in its file, for the warning when it goes stale.</summary>
    public int ReviewedLine { get; init; }

    /// <summary>True once more than <see cref="FreshForMonths"/> months have passed since <see cref="Reviewed"/>.</summary>
    public bool IsStaleOn(DateOnly today) => Reviewed.AddMonths(FreshForMonths) < today;

    /// <summary>Reads 'reviewed' and 'sources', reporting each problem on its line.</summary>
    internal static Provenance Read(FrontMatterReader frontMatter)
    {
        const string ReviewedHint = "give the day you last checked this file's facts against its sources, like 'reviewed: 2026-12-05'";
        const string SourcesHint = "list one or more sources for this file's facts, each with a 'title' and a 'url'";
        if (!frontMatter.Has("reviewed"))
            frontMatter.Error("reviewed", $"'reviewed' is missing: {ReviewedHint}");
        else if (frontMatter.IsBlank("reviewed"))
            frontMatter.Error("reviewed", $"'reviewed' is empty: {ReviewedHint}");
        var reviewed = frontMatter.OptionalDate("reviewed");

        if (!frontMatter.Has("sources"))
            frontMatter.Error("sources", $"'sources' is missing: {SourcesHint}");
        else if (frontMatter.IsBlank("sources"))
            frontMatter.Error("sources", $"'sources' is empty: {SourcesHint}");
        var readers = frontMatter.MappingList("sources");

        var sources = new List<ContentSource>();
        foreach (var reader in readers)
        {
            var title = reader.RequiredString("title", maxLength: 200);
            var url = reader.RequiredString("url", maxLength: 500);
            if (url.Length == 0)
                continue;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                reader.Error("url", $"'url' must be a full web address starting with https://, not '{url}'");
            else if (title.Length > 0)
                sources.Add(new ContentSource(title, uri));
        }
        return new Provenance(reviewed ?? DateOnly.MinValue, sources) { ReviewedLine = frontMatter.LineOf("reviewed") };
    }
}
