using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Plain pages. A page may name the portal's operator with tokens such as <c>{{operator-name}}</c>;
/// a token whose setting is empty shows a visible placeholder and a warning, so an operator who has
/// not yet filled in their details sees it in the content check rather than on a complaint.
/// </summary>
internal sealed partial class InfoPageParser(MarkdownRenderer markdown, OperatorDetails operatorDetails, List<ContentWarning> warnings)
    : ContentParser<InfoPage>(FolderName)
{
    public const string FolderName = "pages";

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex TokenPattern();

    protected override InfoPage Parse(ContentDocument document, string slug)
    {
        var frontMatter = document.FrontMatter;
        return new InfoPage(
            Slug: slug,
            Title: frontMatter.RequiredString("title", maxLength: 120),
            Summary: frontMatter.RequiredString("summary", maxLength: 300),
            Updated: frontMatter.OptionalDate("updated"),
            Html: markdown.ToHtml(FillTokens(document), document.BodyLine, document.FrontMatter.ErrorAt),
            Version: document.Version,
            SourceFile: document.File);
    }

    private string FillTokens(ContentDocument document)
    {
        var tokens = operatorDetails.Tokens();
        var warned = new HashSet<string>(StringComparer.Ordinal);
        var lines = document.Body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = document.BodyLine + i;
            lines[i] = TokenPattern().Replace(lines[i], match =>
            {
                var name = match.Groups[1].Value;
                if (!tokens.TryGetValue(name, out var token))
                {
                    document.FrontMatter.ErrorAt(line, $"unknown token '{{{{{name}}}}}'; the tokens a page may use are: {string.Join(", ", tokens.Keys.Select(k => "{{" + k + "}}"))}");
                    return match.Value;
                }
                if (string.IsNullOrWhiteSpace(token.Value))
                {
                    // Once per page and token: the first place is enough to find it, and one setting fixes them all.
                    if (warned.Add(name))
                        warnings.Add(new ContentWarning(document.File, line, $"'{{{{{name}}}}}' is shown as a placeholder because the setting {token.Setting} is empty; set it to the operator's real details"));
                    return $"[not set yet: {token.Setting}]";
                }
                return EscapeMarkdown(token.Value.Trim());
            });
        }
        return string.Join('\n', lines);
    }

    // A setting is text, not Markdown: an operator's name with an underscore or bracket must not turn into formatting or a link.
    private static string EscapeMarkdown(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == '\n' || c == '\r')
            {
                escaped.Append(' ');
                continue;
            }
            if ("\\`*_{}[]()#+-.!<>|~".Contains(c, StringComparison.Ordinal))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
