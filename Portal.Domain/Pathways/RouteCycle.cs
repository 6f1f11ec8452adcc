namespace Portal.Domain.Pathways;

/// <summary>
/// Roles that lead back to themselves, in step order from the ordinally smallest slug:
/// <c>[a, b]</c> means a -> b -> a; a step from a role to itself is <c>[a]</c>.
/// </summary>
public sealed record RouteCycle(IReadOnlyList<string> Roles)
{
    public override string ToString() => string.Join(" -> ", [.. Roles, Roles[0]]);
}
