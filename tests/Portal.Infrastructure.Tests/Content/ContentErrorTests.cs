using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>Every error names the file and the line an author must go to.</summary>
public sealed class ContentErrorTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void FileWithoutFrontMatterIsReportedOnLineOne()
    {
        _content.Write("pages/about.md", "# About\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(("pages/about.md", 1), (error.File, error.Line));
        Assert.Contains("must start with front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedFrontMatterIsReportedOnLineOne()
    {
        _content.Write("pages/about.md", "---\ntitle: About\nsummary: Why\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(("pages/about.md", 1), (error.File, error.Line));
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlSyntaxErrorIsReportedOnItsLineInTheFile()
    {
        _content.Write("pages/about.md", "---\ntitle: About\nsummary: a: b\n---\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(("pages/about.md", 3), (error.File, error.Line));
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedBracketIsReportedOnTheLineThatOpensIt()
    {
        _content.Write("pages/about.md", "---\ntitle: About\nsummary: [a, b\nupdated: 2026-11-23\n---\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(("pages/about.md", 3), (error.File, error.Line));
        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedKeyIsReportedOnItsSecondLine()
    {
        _content.Write("pages/about.md", "---\ntitle: About\nsummary: Why\ntitle: Again\n---\n\nText.\n");

        Assert.Equal(4, _content.SingleError().Line);
    }

    [Fact]
    public void MissingRequiredKeyIsReportedOnTheOpeningLine()
    {
        _content.Write("pages/about.md", "---\ntitle: About\n---\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(("pages/about.md", 1), (error.File, error.Line));
        Assert.Equal("'summary' is missing", error.Message);
    }

    [Fact]
    public void EmptyRequiredValueIsReportedWithItsLine()
    {
        _content.Write("pages/about.md", "---\ntitle: About\nsummary:\n---\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(3, error.Line);
        Assert.Equal("'summary' is empty", error.Message);
    }

    [Fact]
    public void WrongTypeIsReportedWithItsLine()
    {
        _content.Write("pages/about.md", "---\nsummary: Why\ntitle:\n  - About\n  - Us\n---\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(4, error.Line);
        Assert.Equal("'title' must be text, not a list", error.Message);
    }

    [Fact]
    public void ValueTooLongIsReportedWithItsLine()
    {
        _content.Write("pages/about.md", $"---\ntitle: {new string('a', 121)}\nsummary: Why\n---\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(2, error.Line);
        Assert.Equal("'title' is 121 characters long; the most allowed is 120", error.Message);
    }

    [Fact]
    public void LongestAllowedValuesAreAccepted()
    {
        _content.Page("about", $"slug: {new string('a', 80)}\n")
            .Write("pages/b.md", $"---\ntitle: {new string('t', 120)}\nsummary: {new string('s', 300)}\n---\n\nText.\n");

        Assert.Equal(2, _content.Load().Pages.Count);
    }

    [Theory]
    [InlineData("About-Us")]
    [InlineData("first--aid")]
    [InlineData("-first-aid")]
    [InlineData("first-aid-")]
    [InlineData("first_aid")]
    [InlineData("first aid")]
    [InlineData("'a/b'")]
    public void BadSlugIsReportedWithItsLine(string slug)
    {
        _content.Page("about", $"updated: 2026-11-23\nslug: {slug}\n");

        var error = _content.SingleError();

        Assert.Equal(("pages/about.md", 5), (error.File, error.Line));
        Assert.Contains("lower-case letters, digits and single hyphens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SlugLongerThanEightyCharactersIsReportedWithItsLine()
    {
        _content.Page("about", $"slug: {new string('a', 81)}\n");

        var error = _content.SingleError();

        Assert.Equal(4, error.Line);
        Assert.Contains("the most allowed is 80", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNameThatCannotBeASlugIsReported()
    {
        _content.Page("About Us");

        var error = _content.SingleError();

        Assert.Equal(("pages/About Us.md", 1), (error.File, error.Line));
        Assert.Contains("rename the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDateIsReportedWithItsLine()
    {
        _content.Page("about", "updated: 23/11/2026\n");

        var error = _content.SingleError();

        Assert.Equal(4, error.Line);
        Assert.Contains("yyyy-mm-dd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyIsReportedWithItsLine()
    {
        _content.Page("about", "updated: 2026-11-23\ntitel: About\n");

        var error = _content.SingleError();

        Assert.Equal(("pages/about.md", 5), (error.File, error.Line));
        Assert.Equal("unknown key 'titel'; the keys allowed here are: slug, title, summary, updated", error.Message);
    }

    [Fact]
    public void DuplicateSlugsNameBothFiles()
    {
        _content.Page("about").Page("who-we-are", "slug: about\n");

        var error = _content.SingleError();

        Assert.Equal(("pages/who-we-are.md", 4), (error.File, error.Line));
        Assert.Equal("the slug 'about' is already used by pages/about.md; each file in pages/ needs its own slug", error.Message);
    }

    [Fact]
    public void EmptyBodyIsReportedOnTheClosingLine()
    {
        _content.Write("pages/about.md", "---\ntitle: About\nsummary: Why\n---\n\n   \n");

        var error = _content.SingleError();

        Assert.Equal(("pages/about.md", 4), (error.File, error.Line));
        Assert.Contains("no text after the front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileInAFolderNoKindClaimsIsReported()
    {
        _content.Page("about").Write("jobs/nurse.md", "---\ntitle: Nurse\n---\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(("jobs/nurse.md", 1), (error.File, error.Line));
        Assert.Equal("the folder 'jobs/' holds no kind of content; move the file into one of: pages/, careers/roles/, careers/programmes/, careers/routes/, learn/, competencies/, search/", error.Message);
    }

    [Fact]
    public void FileDirectlyInTheContentFolderIsReported()
    {
        _content.Write("about.md", "---\ntitle: About\nsummary: Why\n---\n\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(("about.md", 1), (error.File, error.Line));
        Assert.Contains("content/ itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNotUtf8IsReported()
    {
        _content.Page("about");
        File.WriteAllBytes(Path.Combine(_content.Root, "pages", "about.md"), [.. "---\ntitle: Caf"u8, 0xE9, .. "\n---\n"u8]);

        Assert.Contains("not UTF-8", _content.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowsLineEndingsDoNotShiftLineNumbers()
    {
        _content.Write("pages/about.md", "---\r\ntitle: About\r\nsummary: Why\r\ncolour: red\r\n---\r\n\r\nText.\r\n");

        Assert.Equal(4, _content.SingleError().Line);
    }

    [Fact]
    public void AllErrorsAreCollectedAcrossSeveralFiles()
    {
        _content.Page("good")
            .Write("pages/no-title.md", "---\nsummary: Why\n---\n\nText.\n")
            .Write("pages/two-problems.md", "---\ntitle: T\nsummary: S\nupdated: soon\nauthor: me\n---\n\nText.\n")
            .Write("pages/broken.md", "no front matter\n")
            .Write("news/today.md", "---\n---\n");

        var errors = _content.Errors();

        Assert.Equal(
            [
                "news/today.md:1",
                "pages/broken.md:1",
                "pages/no-title.md:1",
                "pages/two-problems.md:4",
                "pages/two-problems.md:5",
            ],
            errors.Select(e => $"{e.File}:{e.Line}"));
    }

    [Fact]
    public void ErrorReadsAsFileLineAndMessage()
    {
        Assert.Equal("pages/about.md:3: 'title' is empty", new ContentError("pages/about.md", 3, "'title' is empty").ToString());
    }

    [Fact]
    public void ExceptionMessageCountsTheErrorsThenListsOnePerLine()
    {
        _content.Write("pages/a.md", "---\nsummary: Why\n---\n\nText.\n").Write("pages/b.md", "Text.\n");

        var exception = Assert.Throws<ContentValidationException>(_content.Load);

        Assert.Equal(
            [
                "content/ has 2 errors:",
                "pages/a.md:1: 'title' is missing",
                "pages/b.md:1: the file must start with front matter: a '---' line, 'key: value' lines, then another '---' line",
            ],
            exception.Message.Split('\n'));
    }
}
