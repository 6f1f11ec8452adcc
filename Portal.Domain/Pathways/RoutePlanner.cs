namespace Portal.Domain.Pathways;

/// <summary>
/// Finds the shortest routes between two roles by typical months: Yen's k shortest loop-free paths
/// (with Lawler's saving of spurring only from where a route deviated) over Dijkstra, which is
/// exact because months are never negative. One backward Dijkstra from the goal gives every role's
/// least months to the goal; the forward searches use it as an A* bound (exact on the full graph,
/// a lower bound once Yen blocks steps), so they only look at roles that lie near a short route
/// and never at roles that cannot reach the goal.
/// </summary>
/// <remarks>
/// Routes are ordered by total months, then number of steps, then the role slugs compared
/// ordinally one by one from the start. The order is total, so a plan never depends on the order
/// content listed its steps in, nor on the run. Thread-safe: the graph is read-only and each thread
/// reuses its own search buffers, so a plan allocates little more than the routes it returns.
/// </remarks>
public sealed class RoutePlanner
{
    [ThreadStatic]
    private static Search? _search;

    private readonly RouteGraph _graph;

    public RoutePlanner(RouteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
    }

    public RouteGraph Graph => _graph;

    /// <summary>The route's requirements checked against what a person holds, counting what the graph's programmes include.</summary>
    public RouteGaps Gaps(Route route, LearnerHoldings holdings) => GapAnalysis.For(route, holdings, _graph.Programmes);

    /// <summary>
    /// Up to <paramref name="maxRoutes"/> loop-free routes from <paramref name="from"/> to
    /// <paramref name="to"/>, best first: the shortest and then the alternatives (3 gives the shortest
    /// and up to two alternatives). Unknown roles and unreachable goals are outcomes, not exceptions,
    /// because both come from what a person picked. <paramref name="from"/> equal to <paramref name="to"/>
    /// gives one route with no steps and 0 months.
    /// </summary>
    public RoutePlan Plan(string from, string to, int maxRoutes)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRoutes, 1);

        if (!_graph.TryGetIndex(from, out var source))
            return new RoutePlan(RoutePlanOutcome.UnknownStart, from, to, []);
        if (!_graph.TryGetIndex(to, out var target))
            return new RoutePlan(RoutePlanOutcome.UnknownGoal, from, to, []);
        if (source == target)
            return new RoutePlan(RoutePlanOutcome.Found, from, to, [new Route(from, [])]);

        var search = _search;
        if (search is null || !ReferenceEquals(search.Graph, _graph))
            _search = search = new Search(_graph);

        var paths = search.KShortest(source, target, maxRoutes);
        if (paths.Count == 0)
            return new RoutePlan(RoutePlanOutcome.Unreachable, from, to, []);

        var routes = new Route[paths.Count];
        for (var r = 0; r < routes.Length; r++)
        {
            var edges = paths[r].Edges;
            var steps = new RouteStep[edges.Length];
            for (var i = 0; i < edges.Length; i++)
                steps[i] = _graph.StepAt(edges[i]);
            routes[r] = new Route(from, steps);
        }

        return new RoutePlan(RoutePlanOutcome.Found, from, to, routes);
    }

    private sealed class FoundPath(int[] nodes, int[] edges, long months, int deviation)
    {
        public int[] Nodes { get; } = nodes;

        public int[] Edges { get; } = edges;

        public long Months { get; } = months;

        /// <summary>Index of the node where this path left the one it was derived from.</summary>
        public int Deviation { get; } = deviation;

        /// <summary>The planner's total order: months, then steps, then role numbers (= slugs) in turn.</summary>
        public int CompareTo(FoundPath other)
        {
            var c = Months.CompareTo(other.Months);
            if (c != 0)
                return c;
            c = Edges.Length.CompareTo(other.Edges.Length);
            if (c != 0)
                return c;
            return Nodes.AsSpan().SequenceCompareTo(other.Nodes);
        }
    }

    /// <summary>Per-thread buffers sized to one graph; "stamps" mark which entries belong to the current search, so nothing is cleared between searches.</summary>
    private sealed class Search
    {
        private readonly long[] _months;
        private readonly int[] _steps;
        private readonly int[] _pred;
        private readonly int[] _seen;
        private readonly int[] _done;
        private readonly int[] _blockedNode;
        private readonly int[] _blockedEdge;
        private readonly long[] _toGoal;
        private readonly int[] _goalSeen;
        private readonly int[] _goalDone;
        private readonly MinHeap _heap;
        private int _goalStamp;
        private int _searchStamp;
        private int _blockStamp;

        public Search(RouteGraph graph)
        {
            Graph = graph;
            var n = graph.RoleCount;
            _months = new long[n];
            _steps = new int[n];
            _pred = new int[n];
            _seen = new int[n];
            _done = new int[n];
            _blockedNode = new int[n];
            _blockedEdge = new int[graph.EdgeCount];
            _toGoal = new long[n];
            _goalSeen = new int[n];
            _goalDone = new int[n];
            _heap = new MinHeap(Math.Max(16, n));
        }

        public RouteGraph Graph { get; }

        public List<FoundPath> KShortest(int source, int target, int k)
        {
            var found = new List<FoundPath>(k);
            NextBlockStamp();
            if (!MonthsToGoal(target, source) || !Dijkstra(source, target))
                return found;
            found.Add(Extend(null, 0, source, target));

            var candidates = new List<FoundPath>();
            while (found.Count < k)
            {
                var previous = found[^1];
                for (var i = previous.Deviation; i < previous.Edges.Length; i++)
                {
                    // Block the next step of every route already chosen that shares this root, and the
                    // root's roles themselves, so the spur is new and the route stays loop-free.
                    NextBlockStamp();
                    foreach (var chosen in found)
                    {
                        if (chosen.Edges.Length > i && SharesRoot(chosen, previous, i))
                            _blockedEdge[chosen.Edges[i]] = _blockStamp;
                    }

                    for (var j = 0; j < i; j++)
                        _blockedNode[previous.Nodes[j]] = _blockStamp;

                    var spur = previous.Nodes[i];
                    if (!Dijkstra(spur, target))
                        continue;
                    var candidate = Extend(previous, i, spur, target);
                    if (!ContainsSameRoute(candidates, candidate))
                        candidates.Add(candidate);
                }

                if (candidates.Count == 0)
                    break;

                var best = 0;
                for (var c = 1; c < candidates.Count; c++)
                {
                    if (candidates[c].CompareTo(candidates[best]) < 0)
                        best = c;
                }

                found.Add(candidates[best]);
                candidates.RemoveAt(best);
            }

            return found;
        }

        private static bool SharesRoot(FoundPath a, FoundPath b, int rootEdges)
        {
            for (var j = 0; j < rootEdges; j++)
            {
                if (a.Edges[j] != b.Edges[j])
                    return false;
            }

            return true;
        }

        private static bool ContainsSameRoute(List<FoundPath> paths, FoundPath candidate)
        {
            foreach (var path in paths)
            {
                if (path.Edges.AsSpan().SequenceEqual(candidate.Edges))
                    return true;
            }

            return false;
        }

        /// <summary>The first <paramref name="rootEdges"/> steps of <paramref name="root"/> followed by the path the last search found from <paramref name="spur"/> to <paramref name="target"/>.</summary>
        private FoundPath Extend(FoundPath? root, int rootEdges, int spur, int target)
        {
            var spurEdges = _steps[target];
            var length = rootEdges + spurEdges;
            var edges = new int[length];
            var nodes = new int[length + 1];
            long months = 0;
            for (var j = 0; j < rootEdges; j++)
            {
                edges[j] = root!.Edges[j];
                nodes[j] = root.Nodes[j];
                months += Graph.EdgeMonths[edges[j]];
            }

            nodes[rootEdges] = spur;
            var v = target;
            for (var j = length - 1; j >= rootEdges; j--)
            {
                var e = _pred[v];
                edges[j] = e;
                nodes[j + 1] = v;
                v = Graph.EdgeFrom[e];
            }

            return new FoundPath(nodes, edges, months + _months[target], rootEdges);
        }

        /// <summary>
        /// Backward Dijkstra from the goal over every step: least months from each role to the goal
        /// (<see cref="_toGoal"/>, valid where <see cref="_goalDone"/> holds the stamp). False when
        /// <paramref name="source"/> cannot reach the goal at all.
        /// </summary>
        private bool MonthsToGoal(int target, int source)
        {
            var stamp = NextGoalStamp();
            var firstInEdge = Graph.FirstInEdge;
            var inEdges = Graph.InEdges;
            var edgeFrom = Graph.EdgeFrom;
            var edgeMonths = Graph.EdgeMonths;

            _heap.Clear();
            _goalSeen[target] = stamp;
            _toGoal[target] = 0;
            _heap.Push(0, 0, target);
            while (_heap.TryPop(out var months, out _, out var v))
            {
                if (_goalDone[v] == stamp)
                    continue;
                _goalDone[v] = stamp;
                for (var i = firstInEdge[v]; i < firstInEdge[v + 1]; i++)
                {
                    var e = inEdges[i];
                    var u = edgeFrom[e];
                    var m = months + edgeMonths[e];
                    if (_goalDone[u] != stamp && (_goalSeen[u] != stamp || m < _toGoal[u]))
                    {
                        _goalSeen[u] = stamp;
                        _toGoal[u] = m;
                        _heap.Push(m, 0, u);
                    }
                }
            }

            return _goalDone[source] == stamp;
        }

        /// <summary>
        /// A* from source to target by (months, steps), avoiding what the current block stamp marks,
        /// keyed by months so far plus <see cref="_toGoal"/>. That bound never overestimates and
        /// never falls by more than a step's months along a step, so the first time a role is taken
        /// off the heap its months and steps are its best, as in plain Dijkstra; and any role that
        /// could tie for a role's best has fewer steps and no greater key, so it is settled first.
        /// </summary>
        private bool Dijkstra(int source, int target)
        {
            var stamp = NextSearchStamp();
            var goalStamp = _goalStamp;
            var firstEdge = Graph.FirstEdge;
            var edgeTo = Graph.EdgeTo;
            var edgeFrom = Graph.EdgeFrom;
            var edgeMonths = Graph.EdgeMonths;

            if (_goalDone[source] != goalStamp)
                return false;
            _heap.Clear();
            _seen[source] = stamp;
            _months[source] = 0;
            _steps[source] = 0;
            _pred[source] = -1;
            _heap.Push(_toGoal[source], 0, source);

            while (_heap.TryPop(out _, out _, out var u))
            {
                // Keys only ever fall and every fall is pushed, so the first pop of a role is its best.
                if (_done[u] == stamp)
                    continue;
                _done[u] = stamp;
                if (u == target)
                    return true;
                var months = _months[u];
                var steps = _steps[u];

                for (var e = firstEdge[u]; e < firstEdge[u + 1]; e++)
                {
                    if (_blockedEdge[e] == _blockStamp)
                        continue;
                    var v = edgeTo[e];
                    if (_done[v] == stamp || _blockedNode[v] == _blockStamp || _goalDone[v] != goalStamp)
                        continue;

                    var m = months + edgeMonths[e];
                    var s = steps + 1;
                    if (_seen[v] != stamp || m < _months[v] || (m == _months[v] && s < _steps[v]))
                    {
                        _seen[v] = stamp;
                        _months[v] = m;
                        _steps[v] = s;
                        _pred[v] = e;
                        _heap.Push(m + _toGoal[v], s, v);
                    }
                    else if (m == _months[v] && s == _steps[v] && ComparePathsTo(u, edgeFrom[_pred[v]]) < 0)
                    {
                        // Same months and steps: the route through the ordinally smaller roles wins.
                        // Every role that can tie is settled before v (it has fewer steps), so v's
                        // predecessor is final when v is.
                        _pred[v] = e;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Compares the settled paths to a and b (same number of steps) role by role from the source.
        /// Walking back in step until they meet, the last difference seen is the first from the start.
        /// </summary>
        private int ComparePathsTo(int a, int b)
        {
            var decision = 0;
            while (a != b)
            {
                decision = a < b ? -1 : 1;
                a = Graph.EdgeFrom[_pred[a]];
                b = Graph.EdgeFrom[_pred[b]];
            }

            return decision;
        }

        private int NextGoalStamp()
        {
            if (_goalStamp == int.MaxValue)
            {
                Array.Clear(_goalSeen);
                Array.Clear(_goalDone);
                _goalStamp = 0;
            }

            return ++_goalStamp;
        }

        private int NextSearchStamp()
        {
            if (_searchStamp == int.MaxValue)
            {
                Array.Clear(_seen);
                Array.Clear(_done);
                _searchStamp = 0;
            }

            return ++_searchStamp;
        }

        private void NextBlockStamp()
        {
            if (_blockStamp == int.MaxValue)
            {
                Array.Clear(_blockedNode);
                Array.Clear(_blockedEdge);
                _blockStamp = 0;
            }

            _blockStamp++;
        }
    }

    /// <summary>Binary min-heap of (months key, steps, role) with lazy deletion; reused across searches.</summary>
    private sealed class MinHeap(int capacity)
    {
        private Entry[] _items = new Entry[capacity];
        private int _count;

        public void Clear() => _count = 0;

        public void Push(long months, int steps, int node)
        {
            if (_count == _items.Length)
                Array.Resize(ref _items, _items.Length * 2);
            var entry = new Entry(months, steps, node);
            var i = _count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!entry.LessThan(_items[parent]))
                    break;
                _items[i] = _items[parent];
                i = parent;
            }

            _items[i] = entry;
        }

        public bool TryPop(out long months, out int steps, out int node)
        {
            if (_count == 0)
            {
                months = 0;
                steps = 0;
                node = -1;
                return false;
            }

            var top = _items[0];
            months = top.Months;
            steps = top.Steps;
            node = top.Node;

            var last = _items[--_count];
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= _count)
                    break;
                if (child + 1 < _count && _items[child + 1].LessThan(_items[child]))
                    child++;
                if (!_items[child].LessThan(last))
                    break;
                _items[i] = _items[child];
                i = child;
            }

            if (_count > 0)
                _items[i] = last;
            return true;
        }

        private readonly record struct Entry(long Months, int Steps, int Node)
        {
            public bool LessThan(Entry other) =>
                Months < other.Months || (Months == other.Months && Steps < other.Steps);
        }
    }
}
