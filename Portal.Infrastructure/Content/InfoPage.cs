namespace Portal.Infrastructure.Content;

/// <summary>A plain page such as About or Privacy, from content/pages/.</summary>
/// <param name="Html">Sanitised HTML, safe to write to the page as it is.</param>
/// <param name="Version">Changes whenever the source file changes.</param>
/// <param name="SourceFile">Relative to the content root, with forward slashes.</param>
public sealed record InfoPage(
    string Slug,
    string Title,
    string Summary,
    DateOnly? Updated,
    string Html,
    string Version,
    string SourceFile);
