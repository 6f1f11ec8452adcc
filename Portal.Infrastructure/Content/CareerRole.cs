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
}

/// <param name="NhsBand">Agenda for Change band, where the role has one.</param>
public sealed record PayRange(decimal HourlyFrom, decimal HourlyTo, int? NhsBand);

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
    string SourceFile);

/// <summary>The words careers content may use, so filters and validation agree.</summary>
public static class CareerVocabulary
{
    public static IReadOnlyList<string> Sectors { get; } = ["social-care", "nhs", "both"];

    public static IReadOnlyList<string> Settings { get; } = ["home", "residential", "community", "hospital"];

    public static IReadOnlyList<string> Shifts { get; } = ["early", "late", "night", "weekend", "long-day", "on-call", "office-hours"];

    public static IReadOnlyList<string> ProgrammeKinds { get; } =
        ["certificate", "diploma", "apprenticeship", "degree-apprenticeship", "t-level", "employability", "rotation"];
}
