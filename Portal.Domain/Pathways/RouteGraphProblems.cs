namespace Portal.Domain.Pathways;

public sealed record RouteGraphProblems(
    IReadOnlyList<UnknownRoleStep> UnknownRoles,
    IReadOnlyList<DuplicateStep> DuplicateSteps,
    IReadOnlyList<RouteCycle> Cycles)
{
    /// <summary>True when <see cref="RouteGraph"/> will accept the content and no route loops back on itself.</summary>
    public bool IsValid => UnknownRoles.Count == 0 && DuplicateSteps.Count == 0 && Cycles.Count == 0;
}
