using Portal.Domain.Pathways;
using static Portal.Domain.Tests.Pathways.CareerRoutes;

namespace Portal.Domain.Tests.Pathways;

public sealed class RoutePlannerTests
{
    private static string[] RolesOf(Route route) => [.. route.Roles];

    [Fact]
    public void ShortestRouteIsFoundByTotalMonths()
    {
        var plan = Planner().Plan(NewToCare, RegisteredNurse, 1);

        Assert.Equal(RoutePlanOutcome.Found, plan.Outcome);
        var route = Assert.Single(plan.Routes);
        Assert.Equal([NewToCare, HealthcareSupportWorker, RegisteredNurse], RolesOf(route));
        Assert.Equal(50, route.TotalMonths);
        Assert.Equal(2, route.Steps.Count);
        Assert.Same(route, plan.Shortest);
    }

    [Fact]
    public void AlternativesFollowTheShortestInOrderOfMonthsThenSteps()
    {
        var plan = Planner().Plan(NewToCare, RegisteredManager, 3);

        Assert.Collection(
            plan.Routes,
            r =>
            {
                Assert.Equal([NewToCare, CareWorker, EnhancedCareWorker, LeadAdultCareWorker, DeputyManager, RegisteredManager], RolesOf(r));
                Assert.Equal(73, r.TotalMonths);
            },
            r =>
            {
                Assert.Equal([NewToCare, CareWorker, EnhancedCareWorker, LeadAdultCareWorker, TeamLeader, DeputyManager, RegisteredManager], RolesOf(r));
                Assert.Equal(73, r.TotalMonths);
            },
            r =>
            {
                Assert.Equal([NewToCare, CareWorker, SeniorCareWorker, LeadAdultCareWorker, DeputyManager, RegisteredManager], RolesOf(r));
                Assert.Equal(79, r.TotalMonths);
            });
    }

    [Fact]
    public void RouteStepsAreTheContentStepsWithTheirRequirements()
    {
        var route = Planner().Plan(CareWorker, EnhancedCareWorker, 1).Routes[0];

        var step = Assert.Single(route.Steps);
        Assert.Same(Steps.Single(s => s.From == CareWorker && s.To == EnhancedCareWorker), step);
        Assert.Equal(["adult-care-worker-l2"], step.Requirements.Programmes);
    }

    [Fact]
    public void FewerRoutesThanAskedForAreReturnedWhenNoMoreExist()
    {
        var plan = Planner().Plan(NewToCare, RegisteredManager, 10);

        Assert.True(plan.Found);
        Assert.Equal(4, plan.Routes.Count);
        Assert.Equal([73, 73, 79, 79], plan.Routes.Select(r => r.TotalMonths));
        Assert.Equal(plan.Routes.Count, plan.Routes.Select(r => string.Join('>', r.Roles)).Distinct().Count());
    }

    [Fact]
    public void UnreachableGoalIsAnOutcomeWithNoRoutes()
    {
        var planner = Planner();

        var noWayIn = planner.Plan(NewToCare, Paramedic, 3);
        var noWayBack = planner.Plan(RegisteredNurse, CareWorker, 3);

        Assert.Equal(RoutePlanOutcome.Unreachable, noWayIn.Outcome);
        Assert.Empty(noWayIn.Routes);
        Assert.Null(noWayIn.Shortest);
        Assert.Equal(RoutePlanOutcome.Unreachable, noWayBack.Outcome);
        Assert.Empty(noWayBack.Routes);
    }

    [Fact]
    public void UnknownStartOrGoalIsAnOutcomeNotAnException()
    {
        var planner = Planner();

        var unknownStart = planner.Plan("astronaut", RegisteredNurse, 3);
        var unknownGoal = planner.Plan(NewToCare, "astronaut", 3);
        var both = planner.Plan("astronaut", "pilot", 3);

        Assert.Equal(RoutePlanOutcome.UnknownStart, unknownStart.Outcome);
        Assert.Equal(RoutePlanOutcome.UnknownGoal, unknownGoal.Outcome);
        Assert.Equal(RoutePlanOutcome.UnknownStart, both.Outcome);
        Assert.All([unknownStart, unknownGoal, both], p => Assert.Empty(p.Routes));
        Assert.Equal("astronaut", unknownGoal.To);
    }

    [Fact]
    public void SlugsAreMatchedExactly()
    {
        var plan = Planner().Plan("Care-Worker", RegisteredNurse, 1);

        Assert.Equal(RoutePlanOutcome.UnknownStart, plan.Outcome);
    }

    [Fact]
    public void StartingAtTheGoalGivesOneEmptyRouteOfNoMonths()
    {
        var plan = Planner().Plan(TeamLeader, TeamLeader, 3);

        Assert.True(plan.Found);
        var route = Assert.Single(plan.Routes);
        Assert.Empty(route.Steps);
        Assert.Equal(0, route.TotalMonths);
        Assert.Equal([TeamLeader], RolesOf(route));
    }

    [Fact]
    public void EqualMonthsAreBrokenByFewerSteps()
    {
        var plan = Planner().Plan(NewToCare, RegisteredNurse, 4);

        Assert.Equal(
            [
                "new-to-care>healthcare-support-worker>registered-nurse",
                "new-to-care>healthcare-support-worker>nursing-associate>registered-nurse",
                "new-to-care>care-worker>healthcare-support-worker>registered-nurse",
                "new-to-care>care-worker>healthcare-support-worker>nursing-associate>registered-nurse",
            ],
            plan.Routes.Select(r => string.Join('>', r.Roles)));
        Assert.Equal([50, 50, 52, 52], plan.Routes.Select(r => r.TotalMonths));
    }

    [Fact]
    public void EqualMonthsAndStepsAreBrokenByTheFirstRoleThatDiffersComparedOrdinally()
    {
        // Both routes take 6 months in 3 steps. They first differ at the second role, where "b" < "c",
        // even though the later roles favour the other route ("z" > "d").
        string[] roles = ["a", "b", "c", "d", "z", "goal"];
        RouteStep[] steps =
        [
            new("a", "c", 2), new("c", "d", 2), new("d", "goal", 2),
            new("a", "b", 2), new("b", "z", 2), new("z", "goal", 2),
        ];

        var plan = new RoutePlanner(new RouteGraph(roles, steps)).Plan("a", "goal", 2);

        Assert.Equal(["a>b>z>goal", "a>c>d>goal"], plan.Routes.Select(r => string.Join('>', r.Roles)));
    }

    [Fact]
    public void PlansAreTheSameWhateverOrderTheStepsAreGivenIn()
    {
        var expected = Describe(Planner());

        for (var seed = 1; seed <= 20; seed++)
        {
            var random = new Random(seed);
            var steps = Steps.ToArray();
            var roles = Roles.ToArray();
            random.Shuffle(steps);
            random.Shuffle(roles);

            Assert.Equal(expected, Describe(new RoutePlanner(new RouteGraph(roles, steps))));
        }

        static List<string> Describe(RoutePlanner planner) =>
            [.. from start in Roles
                from goal in Roles
                from route in planner.Plan(start, goal, 5).Routes
                select $"{start}->{goal}: {route}"];
    }

    [Fact]
    public void RoutesNeverLoopEvenWhenTheGraphHasACycle()
    {
        string[] roles = ["a", "b", "c"];
        RouteStep[] steps = [new("a", "b", 0), new("b", "a", 0), new("b", "c", 1), new("a", "c", 5), new("c", "c", 0)];

        var plan = new RoutePlanner(new RouteGraph(roles, steps)).Plan("a", "c", 5);

        Assert.Equal(["a>b>c", "a>c"], plan.Routes.Select(r => string.Join('>', r.Roles)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void PlansMatchEveryLoopFreeRouteListedExhaustively(int seed)
    {
        // Small random graphs with months of 0-2 make ties and zero-month cycles common, which is
        // where a k-shortest search most easily goes wrong; wider months make the searches bounded
        // by the backward distances take long detours around blocked steps.
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var roleCount = random.Next(3, 8);
            var roles = Enumerable.Range(0, roleCount).Select(_ => $"r{random.Next(1000):D3}").Distinct().ToArray();
            var steps = new List<RouteStep>();
            foreach (var from in roles)
            {
                foreach (var to in roles)
                {
                    // Odd seeds use months of 0-2 (ties everywhere), even seeds 0-24 (long detours).
                    if (random.NextDouble() < 0.45)
                        steps.Add(new RouteStep(from, to, random.Next(seed % 2 == 1 ? 3 : 25)));
                }
            }

            var planner = new RoutePlanner(new RouteGraph(roles, steps));
            foreach (var start in roles)
            {
                foreach (var goal in roles)
                {
                    if (start == goal)
                        continue;
                    var k = random.Next(1, 7);
                    var expected = AllRoutes(start, goal, steps).Take(k).ToList();

                    var plan = planner.Plan(start, goal, k);

                    Assert.Equal(expected.Count == 0 ? RoutePlanOutcome.Unreachable : RoutePlanOutcome.Found, plan.Outcome);
                    Assert.Equal(expected, plan.Routes.Select(r => r.ToString()));
                }
            }
        }
    }

    [Fact]
    public void AskingForNoRoutesIsAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Planner().Plan(NewToCare, CareWorker, 0));
    }

    [Fact]
    public void OnePlannerServesManyThreadsAtOnce()
    {
        var planner = Planner();
        var expected = planner.Plan(NewToCare, RegisteredManager, 3).Routes.Select(r => r.ToString()).ToList();

        Parallel.For(0, 200, _ =>
        {
            Assert.Equal(expected, planner.Plan(NewToCare, RegisteredManager, 3).Routes.Select(r => r.ToString()));
            Assert.Equal(RoutePlanOutcome.Unreachable, planner.Plan(NewToCare, Paramedic, 3).Outcome);
        });
    }

    /// <summary>Every loop-free route by depth-first search, in the planner's documented order.</summary>
    private static IEnumerable<string> AllRoutes(string start, string goal, List<RouteStep> steps)
    {
        var routes = new List<(int Months, string[] Roles, string Text)>();
        var path = new List<RouteStep>();
        var visited = new HashSet<string> { start };
        Walk(start);
        routes.Sort((x, y) =>
        {
            var c = x.Months.CompareTo(y.Months);
            if (c == 0)
                c = x.Roles.Length.CompareTo(y.Roles.Length);
            for (var i = 0; c == 0 && i < x.Roles.Length; i++)
                c = string.CompareOrdinal(x.Roles[i], y.Roles[i]);
            return c;
        });
        return routes.Select(r => r.Text);

        void Walk(string at)
        {
            if (at == goal)
            {
                var route = new Route(start, [.. path]);
                routes.Add((route.TotalMonths, [.. route.Roles], route.ToString()));
                return;
            }

            foreach (var step in steps.Where(s => s.From == at && !visited.Contains(s.To)))
            {
                visited.Add(step.To);
                path.Add(step);
                Walk(step.To);
                path.RemoveAt(path.Count - 1);
                visited.Remove(step.To);
            }
        }
    }
}
