using System.Globalization;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Markdown to safe HTML. Raw HTML is escaped by Markdig, and the sanitiser is a second wall in case
/// an extension ever emits something it should not. Not thread-safe; the loader renders on one thread.
/// </summary>
internal sealed class MarkdownRenderer
{
    // UseAdvancedExtensions minus the extensions that let an author inject markup or need script:
    // generic attributes ({onclick=...}), media links (iframes), mathematics and diagrams (blank without JS),
    // and custom containers (arbitrary class names that collide with the site's own CSS).
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAlertBlocks()
        .UseAbbreviations()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCitations()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>
    /// The images of the content being loaded. Null for text people write in the portal (a vacancy),
    /// whose images on this site are left as written.
    /// </summary>
    internal ContentMedia? Media { get; set; }

    public string ToHtml(string markdown) => ToHtml(markdown, 1, null);

    /// <param name="firstLine">The line of the file the text starts on, so a problem names its own line.</param>
    /// <param name="problemAt">Told of each image content may not show, with its line.</param>
    /// <param name="images">Collects the address of every image shown, for keeping a lesson on a phone.</param>
    internal string ToHtml(string markdown, int firstLine, Action<int, string>? problemAt, ICollection<string>? images = null)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        DropRemoteImages(document);
        if (Media is not null && problemAt is not null)
            SizeImages(document, Media, firstLine, problemAt, images);
        LoadImagesLazily(document);
        return Sanitise(Markdown.ToHtml(document, _pipeline));
    }

    /// <summary>
    /// Images from other sites become their alt text. The Content-Security-Policy would block them
    /// anyway (a broken image in a vacancy), and a remote image tells its owner who read the page
    /// and when. Images on the site itself stay.
    /// </summary>
    private static void DropRemoteImages(MarkdownDocument document)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage && IsRemote(l.Url)).ToList())
        {
            image.ReplaceBy(new LiteralInline(AltOf(image)), false);
        }
    }

    private static string AltOf(LinkInline image) => string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    /// <summary>
    /// Every image in content comes from content/media/, whose sizes the loader has read, and is
    /// given its width and height: the page keeps its space while it loads, so the text never jumps.
    /// Each needs alt text, since a screen reader, a failed download and a data saver all show only that.
    /// </summary>
    private static void SizeImages(MarkdownDocument document, ContentMedia media, int firstLine, Action<int, string> problemAt, ICollection<string>? images)
    {
        var prefix = ContentMedia.Folder + "/";
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var line = firstLine + image.Line;
            var written = image.Url ?? "";
            if (string.IsNullOrWhiteSpace(AltOf(image)))
                problemAt(line, $"the image '{written}' has no alt text: say what it shows between the brackets, as in ![A carer helping a man to stand](media/standing.jpg)");
            var path = written.TrimStart('/');
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.IndexOf('/', prefix.Length) >= 0)
            {
                problemAt(line, $"the image '{written}' is not in content/media/: put it there and write it as media/<file name>, so its size can be read and the page can keep its space");
                continue;
            }
            if (media.Find(Uri.UnescapeDataString(path[prefix.Length..])) is not { } found)
            {
                problemAt(line, $"there is no image '{path}' in content/media/");
                continue;
            }
            image.Url = found.Url;
            var attributes = image.GetAttributes();
            attributes.AddPropertyIfNotExist("width", found.Width.ToString(CultureInfo.InvariantCulture));
            attributes.AddPropertyIfNotExist("height", found.Height.ToString(CultureInfo.InvariantCulture));
            images?.Add(found.Url);
        }
    }

    /// <summary>
    /// A lesson is read on mobile data: an image below the fold is fetched only when it is scrolled to,
    /// and decoding it never holds up the text.
    /// </summary>
    private static void LoadImagesLazily(MarkdownDocument document)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var attributes = image.GetAttributes();
            attributes.AddPropertyIfNotExist("loading", "lazy");
            attributes.AddPropertyIfNotExist("decoding", "async");
        }
    }

    private static bool IsRemote(string? url) =>
        url is not null && (url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith(@"\\", StringComparison.Ordinal) || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !absolute.IsFile));

    internal string Sanitise(string html) => _sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Style attributes could hide or overlay parts of the page; the site's CSS styles content instead.
        sanitizer.AllowedAttributes.Remove("style");
        // A form in content could ask for a password and post it anywhere. Task lists still need <input>.
        foreach (var tag in (string[])["form", "button", "select", "option", "optgroup", "textarea", "datalist", "keygen"])
            sanitizer.AllowedTags.Remove(tag);
        // Heading anchors, footnote links, alert boxes and task lists need these.
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("loading");
        sanitizer.AllowedAttributes.Add("decoding");
        // Contact details in pages such as accessibility and privacy.
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer;
    }
}
