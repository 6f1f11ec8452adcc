using Portal.Domain.Pathways;

namespace Portal.Domain.Tests.Pathways;

public sealed class RouteGraphTests
{
    [Fact]
    public void RolesAndStepsAreKeptInOrdinalOrder()
    {
        var graph = new RouteGraph(["b", "a", "c"], [new("b", "c", 1), new("a", "c", 1), new("a", "b", 1)]);

        Assert.Equal(["a", "b", "c"], graph.Roles);
        Assert.Equal(["a -> b (1 months)", "a -> c (1 months)", "b -> c (1 months)"], graph.Steps.Select(s => s.ToString()));
        Assert.Equal(["b", "c"], graph.StepsFrom("a").Select(s => s.To));
        Assert.Empty(graph.StepsFrom("nowhere"));
        Assert.True(graph.Contains("c"));
        Assert.False(graph.Contains("d"));
    }

    [Fact]
    public void AStepToAnUnknownRoleIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RouteGraph(["a"], [new("a", "b", 1)]));

        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoStepsBetweenTheSameRolesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new RouteGraph(["a", "b"], [new("a", "b", 1), new("a", "b", 2)]));
    }

    [Fact]
    public void ARoleListedTwiceIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new RouteGraph(["a", "a"], []));
    }

    [Fact]
    public void NegativeMonthsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RouteStep("a", "b", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepRequirements { MinimumExperienceMonths = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearnerHoldings { ExperienceMonths = -1 });
    }

    [Fact]
    public void ARouteMustBeConnected()
    {
        Assert.Throws<ArgumentException>(() => new Route("a", [new RouteStep("a", "b", 1), new RouteStep("c", "d", 1)]));
    }

    [Fact]
    public void TheGraphCannotBeChangedThroughWhatItReturns()
    {
        var graph = new RouteGraph(["a", "b"], [new("a", "b", 1)]);

        Assert.False(graph.Roles is string[]);
        Assert.Throws<NotSupportedException>(() => ((IList<RouteStep>)graph.Steps)[0] = new RouteStep("b", "a", 1));
        ((RouteStep[])graph.StepsFrom("a"))[0] = new RouteStep("b", "a", 1);
        Assert.Equal("b", graph.StepsFrom("a")[0].To);
    }
}
