using Portal.Domain.Pathways;

namespace Portal.Domain.Tests.Pathways;

public sealed class RouteGraphValidationTests
{
    private static string[] Cycles(params RouteStep[] steps) =>
        [.. RouteGraphValidation.FindCycles(steps).Select(c => string.Join('>', c.Roles))];

    [Fact]
    public void TheModelCareerRoutesAreValid()
    {
        var problems = RouteGraphValidation.Check(CareerRoutes.Roles, CareerRoutes.Steps);

        Assert.True(problems.IsValid);
    }

    [Fact]
    public void StepsNamingUnknownRolesAreReportedWithTheirPosition()
    {
        RouteStep[] steps = [new("care-worker", "senior-care-worker", 12), new("care-worker", "astronaut", 6), new("pilot", "care-worker", 1)];

        var unknown = RouteGraphValidation.FindUnknownRoles(["care-worker", "senior-care-worker"], steps);

        Assert.Equal([(1, "astronaut"), (2, "pilot")], unknown.Select(u => (u.StepIndex, u.UnknownRole)));
        Assert.Same(steps[1], unknown[0].Step);
        Assert.False(RouteGraphValidation.Check(["care-worker", "senior-care-worker"], steps).IsValid);
    }

    [Fact]
    public void ACycleIsReportedOnceWithItsRolesInOrder()
    {
        Assert.Equal(["a>b"], Cycles(new("a", "b", 1), new("b", "a", 1)));
        Assert.Equal(["a>b>c"], Cycles(new("b", "c", 1), new("c", "a", 1), new("a", "b", 1), new("c", "d", 1)));
    }

    [Fact]
    public void AStepBackToTheSameRoleIsACycle()
    {
        Assert.Equal(["team-leader"], Cycles(new RouteStep("team-leader", "team-leader", 0)));
    }

    [Fact]
    public void EachSeparateLoopIsReportedInOrderOfItsFirstRole()
    {
        RouteStep[] steps =
        [
            new("y", "x", 1), new("x", "y", 1),
            new("c", "d", 1), new("d", "c", 1),
            new("a", "c", 1), new("d", "x", 1),
        ];

        Assert.Equal(["c>d", "x>y"], Cycles(steps));
    }

    [Fact]
    public void TheShortestLoopThroughTheFirstRoleStandsForItsTangle()
    {
        // a -> b -> c -> a and a -> c -> a share roles: one report, the shorter loop.
        Assert.Equal(["a>c"], Cycles(new("a", "b", 1), new("b", "c", 1), new("c", "a", 1), new("a", "c", 1)));
    }

    [Fact]
    public void CyclesAreTheSameWhateverOrderTheStepsAreGivenIn()
    {
        RouteStep[] steps =
        [
            new("e", "f", 1), new("f", "g", 1), new("g", "e", 1), new("f", "e", 1),
            new("b", "a", 1), new("a", "b", 1), new("q", "q", 1), new("a", "q", 1),
        ];
        var expected = Cycles(steps);

        for (var seed = 1; seed <= 10; seed++)
        {
            var shuffled = steps.ToArray();
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(expected, Cycles(shuffled));
        }

        Assert.Equal(["a>b", "e>f", "q"], expected);
    }

    [Fact]
    public void ARouteThatOnlyMovesForwardHasNoCycle()
    {
        Assert.Empty(Cycles(new("a", "b", 1), new("b", "c", 1), new("a", "c", 1)));
    }

    [Fact]
    public void ASecondStepBetweenTheSameRolesIsADuplicate()
    {
        RouteStep[] steps = [new("a", "b", 12), new("b", "c", 1), new("a", "b", 6)];

        var duplicate = Assert.Single(RouteGraphValidation.FindDuplicateSteps(steps));

        Assert.Equal((0, 2), (duplicate.FirstIndex, duplicate.DuplicateIndex));
    }

    [Fact]
    public void ACycleDescribesItselfAsALoop()
    {
        Assert.Equal("a -> b -> a", new RouteCycle(["a", "b"]).ToString());
    }
}
