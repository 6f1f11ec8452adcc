namespace Portal.Domain.Pathways;

public enum RoutePlanOutcome
{
    /// <summary>At least one route; the first is the shortest.</summary>
    Found,

    /// <summary>Both roles are known but no sequence of steps leads from one to the other.</summary>
    Unreachable,

    /// <summary>The start role is not in the graph (checked before the goal).</summary>
    UnknownStart,

    /// <summary>The goal role is not in the graph.</summary>
    UnknownGoal,
}
