using Portal.Domain.Pathways;
using static Portal.Domain.Tests.Pathways.CareerRoutes;

namespace Portal.Domain.Tests.Pathways;

public sealed class StepUpTests
{
    private static readonly RouteGraph Routes = Graph();

    [Theory]
    [InlineData(CareWorker, SeniorCareWorker)]
    [InlineData(CareWorker, EnhancedCareWorker)]
    [InlineData(SeniorCareWorker, TeamLeader)]
    [InlineData(CareWorker, RegisteredManager)]
    public void ALaterRoleOnARouteIsAStepUp(string from, string to) => Assert.True(StepUp.Is(Routes, from, to));

    [Theory]
    [InlineData(SeniorCareWorker, CareWorker)]
    [InlineData(TeamLeader, EnhancedCareWorker)]
    [InlineData(SeniorCareWorker, EnhancedCareWorker)]
    [InlineData(CareWorker, CareWorker)]
    public void AnEarlierRoleASidewaysMoveOrTheSameJobIsNot(string from, string to) => Assert.False(StepUp.Is(Routes, from, to));

    [Theory]
    [InlineData(null, CareWorker)]
    [InlineData("porter", CareWorker)]
    [InlineData(CareWorker, "porter")]
    public void ARoleOnNoRouteIsNot(string? from, string to) => Assert.False(StepUp.Is(Routes, from, to));
}
