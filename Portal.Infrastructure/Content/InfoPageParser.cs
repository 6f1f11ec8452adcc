namespace Portal.Infrastructure.Content;

internal sealed class InfoPageParser(MarkdownRenderer markdown) : ContentParser<InfoPage>("pages")
{
    protected override InfoPage Parse(ContentDocument document, string slug)
    {
        var frontMatter = document.FrontMatter;
        return new InfoPage(
            Slug: slug,
            Title: frontMatter.RequiredString("title", maxLength: 120),
            Summary: frontMatter.RequiredString("summary", maxLength: 300),
            Updated: frontMatter.OptionalDate("updated"),
            Html: markdown.ToHtml(document.Body),
            Version: document.Version,
            SourceFile: document.File);
    }
}
