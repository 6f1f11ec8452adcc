namespace Portal.Domain.Pathways;

/// <summary>One way from a start role to a goal: steps in order and their typical months added up.</summary>
public sealed record Route
{
    public Route(string start, IReadOnlyList<RouteStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(start);
        ArgumentNullException.ThrowIfNull(steps);
        var roles = new string[steps.Count + 1];
        roles[0] = start;
        var months = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            if (!string.Equals(steps[i].From, roles[i], StringComparison.Ordinal))
                throw new ArgumentException($"Step {i} starts at '{steps[i].From}', not where the route is ('{roles[i]}').", nameof(steps));
            roles[i + 1] = steps[i].To;
            months = checked(months + steps[i].TypicalMonths);
        }

        Steps = Array.AsReadOnly(steps.ToArray());
        Roles = Array.AsReadOnly(roles);
        TotalMonths = months;
    }

    public IReadOnlyList<RouteStep> Steps { get; }

    /// <summary>Role slugs visited, start first and goal last (one more than <see cref="Steps"/>).</summary>
    public IReadOnlyList<string> Roles { get; }

    public int TotalMonths { get; }

    public string Start => Roles[0];

    public string Goal => Roles[^1];

    public override string ToString() => $"{string.Join(" -> ", Roles)} ({TotalMonths} months)";
}
