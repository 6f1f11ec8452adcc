using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>The privacy notice and accessibility statement name the operator from settings, never from shipped text.</summary>
public sealed class InfoPageTokenTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private ContentSet Load(OperatorDetails details) => new ContentLoader(operatorDetails: details).Load(_content.Root, DateTime.UnixEpoch);

    [Fact]
    public void TokensAreFilledFromTheOperatorsSettingsAsText()
    {
        _content.Page("privacy", body: "{{operator-name}} is the data controller. Email {{ operator-email }}.");

        var page = Load(new OperatorDetails { Name = "Leeds *Care* [Academy]", Email = "privacy@example.org" }).Pages["privacy"];

        Assert.Equal("<p>Leeds *Care* [Academy] is the data controller. Email privacy@example.org.</p>", page.Html.Trim());
    }

    [Fact]
    public void AnUnsetDetailShowsAPlaceholderAndWarnsOnItsLine()
    {
        _content.Page("privacy", body: "Run by {{operator-name}}.");

        var set = Load(new OperatorDetails());

        Assert.Contains("[not set yet: Content:Operator:Name]", set.Pages["privacy"].Html, StringComparison.Ordinal);
        var warning = Assert.Single(set.Warnings);
        Assert.Equal(("pages/privacy.md", 6), (warning.File, warning.Line));
        Assert.Contains("Content:Operator:Name is empty", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownTokenIsAnErrorOnItsLine()
    {
        _content.Page("privacy", body: "Run by {{operator-nmae}}.");

        var error = _content.SingleError();

        Assert.Equal(("pages/privacy.md", 6), (error.File, error.Line));
        Assert.StartsWith("unknown token '{{operator-nmae}}'; the tokens a page may use are: {{operator-name}}", error.Message, StringComparison.Ordinal);
    }
}
