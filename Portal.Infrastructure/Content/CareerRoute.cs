using Portal.Domain.Pathways;

namespace Portal.Infrastructure.Content;

/// <summary>A family of route steps with a story, from content/careers/routes/; the planner uses every step of every file.</summary>
public sealed record CareerRoute(
    string Slug,
    string Title,
    string Summary,
    IReadOnlyList<RouteStep> Steps,
    string Html,
    string Version,
    string SourceFile)
{
    /// <summary>When the file's facts were last checked, and the sources they were checked against.</summary>
    public required Provenance Provenance { get; init; }
}
