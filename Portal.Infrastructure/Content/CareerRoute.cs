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
    string SourceFile);

/// <summary>Checks a step may ask for, named the same way everywhere.</summary>
public static class RouteChecks
{
    public static IReadOnlyList<string> All { get; } = ["dbs", "dbs-enhanced", "right-to-work", "references", "occupational-health", "nmc-registration"];
}
