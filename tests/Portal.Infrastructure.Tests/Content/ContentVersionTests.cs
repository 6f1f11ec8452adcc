namespace Portal.Infrastructure.Tests.Content;

/// <summary>A learner's record keeps the version they completed, so versions must move exactly when the words do.</summary>
public sealed class ContentVersionTests : IDisposable
{
    private const string Page = "---\ntitle: About\nsummary: Why\n---\n\nText.\n";

    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void VersionsAreSixteenLowerCaseHexCharacters()
    {
        var set = _content.Write("pages/about.md", Page).Load();

        Assert.Matches("^[0-9a-f]{16}$", set.Version);
        Assert.Matches("^[0-9a-f]{16}$", set.Pages["about"].Version);
    }

    [Fact]
    public void UnchangedContentHasTheSameVersionOnEveryLoad()
    {
        _content.Write("pages/about.md", Page).Page("cookies");

        var (first, second) = (_content.Load(), _content.Load());

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Pages["about"].Version, second.Pages["about"].Version);
    }

    [Fact]
    public void ChangingAFileChangesItsVersionAndTheSetsVersion()
    {
        var before = _content.Write("pages/about.md", Page).Page("cookies").Load();

        var after = _content.Write("pages/about.md", Page.Replace("Text.", "Text!", StringComparison.Ordinal)).Load();

        Assert.NotEqual(before.Pages["about"].Version, after.Pages["about"].Version);
        Assert.Equal(before.Pages["cookies"].Version, after.Pages["cookies"].Version);
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public void WindowsAndUnixLineEndingsGiveTheSameVersions()
    {
        var unix = _content.Write("pages/about.md", Page).Load();

        var windows = _content.Write("pages/about.md", Page.Replace("\n", "\r\n", StringComparison.Ordinal)).Load();

        Assert.Equal(unix.Pages["about"].Version, windows.Pages["about"].Version);
        Assert.Equal(unix.Version, windows.Version);
    }

    [Fact]
    public void AddingAFileChangesTheSetsVersion()
    {
        var before = _content.Write("pages/about.md", Page).Load();

        var after = _content.Page("cookies").Load();

        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public void RenamingAFileChangesTheSetsVersion()
    {
        var before = _content.Write("pages/about.md", Page).Load();
        File.Move(Path.Combine(_content.Root, "pages", "about.md"), Path.Combine(_content.Root, "pages", "about-us.md"));

        var after = _content.Load();

        Assert.Equal(before.Pages["about"].Version, after.Pages["about-us"].Version);
        Assert.NotEqual(before.Version, after.Version);
    }
}
