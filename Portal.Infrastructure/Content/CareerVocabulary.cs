namespace Portal.Infrastructure.Content;

/// <summary>The words careers content may use, so filters and validation agree.</summary>
public static class CareerVocabulary
{
    public static IReadOnlyList<string> Sectors { get; } = ["social-care", "nhs", "both"];

    public static IReadOnlyList<string> Settings { get; } = ["home", "residential", "community", "hospital"];

    public static IReadOnlyList<string> Shifts { get; } = ["early", "late", "night", "weekend", "long-day", "on-call", "office-hours"];

    /// <summary>
    /// The role categories of DHSC's Care Workforce Pathway for adult social care (eight since April 2025),
    /// keyed as content writes them, with the pathway's own names.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PathwayCategories { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["new-to-care"] = "New to care",
        ["care-or-support-worker"] = "Care or support worker",
        ["enhanced-care-worker"] = "Enhanced care worker",
        ["personal-assistant"] = "Personal assistant",
        ["supervisor-or-leader"] = "Supervisor or leader",
        ["practice-leader"] = "Practice leader",
        ["deputy-manager"] = "Deputy manager",
        ["registered-manager"] = "Registered manager",
    };

    public static IReadOnlyList<string> ProgrammeKinds { get; } =
        ["certificate", "diploma", "apprenticeship", "degree-apprenticeship", "t-level", "employability", "rotation"];
}
