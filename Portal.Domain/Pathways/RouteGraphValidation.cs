namespace Portal.Domain.Pathways;

/// <summary>Pure checks the content loader runs on roles and steps before building a <see cref="RouteGraph"/>.</summary>
public static class RouteGraphValidation
{
    public static RouteGraphProblems Check(IEnumerable<string> roles, IReadOnlyList<RouteStep> steps) =>
        new(FindUnknownRoles(roles, steps), FindDuplicateSteps(steps), FindCycles(steps));

    /// <summary>Steps starting at or leading to a role not in <paramref name="roles"/>, in step order (a step naming two unknown roles appears twice).</summary>
    public static IReadOnlyList<UnknownRoleStep> FindUnknownRoles(IEnumerable<string> roles, IReadOnlyList<RouteStep> steps)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(steps);
        var known = new HashSet<string>(roles, StringComparer.Ordinal);
        var unknown = new List<UnknownRoleStep>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (!known.Contains(steps[i].From))
                unknown.Add(new UnknownRoleStep(i, steps[i], steps[i].From));
            if (!known.Contains(steps[i].To))
                unknown.Add(new UnknownRoleStep(i, steps[i], steps[i].To));
        }

        return unknown;
    }

    /// <summary>Every step after the first between the same ordered pair of roles.</summary>
    public static IReadOnlyList<DuplicateStep> FindDuplicateSteps(IReadOnlyList<RouteStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var first = new Dictionary<(string, string), int>();
        var duplicates = new List<DuplicateStep>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (!first.TryAdd((steps[i].From, steps[i].To), i))
                duplicates.Add(new DuplicateStep(first[(steps[i].From, steps[i].To)], i, steps[i]));
        }

        return duplicates;
    }

    /// <summary>
    /// One cycle for each group of roles that lead back to one another (a strongly connected
    /// component with a loop): the shortest cycle through the group's ordinally smallest role,
    /// ties going to ordinally smaller roles. Groups are ordered by that role.
    /// </summary>
    /// <remarks>
    /// Listing every distinct cycle could take time exponential in the number of roles; a content
    /// author needs one concrete, fixable loop per tangle, and any other loop in the same tangle is
    /// reported on the next check once that one is broken. Roles only named by steps count as
    /// roles here, so this works before unknown roles are fixed.
    /// </remarks>
    public static IReadOnlyList<RouteCycle> FindCycles(IReadOnlyList<RouteStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            names.Add(step.From);
            names.Add(step.To);
        }

        var roles = names.ToArray();
        var index = new Dictionary<string, int>(roles.Length, StringComparer.Ordinal);
        for (var i = 0; i < roles.Length; i++)
            index[roles[i]] = i;

        var forward = new List<int>[roles.Length];
        var backward = new List<int>[roles.Length];
        for (var i = 0; i < roles.Length; i++)
        {
            forward[i] = [];
            backward[i] = [];
        }

        foreach (var step in steps)
        {
            int from = index[step.From], to = index[step.To];
            forward[from].Add(to);
            backward[to].Add(from);
        }

        foreach (var list in forward)
            list.Sort();

        var grouped = new bool[roles.Length];
        var cycles = new List<RouteCycle>();
        for (var start = 0; start < roles.Length; start++)
        {
            if (grouped[start])
                continue;
            var cycle = ShortestCycleThrough(start, forward);
            if (cycle is null)
                continue;

            // Everything reachable both ways from start is in the same tangle; do not report it again.
            var reaches = Reachable(start, forward);
            var reached = Reachable(start, backward);
            for (var v = 0; v < roles.Length; v++)
                grouped[v] |= reaches[v] && reached[v];

            cycles.Add(new RouteCycle([.. cycle.Select(v => roles[v])]));
        }

        return cycles;
    }

    /// <summary>Breadth-first from start, neighbours in ordinal order, until an edge returns to start.</summary>
    private static List<int>? ShortestCycleThrough(int start, List<int>[] forward)
    {
        var parent = new int[forward.Length];
        Array.Fill(parent, -1);
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            foreach (var v in forward[u])
            {
                if (v == start)
                {
                    var cycle = new List<int>();
                    for (var w = u; w != start; w = parent[w])
                        cycle.Add(w);
                    cycle.Add(start);
                    cycle.Reverse();
                    return cycle;
                }

                if (parent[v] != -1)
                    continue;
                parent[v] = u;
                queue.Enqueue(v);
            }
        }

        return null;
    }

    private static bool[] Reachable(int start, List<int>[] edges)
    {
        var seen = new bool[edges.Length];
        var stack = new Stack<int>();
        seen[start] = true;
        stack.Push(start);
        while (stack.Count > 0)
        {
            foreach (var v in edges[stack.Pop()])
            {
                if (!seen[v])
                {
                    seen[v] = true;
                    stack.Push(v);
                }
            }
        }

        return seen;
    }
}
