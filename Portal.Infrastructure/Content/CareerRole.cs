namespace Portal.Infrastructure.Content;

/// <summary>A job in health or social care, or an entry point ("new to care"), from content/careers/roles/.</summary>
/// <param name="Level">The qualification level the role usually works at; 0 for an entry point.</param>
/// <param name="Pay">Typical hourly pay; null for entry points, which are not jobs.</param>
/// <param name="Html">"What a day looks like" and "How to get in", sanitised.</param>
public sealed record CareerRole(
    string Slug,
    string Title,
    string Summary,
    string Sector,
    IReadOnlyList<string> Settings,
    int Level,
    bool EntryPoint,
    bool NoQualificationsNeeded,
    PayRange? Pay,
    string? Hours,
    IReadOnlyList<string> Shifts,
    IReadOnlyList<string> EntryRequirements,
    string Html,
    string Version,
    string SourceFile)
{
    /// <summary>
    /// Training modules an employer usually requires of someone in this job, by slug: the default
    /// an organisation starts from when it sets required training for the role.
    /// </summary>
    public IReadOnlyList<string> RequiredTraining { get; init; } = [];

    /// <summary>The line of 'required-training' in <see cref="SourceFile"/>, for errors that need the modules to check.</summary>
    public int RequiredTrainingLine { get; init; }

    /// <summary>Competencies (delegated healthcare activities) an employer usually requires of this job, by slug.</summary>
    public IReadOnlyList<string> RequiredCompetencies { get; init; } = [];

    public int RequiredCompetenciesLine { get; init; }

    /// <summary>
    /// The role category of DHSC's Care Workforce Pathway for adult social care this job sits in, as a
    /// key of <see cref="CareerVocabulary.PathwayCategories"/>; null where the pathway has none (NHS jobs, entry points).
    /// </summary>
    public string? PathwayCategory { get; init; }

    /// <summary>When the file's facts were last checked, and the sources they were checked against.</summary>
    public required Provenance Provenance { get; init; }
}
