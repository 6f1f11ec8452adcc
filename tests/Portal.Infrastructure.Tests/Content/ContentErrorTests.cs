using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>Every error names the file and the line an author must go to.</summary>
public sealed class ContentErrorTests : IDisposable
{
    private readonly TempContent content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public void FileWithoutFrontMatterIsReportedOnLineOne()
    {
        content.Write("pages/about.md", "# About\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(("pages/about.md", 1), (error.File, error.Line));
        Assert.Contains("must start with front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedFrontMatterIsReportedOnLineOne()
    {
        content.Write("pages/about.md", "---\ntitle: About\nsummary: Why\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(("pages/about.md", 1), (error.File, error.Line));
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlSyntaxErrorIsReportedOnItsLineInTheFile()
    {
        content.Write("pages/about.md", "---\ntitle: About\nsummary: a: b\n---\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(("pages/about.md", 3), (error.File, error.Line));
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedBracketIsReportedOnTheLineThatOpensIt()
    {
        content.Write("pages/about.md", "---\ntitle: About\nsummary: [a, b\nupdated: 2026-11-23\n---\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(("pages/about.md", 3), (error.File, error.Line));
        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedKeyIsReportedOnItsSecondLine()
    {
        content.Write("pages/about.md", "---\ntitle: About\nsummary: Why\ntitle: Again\n---\n\nText.\n");

        Assert.Equal(4, content.SingleError().Line);
    }

    [Fact]
    public void MissingRequiredKeyIsReportedOnTheOpeningLine()
    {
        content.Write("pages/about.md", "---\ntitle: About\n---\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(("pages/about.md", 1), (error.File, error.Line));
        Assert.Equal("'summary' is missing", error.Message);
    }

    [Fact]
    public void EmptyRequiredValueIsReportedWithItsLine()
    {
        content.Write("pages/about.md", "---\ntitle: About\nsummary:\n---\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(3, error.Line);
        Assert.Equal("'summary' is empty", error.Message);
    }

    [Fact]
    public void WrongTypeIsReportedWithItsLine()
    {
        content.Write("pages/about.md", "---\nsummary: Why\ntitle:\n  - About\n  - Us\n---\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(4, error.Line);
        Assert.Equal("'title' must be text, not a list", error.Message);
    }

    [Fact]
    public void ValueTooLongIsReportedWithItsLine()
    {
        content.Write("pages/about.md", $"---\ntitle: {new string('a', 121)}\nsummary: Why\n---\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(2, error.Line);
        Assert.Equal("'title' is 121 characters long; the most allowed is 120", error.Message);
    }

    [Fact]
    public void LongestAllowedValuesAreAccepted()
    {
        content.Page("about", $"slug: {new string('a', 80)}\n")
            .Write("pages/b.md", $"---\ntitle: {new string('t', 120)}\nsummary: {new string('s', 300)}\n---\n\nText.\n");

        Assert.Equal(2, content.Load().Pages.Count);
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
        content.Page("about", $"updated: 2026-11-23\nslug: {slug}\n");

        var error = content.SingleError();

        Assert.Equal(("pages/about.md", 5), (error.File, error.Line));
        Assert.Contains("lower-case letters, digits and single hyphens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SlugLongerThanEightyCharactersIsReportedWithItsLine()
    {
        content.Page("about", $"slug: {new string('a', 81)}\n");

        var error = content.SingleError();

        Assert.Equal(4, error.Line);
        Assert.Contains("the most allowed is 80", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNameThatCannotBeASlugIsReported()
    {
        content.Page("About Us");

        var error = content.SingleError();

        Assert.Equal(("pages/About Us.md", 1), (error.File, error.Line));
        Assert.Contains("rename the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDateIsReportedWithItsLine()
    {
        content.Page("about", "updated: 23/11/2026\n");

        var error = content.SingleError();

        Assert.Equal(4, error.Line);
        Assert.Contains("yyyy-mm-dd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyIsReportedWithItsLine()
    {
        content.Page("about", "updated: 2026-11-23\ntitel: About\n");

        var error = content.SingleError();

        Assert.Equal(("pages/about.md", 5), (error.File, error.Line));
        Assert.Equal("unknown key 'titel'; the keys allowed here are: slug, title, summary, updated", error.Message);
    }

    [Fact]
    public void DuplicateSlugsNameBothFiles()
    {
        content.Page("about").Page("who-we-are", "slug: about\n");

        var error = content.SingleError();

        Assert.Equal(("pages/who-we-are.md", 4), (error.File, error.Line));
        Assert.Equal("the slug 'about' is already used by pages/about.md; each file in pages/ needs its own slug", error.Message);
    }

    [Fact]
    public void EmptyBodyIsReportedOnTheClosingLine()
    {
        content.Write("pages/about.md", "---\ntitle: About\nsummary: Why\n---\n\n   \n");

        var error = content.SingleError();

        Assert.Equal(("pages/about.md", 4), (error.File, error.Line));
        Assert.Contains("no text after the front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileInAFolderNoKindClaimsIsReported()
    {
        content.Page("about").Write("jobs/nurse.md", "---\ntitle: Nurse\n---\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(("jobs/nurse.md", 1), (error.File, error.Line));
        Assert.Equal("the folder 'jobs/' holds no kind of content; move the file into one of: pages/, careers/roles/, careers/programmes/, careers/routes/, learn/, competencies/, search/", error.Message);
    }

    [Fact]
    public void FileDirectlyInTheContentFolderIsReported()
    {
        content.Write("about.md", "---\ntitle: About\nsummary: Why\n---\n\nText.\n");

        var error = content.SingleError();

        Assert.Equal(("about.md", 1), (error.File, error.Line));
        Assert.Contains("content/ itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNotUtf8IsReported()
    {
        content.Page("about");
        File.WriteAllBytes(Path.Combine(content.Root, "pages", "about.md"), [.. "---\ntitle: Caf"u8, 0xE9, .. "\n---\n"u8]);

        Assert.Contains("not UTF-8", content.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowsLineEndingsDoNotShiftLineNumbers()
    {
        content.Write("pages/about.md", "---\r\ntitle: About\r\nsummary: Why\r\ncolour: red\r\n---\r\n\r\nText.\r\n");

        Assert.Equal(4, content.SingleError().Line);
    }

    [Fact]
    public void AllErrorsAreCollectedAcrossSeveralFiles()
    {
        content.Page("good")
            .Write("pages/no-title.md", "---\nsummary: Why\n---\n\nText.\n")
            .Write("pages/two-problems.md", "---\ntitle: T\nsummary: S\nupdated: soon\nauthor: me\n---\n\nText.\n")
            .Write("pages/broken.md", "no front matter\n")
            .Write("news/today.md", "---\n---\n");

        var errors = content.Errors();

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
        content.Write("pages/a.md", "---\nsummary: Why\n---\n\nText.\n").Write("pages/b.md", "Text.\n");

        var exception = Assert.Throws<ContentValidationException>(content.Load);

        Assert.Equal(
            [
                "content/ has 2 errors:",
                "pages/a.md:1: 'title' is missing",
                "pages/b.md:1: the file must start with front matter: a '---' line, 'key: value' lines, then another '---' line",
            ],
            exception.Message.Split('\n'));
    }
}
