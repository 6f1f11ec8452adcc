namespace Portal.Infrastructure.Content;

/// <summary>Checks a step may ask for, named the same way everywhere.</summary>
public static class RouteChecks
{
    public static IReadOnlyList<string> All { get; } = ["dbs", "dbs-enhanced", "right-to-work", "references", "occupational-health", "nmc-registration"];
}
