using System.Text;

namespace Portal.Infrastructure.Tests.Content;

public sealed class ContentLoaderTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void PageIsLoadedWithEveryField()
    {
        _content.Write("pages/first-aid.md", "---\ntitle: First aid\nsummary: What to do first.\nupdated: 2026-11-23\n---\n\nStay **calm**.\n");

        var page = _content.Load().Pages["first-aid"];

        Assert.Equal("first-aid", page.Slug);
        Assert.Equal("First aid", page.Title);
        Assert.Equal("What to do first.", page.Summary);
        Assert.Equal(new DateOnly(2026, 11, 23), page.Updated);
        Assert.Equal("<p>Stay <strong>calm</strong>.</p>", page.Html.Trim());
        Assert.Equal("pages/first-aid.md", page.SourceFile);
        Assert.Matches("^[0-9a-f]{16}$", page.Version);
    }

    [Fact]
    public void SlugInFrontMatterReplacesTheFileName()
    {
        _content.Page("old-name", "slug: new-name\n");

        Assert.Equal(["new-name"], _content.Load().Pages.Keys);
    }

    [Fact]
    public void UpdatedDateIsOptional()
    {
        _content.Page("about");

        Assert.Null(_content.Load().Pages["about"].Updated);
    }

    [Fact]
    public void PagesInSubfoldersBelongToPages()
    {
        _content.Page("help/contact");

        Assert.Equal("pages/help/contact.md", _content.Load().Pages["contact"].SourceFile);
    }

    [Fact]
    public void ReadmeFilesAreGuidesAndAreSkipped()
    {
        _content.Page("about").Write("README.md", "# Guide\n").Write("pages/README.md", "# Pages guide\n");

        Assert.Equal(["about"], _content.Load().Pages.Keys);
    }

    [Fact]
    public void FileWithWindowsLineEndingsAndAByteOrderMarkLoads()
    {
        File.WriteAllText(
            Path.Combine(Directory.CreateDirectory(Path.Combine(_content.Root, "pages")).FullName, "about.md"),
            "---\r\ntitle: About\r\nsummary: Why\r\n---\r\n\r\nText.\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("About", _content.Load().Pages["about"].Title);
    }

    [Fact]
    public void FoldedMultiLineSummaryIsReadAsOneLine()
    {
        _content.Write("pages/about.md", "---\ntitle: About\nsummary: >\n  One line\n  and more.\n---\n\nText.\n");

        Assert.Equal("One line and more.", _content.Load().Pages["about"].Summary);
    }
}
