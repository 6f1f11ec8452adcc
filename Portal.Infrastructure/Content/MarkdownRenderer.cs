using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

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

    public string ToHtml(string markdown) => Sanitise(Markdown.ToHtml(markdown, _pipeline));

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
        // Contact details in pages such as accessibility and privacy.
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer;
    }
}
