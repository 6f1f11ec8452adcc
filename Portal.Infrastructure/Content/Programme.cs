namespace Portal.Infrastructure.Content;

/// <summary>A qualification, apprenticeship or programme a route can require, from content/careers/programmes/.</summary>
/// <param name="StandardCode">The apprenticeship standard (e.g. ST0006); only apprenticeships have one.</param>
/// <param name="DurationMonths">Typical length, in months, as the standard or awarding body gives it.</param>
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

    /// <summary>The published standard or specification, for apprenticeships and T Levels.</summary>
    public Uri? StandardUrl { get; init; }

    /// <summary>Who pays and on what terms (levy and non-levy employers, age rules), in plain words.</summary>
    public string Funding { get; init; } = "";

    /// <summary>What someone needs before they can start.</summary>
    public IReadOnlyList<string> EntryRequirements { get; init; } = [];

    /// <summary>What someone can do once they have it: jobs, further study.</summary>
    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>Other programmes, by slug, that someone completes as part of this one (an apprenticeship's diploma).</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    public int IncludesLine { get; init; }

    /// <summary>Competencies, by slug, this programme trains for that must be delegated healthcare activities.</summary>
    public IReadOnlyList<string> DelegatedActivities { get; init; } = [];

    public int DelegatedActivitiesLine { get; init; }

    /// <summary>How long it takes in words, where months would mislead (a six-week course); null to say it in months.</summary>
    public string? DurationText { get; init; }

    /// <summary>True for the Care Certificate and qualifications built on its standards: the page lists each standard with the modules that cover it.</summary>
    public bool CoversCareCertificate { get; init; }
}
