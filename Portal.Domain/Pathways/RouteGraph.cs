namespace Portal.Domain.Pathways;

/// <summary>
/// Roles and the steps between them, built once (when content loads) and shared read-only by every
/// request. Roles are numbered in ordinal slug order and steps stored by start role, each run sorted
/// by target, so the same roles and steps give the same graph whatever order they arrive in, and
/// comparing role numbers is comparing slugs (the planner's tie-break relies on both).
/// </summary>
public sealed class RouteGraph
{
    private readonly string[] _roles;
    private readonly Dictionary<string, int> _index;
    private readonly RouteStep[] _steps;

    /// <summary>Which programmes include others; the routes' gap analyses count an included programme as held.</summary>
    public ProgrammeInclusions Programmes { get; }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for a duplicate role, a step to or from an unknown role, or
    /// two steps between the same pair of roles: content is expected to have passed
    /// <see cref="RouteGraphValidation.Check"/> first. Cycles are tolerated here (the planner only
    /// returns loop-free routes) but reported by validation.
    /// </summary>
    /// <param name="programmes">Which programmes include others, for gap analyses over this graph's routes.</param>
    public RouteGraph(IEnumerable<string> roles, IEnumerable<RouteStep> steps, ProgrammeInclusions? programmes = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(steps);
        Programmes = programmes ?? ProgrammeInclusions.None;

        _roles = [.. roles];
        foreach (var role in _roles)
            ArgumentException.ThrowIfNullOrWhiteSpace(role, nameof(roles));
        Array.Sort(_roles, StringComparer.Ordinal);
        _index = new Dictionary<string, int>(_roles.Length, StringComparer.Ordinal);
        for (var i = 0; i < _roles.Length; i++)
        {
            if (!_index.TryAdd(_roles[i], i))
                throw new ArgumentException($"Role '{_roles[i]}' is listed twice.", nameof(roles));
        }

        var list = new List<(int From, int To, RouteStep Step)>();
        foreach (var step in steps)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(steps));
            if (!_index.TryGetValue(step.From, out var from))
                throw new ArgumentException($"Step {step} starts at unknown role '{step.From}'.", nameof(steps));
            if (!_index.TryGetValue(step.To, out var to))
                throw new ArgumentException($"Step {step} leads to unknown role '{step.To}'.", nameof(steps));
            list.Add((from, to, step));
        }

        list.Sort(static (a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.To.CompareTo(b.To));

        var count = list.Count;
        _steps = new RouteStep[count];
        EdgeTo = new int[count];
        EdgeFrom = new int[count];
        EdgeMonths = new int[count];
        FirstEdge = new int[_roles.Length + 1];
        for (var e = 0; e < count; e++)
        {
            var (from, to, step) = list[e];
            if (e > 0 && EdgeFrom[e - 1] == from && EdgeTo[e - 1] == to)
                throw new ArgumentException($"Two steps lead from '{step.From}' to '{step.To}'.", nameof(steps));
            _steps[e] = step;
            EdgeFrom[e] = from;
            EdgeTo[e] = to;
            EdgeMonths[e] = step.TypicalMonths;
            FirstEdge[from + 1]++;
        }

        for (var v = 0; v < _roles.Length; v++)
            FirstEdge[v + 1] += FirstEdge[v];

        // The same edges by target, for the planner's backward search from the goal.
        FirstInEdge = new int[_roles.Length + 1];
        foreach (var to in EdgeTo)
            FirstInEdge[to + 1]++;
        for (var v = 0; v < _roles.Length; v++)
            FirstInEdge[v + 1] += FirstInEdge[v];
        InEdges = new int[count];
        var next = FirstInEdge[..^1];
        for (var e = 0; e < count; e++)
            InEdges[next[EdgeTo[e]]++] = e;
    }

    /// <summary>Role slugs in ordinal order.</summary>
    public IReadOnlyList<string> Roles => Array.AsReadOnly(_roles);

    /// <summary>Every step, ordered by start role then target role (ordinal).</summary>
    public IReadOnlyList<RouteStep> Steps => Array.AsReadOnly(_steps);

    public bool Contains(string role) => role is not null && _index.ContainsKey(role);

    /// <summary>Steps leaving <paramref name="role"/>, by target slug; empty for an unknown role.</summary>
    public IReadOnlyList<RouteStep> StepsFrom(string role)
    {
        if (!TryGetIndex(role, out var v))
            return [];
        return _steps.AsSpan(FirstEdge[v], FirstEdge[v + 1] - FirstEdge[v]).ToArray();
    }

    // Compressed adjacency for the planner: the steps leaving role v are edges FirstEdge[v] .. FirstEdge[v + 1] - 1.
    internal int RoleCount => _roles.Length;

    internal int EdgeCount => _steps.Length;

    internal int[] FirstEdge { get; }

    /// <summary>The steps arriving at role v are edges InEdges[FirstInEdge[v]] .. InEdges[FirstInEdge[v + 1] - 1].</summary>
    internal int[] FirstInEdge { get; }

    internal int[] InEdges { get; }

    internal int[] EdgeFrom { get; }

    internal int[] EdgeTo { get; }

    internal int[] EdgeMonths { get; }

    internal RouteStep StepAt(int edge) => _steps[edge];

    internal string RoleAt(int index) => _roles[index];

    internal bool TryGetIndex(string role, out int index)
    {
        if (role is null)
        {
            index = -1;
            return false;
        }

        return _index.TryGetValue(role, out index);
    }
}
