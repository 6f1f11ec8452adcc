namespace Portal.Infrastructure.Training;

/// <summary>The latest completion of one module by one person: what expiry, status and "held" are worked out from.</summary>
public sealed record LatestCompletion(string UserId, string ModuleSlug, DateTime CompletedAtUtc);
