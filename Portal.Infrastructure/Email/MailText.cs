using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Infrastructure.Email;

/// <summary>
/// The plain-text part of an email, read from the HTML our templates render: paragraphs and
/// headings become blank-line breaks, list items "- " lines, and a link its words followed by
/// the address, since a mail client that shows text cannot follow the words alone.
/// </summary>
public static partial class MailText
{
    public static string FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = HeadRegex().Replace(html, "");
        text = WhitespaceRegex().Replace(text, " ");
        text = AnchorRegex().Replace(text, m =>
        {
            var href = WebUtility.HtmlDecode(m.Groups["href"].Value).Trim();
            var words = WebUtility.HtmlDecode(TagRegex().Replace(m.Groups["text"].Value, "")).Trim();
            return words.Length == 0 || words == href ? href : $"{words}: {href}";
        });
        text = BreakRegex().Replace(text, "\n");
        text = ItemRegex().Replace(text, "\n- ");
        text = BlockEndRegex().Replace(text, "\n\n");
        text = WebUtility.HtmlDecode(TagRegex().Replace(text, ""));
        var lines = text.Split('\n').Select(l => l.Trim());
        return BlankLinesRegex().Replace(string.Join('\n', lines), "\n\n").Trim() + "\n";
    }

    [GeneratedRegex("<head>.*?</head>|<!DOCTYPE[^>]*>|<style[^>]*>.*?</style>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HeadRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex("""<a\s[^>]*href\s*=\s*["'](?<href>[^"']*)["'][^>]*>(?<text>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AnchorRegex();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakRegex();

    [GeneratedRegex(@"<li[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ItemRegex();

    [GeneratedRegex(@"</(p|h1|h2|h3|ul|ol|table|tr|div|footer|header)>|<hr[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEndRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLinesRegex();
}
