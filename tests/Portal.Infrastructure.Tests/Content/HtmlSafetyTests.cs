using AngleSharp.Html.Parser;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>Page HTML is written out as it is, so nothing an author types may run in a reader's browser.</summary>
public sealed class HtmlSafetyTests
{
    private static readonly string[] ForbiddenElements = ["script", "iframe", "object", "embed", "style", "form"];

    private readonly MarkdownRenderer _markdown = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hello <script>alert(1)</script> there")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">x</a>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x]( javascript:alert(1) )")]
    [InlineData("[x][1]\n\n[1]: javascript:alert(1)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("Text{onclick=\"alert(1)\"}")]
    [InlineData("# Heading {#top onclick=\"alert(1)\" style=\"display:none\"}")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    [InlineData("![video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)")]
    [InlineData("<div style=\"position:fixed;inset:0\">x</div>")]
    [InlineData("| a |\n|:-:|\n| b |")]
    [InlineData("```mermaid\ngraph TD; A-->B\n```")]
    public void NothingThatCouldRunOrRestyleThePageReachesTheHtml(string source)
    {
        AssertNothingCanRun(_markdown.ToHtml(source));
    }

    [Theory]
    [InlineData("![Our team on a visit](https://tracker.example/pixel.png)")]
    [InlineData("![Our team on a visit](//tracker.example/pixel.png)")]
    [InlineData("![Our team on a visit][logo]\n\n[logo]: http://tracker.example/logo.png")]
    public void AVacancyDropsImagesFromOtherSitesAndKeepsTheirWords(string markdown)
    {
        var html = Portal.Infrastructure.Talent.VacancyService.DescriptionHtml("Join us.\n\n" + markdown);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", html, StringComparison.Ordinal);
        Assert.Contains("Our team on a visit", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ImagesOnTheSiteItselfStay() =>
        Assert.Contains("src=\"/img/team.png\"", _markdown.ToHtml("![Our team](/img/team.png)"), StringComparison.Ordinal);

    [Fact]
    public void ImagesLoadOnlyWhenScrolledTo()
    {
        var html = _markdown.ToHtml("![A hoist in use](/img/hoist.png)");

        Assert.Contains("loading=\"lazy\"", html, StringComparison.Ordinal);
        Assert.Contains("decoding=\"async\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SanitiserStopsWhatMarkdownShouldNeverHaveEmitted()
    {
        var html = _markdown.Sanitise("""
            <h2 id="a" class="b" style="display:none" onmouseover="alert(1)">Hi</h2>
            <script>alert(1)</script><iframe src="https://example.com"></iframe>
            <form action="https://example.com"><button>Go</button></form>
            <a href="javascript:alert(1)">x</a><a href="mailto:help@example.org">mail</a>
            """);

        AssertNothingCanRun(html);
        Assert.Contains("<h2 id=\"a\" class=\"b\">Hi</h2>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:help@example.org\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ScriptInAPageNeverReachesItsHtml()
    {
        using var content = new TempContent();
        content.Page("about", body: "Hi <script>alert(1)</script> and [click](javascript:alert(1)){onclick=\"alert(2)\"}");

        var html = content.Load().Pages["about"].Html;

        AssertNothingCanRun(html);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RawHtmlIsShownAsTextRatherThanDropped()
    {
        Assert.Equal("<p>Use &lt;b&gt; for bold</p>", _markdown.ToHtml("Use <b> for bold").Trim());
    }

    [Fact]
    public void HeadingsGetAnchorsSoPagesCanLinkToASection()
    {
        Assert.Equal("<h2 id=\"how-to-report-a-problem\">How to report a problem</h2>", _markdown.ToHtml("## How to report a problem").Trim());
    }

    [Fact]
    public void EverydayMarkdownSurvivesSanitising()
    {
        var html = _markdown.ToHtml("""
            Read the [cookies](cookies) page or email [us](mailto:help@example.org).

            | Cookie | Lasts |
            | --- | --- |
            | Sign-in | Until you sign out |

            - [x] Wash hands

            > [!NOTE]
            > Keep it short.

            A footnote.[^1]

            [^1]: The note.
            """);

        Assert.Contains("<a href=\"cookies\">cookies</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:help@example.org\">us</a>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Until you sign out</td>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"markdown-alert markdown-alert-note\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#fn:1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"fn:1\"", html, StringComparison.Ordinal);
    }

    private static void AssertNothingCanRun(string html)
    {
        foreach (var element in new HtmlParser().ParseDocument(html).Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} in {html}");
                Assert.NotEqual("style", attribute.Name);
                Assert.DoesNotMatch("^(javascript|data|vbscript):", attribute.Value.Trim().ToLowerInvariant());
            }
        }
    }
}
