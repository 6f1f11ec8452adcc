using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>A content folder of its own for one test, deleted afterwards.</summary>
internal sealed class TempContent : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("portal-content-").FullName;

    public TempContent Write(string file, string text)
    {
        var path = Path.Combine(Root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>A valid page, with extra front matter lines before the closing '---'.</summary>
    public TempContent Page(string name, string extraFrontMatter = "", string body = "Some text.") =>
        Write($"pages/{name}.md", $"---\ntitle: A title\nsummary: A summary\n{extraFrontMatter}---\n\n{body}\n");

    public ContentSet Load() => new ContentLoader().Load(Root, DateTime.UnixEpoch);

    public IReadOnlyList<ContentError> Errors() => Assert.Throws<ContentValidationException>(Load).Errors;

    public ContentError SingleError() => Assert.Single(Errors());

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
