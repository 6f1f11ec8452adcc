namespace Portal.Infrastructure.Content;

/// <summary>One Markdown file split into its front matter and body, before any kind has read it.</summary>
/// <param name="File">Relative to the content root, with forward slashes.</param>
/// <param name="BodyLine">The line in the file where the body starts, for errors about the body.</param>
internal sealed record ContentDocument(
    string File,
    FrontMatterReader FrontMatter,
    string Body,
    int BodyLine,
    string Version)
{
    public string Name => Path.GetFileNameWithoutExtension(File);
}
