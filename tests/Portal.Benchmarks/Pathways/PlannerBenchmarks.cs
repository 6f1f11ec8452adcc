using BenchmarkDotNet.Attributes;
using Portal.Domain.Pathways;

namespace Portal.Benchmarks.Pathways;

/// <summary>
/// <see cref="RoutePlanner.Plan"/> with k = 3 on a generated graph of 500 roles and 3,000 steps,
/// shaped like a career ladder: 10 levels of 50 roles, most steps going up one level, some two,
/// some sideways (which makes cycles, as real lateral moves would).
/// </summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    public const int Levels = 10;
    public const int RolesPerLevel = 50;
    public const int StepCount = 3_000;
    public const int ManyPairs = 100;

    private RoutePlanner _planner = null!;
    private (string From, string To)[] _pairs = [];

    public static RouteGraph GenerateGraph(int seed = 2026)
    {
        var random = new Random(seed);
        var roles = Enumerable.Range(0, Levels * RolesPerLevel).Select(Role).ToArray();
        var pairs = new HashSet<(int From, int To)>();
        var steps = new List<RouteStep>(StepCount);
        while (steps.Count < StepCount)
        {
            var level = random.Next(Levels);
            var roll = random.NextDouble();
            var toLevel = level == Levels - 1 || roll < 0.15 ? level
                : roll < 0.30 && level < Levels - 2 ? level + 2
                : level + 1;
            var from = (level * RolesPerLevel) + random.Next(RolesPerLevel);
            var to = (toLevel * RolesPerLevel) + random.Next(RolesPerLevel);
            if (from == to || !pairs.Add((from, to)))
                continue;
            var requirements = new StepRequirements
            {
                Modules = [$"module-{random.Next(100):D3}"],
                MinimumExperienceMonths = random.Next(4) * 6,
            };
            steps.Add(new RouteStep(Role(from), Role(to), random.Next(0, 37), requirements));
        }

        return new RouteGraph(roles, steps);
    }

    public static string Role(int index) => $"role-{index / RolesPerLevel}-{index % RolesPerLevel:D2}";

    [GlobalSetup]
    public void Setup()
    {
        _planner = new RoutePlanner(GenerateGraph());
        foreach (var (from, to) in new[] { (Role(0), Role(499)), (Role(10), Role(260)), (Role(120), Role(380)) })
        {
            var plan = _planner.Plan(from, to, 3);
            if (plan.Routes.Count != 3)
                throw new InvalidOperationException($"The generated graph should give 3 routes from {from} to {to}, not {plan.Routes.Count}.");
        }

        // 100 fixed pairs from the lower half of the ladder to the upper half, for a typical mix.
        _pairs = [.. Enumerable.Range(0, ManyPairs).Select(i => (Role((i * 37) % 250), Role(250 + ((i * 53) % 250))))];

        if (Unreachable().Outcome != RoutePlanOutcome.Unreachable)
            throw new InvalidOperationException("The generated graph should have no route down from the middle.");
    }

    /// <summary>Bottom to top: the longest routes, 8 to 12 steps.</summary>
    [Benchmark]
    public RoutePlan EntryToTop() => _planner.Plan(Role(0), Role(499), 3);

    /// <summary>Five levels up from the bottom.</summary>
    [Benchmark]
    public RoutePlan EntryToMiddle() => _planner.Plan(Role(10), Role(260), 3);

    [Benchmark]
    public RoutePlan MiddleToUpper() => _planner.Plan(Role(120), Role(380), 3);

    /// <summary>Downwards from the middle: the backward search from the goal (over the roles that can reach it) shows the start is not among them, so no forward search runs.</summary>
    [Benchmark]
    public RoutePlan Unreachable() => _planner.Plan(Role(260), Role(120), 3);

    /// <summary>Mean time per plan over 100 fixed pairs, lower half of the ladder to upper half.</summary>
    [Benchmark(OperationsPerInvoke = ManyPairs)]
    public int HundredPairs()
    {
        var routes = 0;
        foreach (var (from, to) in _pairs)
            routes += _planner.Plan(from, to, 3).Routes.Count;
        return routes;
    }
}
