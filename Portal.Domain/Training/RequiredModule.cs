namespace Portal.Domain.Training;

/// <summary>
/// A module an employer requires of the person: their latest completion, if any, and since when it
/// has been required (the day they joined in that job).
/// </summary>
public sealed record RequiredModule(string ModuleSlug, DateTime? LatestCompletionUtc, int? RefreshMonths, DateTime RequiredSinceUtc);
