namespace Portal.Domain.Training;

/// <summary>One module as the reminder rules see it.</summary>
/// <param name="InProgressSinceUtc">When a round still in progress was last touched; null when none is.</param>
public sealed record ModuleStanding(string ModuleSlug, DateTime? LatestCompletionUtc, int? RefreshMonths, DateTime? InProgressSinceUtc);
