namespace Portal.Infrastructure.Content;

/// <summary>A qualification, apprenticeship or programme a route can require, from content/careers/programmes/.</summary>
/// <param name="StandardCode">The apprenticeship standard (e.g. ST0006); only apprenticeships have one.</param>
public sealed record Programme(
    string Slug,
    string Title,
    string Summary,
    string Kind,
    int Level,
    string? StandardCode,
    int DurationMonths,
    int? OffTheJobHours,
    int? PlacementHours,
    string Html,
    string Version,
    string SourceFile)
{
    /// <summary>When the file's facts were last checked, and the sources they were checked against.</summary>
    public required Provenance Provenance { get; init; }
}
