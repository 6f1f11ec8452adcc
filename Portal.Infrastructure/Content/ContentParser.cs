using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Portal.Infrastructure.Content;

/// <summary>
/// One kind of content, claimed by its top-level folder under content/. The base does what every kind
/// shares: slugs, unique slugs and unknown keys. A kind reads its own keys in <see cref="Parse"/> and
/// may add rules that span its own files in <see cref="CheckAcrossFiles"/>; rules that span kinds
/// (a route naming roles) belong in <see cref="ContentLoader"/>, once every kind is parsed.
/// </summary>
internal abstract partial class ContentParser<T>(string folder) where T : class
{
    private const int MaxSlugLength = 80;

    public string Folder { get; } = folder;

    public FrozenDictionary<string, T> ParseAll(IEnumerable<ContentDocument> documents, List<ContentError> errors)
    {
        var bySlug = new Dictionary<string, (T Item, ContentDocument Document)>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var slug = Slug(document, errors);
            var item = Parse(document, slug ?? document.Name);
            document.FrontMatter.ReportUnknownKeys();
            if (item is null || slug is null)
                continue;
            if (bySlug.TryGetValue(slug, out var first))
                document.FrontMatter.Error("slug", $"the slug '{slug}' is already used by {first.Document.File}; each file in {Folder}/ needs its own slug");
            else
                bySlug.Add(slug, (item, document));
        }
        CheckAcrossFiles([.. bySlug.Values], errors);
        return bySlug.ToFrozenDictionary(entry => entry.Key, entry => entry.Value.Item, StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads one file. Read every key the kind allows, whatever the values, because keys left unread
    /// are reported as unknown. Return null only when the item cannot be built at all.
    /// </summary>
    protected abstract T? Parse(ContentDocument document, string slug);

    protected virtual void CheckAcrossFiles(IReadOnlyList<(T Item, ContentDocument Document)> items, List<ContentError> errors)
    {
    }

    // A slug becomes part of a URL and of learners' records, so it is kept to a form that never needs escaping.
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private static string? Slug(ContentDocument document, List<ContentError> errors)
    {
        const string Rule = "lower-case letters, digits and single hyphens between them, like 'first-aid'";
        var frontMatter = document.FrontMatter;
        if (frontMatter.OptionalString("slug", MaxSlugLength) is { } slug)
        {
            if (SlugPattern().IsMatch(slug))
                return slug.Length <= MaxSlugLength ? slug : null;
            frontMatter.Error("slug", $"the slug '{slug}' must use only {Rule}");
            return null;
        }
        if (document.Name.Length <= MaxSlugLength && SlugPattern().IsMatch(document.Name))
            return document.Name;
        errors.Add(new(document.File, 1,
            $"the file name '{document.Name}' cannot be a slug: rename the file using only {Rule} (at most {MaxSlugLength} characters), or set 'slug'"));
        return null;
    }
}
