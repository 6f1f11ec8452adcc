using Portal.Domain.Training;

namespace Portal.Infrastructure.Content;

/// <summary>A short training unit from content/learn/: lessons of one screen each, then a quiz.</summary>
/// <param name="RefreshMonths">The default interval before it should be done again; null when once is enough.</param>
/// <param name="CareCertificateStandards">The Care Certificate standards (1-16) it covers, in order.</param>
public sealed record LearningModule(
    string Slug,
    string Title,
    string Summary,
    int Minutes,
    IReadOnlyList<string> Topics,
    IReadOnlyList<int> CareCertificateStandards,
    int? RefreshMonths,
    IReadOnlyList<Lesson> Lessons,
    Quiz Quiz,
    string Version,
    string SourceFile)
{
    /// <summary>When the file's facts were last checked, and the sources they were checked against.</summary>
    public required Provenance Provenance { get; init; }
}
