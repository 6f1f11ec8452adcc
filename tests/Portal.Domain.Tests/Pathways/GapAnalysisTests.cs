using Portal.Domain.Pathways;
using static Portal.Domain.Tests.Pathways.CareerRoutes;

namespace Portal.Domain.Tests.Pathways;

public sealed class GapAnalysisTests
{
    private static Route RouteThrough(params string[] roles) =>
        new(roles[0], [.. roles.Zip(roles.Skip(1), (from, to) => Steps.Single(s => s.From == from && s.To == to))]);

    private static RequirementStatus StatusOf(StepGaps step, RequirementKind kind, string? slug = null) =>
        Assert.Single(step.Requirements, r => r.Kind == kind && r.Slug == slug).Status;

    [Fact]
    public void SomeoneNewToCareIsMissingEverythingTheFirstStepNeeds()
    {
        var gaps = GapAnalysis.For(RouteThrough(NewToCare, CareWorker), LearnerHoldings.None);

        var step = Assert.Single(gaps.Steps);
        Assert.False(step.Ready);
        Assert.Equal(
            [
                new RequirementCheck(RequirementKind.Check, "dbs-enhanced", RequirementStatus.Missing),
                new RequirementCheck(RequirementKind.Check, "right-to-work", RequirementStatus.Missing),
                new RequirementCheck(RequirementKind.DrivingLicence, null, RequirementStatus.Missing),
            ],
            step.Requirements);
    }

    [Fact]
    public void WhatThePersonHoldsIsMetAndTheRestIsMissing()
    {
        var holdings = new LearnerHoldings
        {
            CompletedModules = ["care-certificate"],
            Programmes = ["adult-care-worker-l2"],
            Checks = ["dbs-enhanced"],
            ExperienceMonths = 8,
        };

        var step = Assert.Single(GapAnalysis.For(RouteThrough(CareWorker, EnhancedCareWorker), holdings).Steps);

        Assert.Equal(["adult-care-worker-l2", "care-certificate"], step.Held.Where(r => r.Slug is not null).Select(r => r.Slug));
        Assert.Equal(RequirementStatus.Met, StatusOf(step, RequirementKind.Experience));
        Assert.Equal(["delegated-healthcare-activities"], step.Missing.Select(r => r.Slug));
        Assert.Equal(6, step.RequiredExperienceMonths);
        Assert.Equal(8, step.ExperienceMonthsAtStart);
    }

    [Fact]
    public void ExperienceAccumulatesAlongTheRoute()
    {
        // 4 months now; care worker -> enhanced (12 months) -> lead (asks 18): 4 + 12 = 16 at the start of the second step.
        var route = RouteThrough(CareWorker, EnhancedCareWorker, LeadAdultCareWorker, DeputyManager);
        var holdings = new LearnerHoldings { ExperienceMonths = 4 };

        var gaps = GapAnalysis.For(route, holdings);

        Assert.Equal([4, 16, 34], gaps.Steps.Select(s => s.ExperienceMonthsAtStart));
        Assert.Equal(RequirementStatus.Missing, StatusOf(gaps.Steps[0], RequirementKind.Experience));
        Assert.Equal(RequirementStatus.Missing, StatusOf(gaps.Steps[1], RequirementKind.Experience));
        Assert.Equal(RequirementStatus.Missing, StatusOf(gaps.Steps[2], RequirementKind.Experience));

        var moreExperienced = GapAnalysis.For(route, new LearnerHoldings { ExperienceMonths = 6 });

        Assert.Equal(RequirementStatus.Met, StatusOf(moreExperienced.Steps[0], RequirementKind.Experience));
        Assert.Equal(RequirementStatus.MetAlongRoute, StatusOf(moreExperienced.Steps[1], RequirementKind.Experience));
        Assert.Equal(RequirementStatus.MetAlongRoute, StatusOf(moreExperienced.Steps[2], RequirementKind.Experience));
    }

    [Fact]
    public void AStepsOwnMonthsDoNotCountTowardsItsOwnExperienceRequirement()
    {
        // Lead -> deputy asks 36 months and takes 24; 20 months now is not enough to start it.
        var gaps = GapAnalysis.For(RouteThrough(LeadAdultCareWorker, DeputyManager), new LearnerHoldings { ExperienceMonths = 20 });

        Assert.Equal(RequirementStatus.Missing, StatusOf(gaps.Steps[0], RequirementKind.Experience));
    }

    [Fact]
    public void ARequirementGainedAtAnEarlierStepIsNotMissingAgain()
    {
        var gaps = GapAnalysis.For(RouteThrough(NewToCare, CareWorker, HealthcareSupportWorker), LearnerHoldings.None);

        Assert.Equal(RequirementStatus.Missing, StatusOf(gaps.Steps[0], RequirementKind.Check, "dbs-enhanced"));
        Assert.Equal(RequirementStatus.MetAlongRoute, StatusOf(gaps.Steps[1], RequirementKind.Check, "dbs-enhanced"));
        Assert.Equal(RequirementStatus.Missing, StatusOf(gaps.Steps[1], RequirementKind.Module, "care-certificate"));
        Assert.Equal(1, gaps.Missing.Count(r => r.Slug == "dbs-enhanced"));
    }

    [Fact]
    public void AHeldDrivingLicenceAndChecksMakeTheFirstStepReady()
    {
        var holdings = new LearnerHoldings { Checks = ["right-to-work", "dbs-enhanced"], DrivingLicence = true };

        var step = Assert.Single(GapAnalysis.For(RouteThrough(NewToCare, CareWorker), holdings).Steps);

        Assert.True(step.Ready);
        Assert.Equal(RequirementStatus.Met, StatusOf(step, RequirementKind.DrivingLicence));
        Assert.Empty(step.Missing);
    }

    [Fact]
    public void AStepWithNoRequirementsIsReadyAndListsNothing()
    {
        var step = Assert.Single(GapAnalysis.For(RouteThrough(LeadAdultCareWorker, TeamLeader), LearnerHoldings.None).Steps);

        Assert.True(step.Ready);
        Assert.Empty(step.Requirements);
    }

    [Fact]
    public void TheEmptyRouteHasNoGaps()
    {
        var gaps = GapAnalysis.For(new Route(CareWorker, []), LearnerHoldings.None);

        Assert.Empty(gaps.Steps);
        Assert.Empty(gaps.Missing);
    }

    [Fact]
    public void HoldingsAreMatchedByExactSlug()
    {
        var holdings = new LearnerHoldings { Checks = ["DBS-Enhanced", "right-to-work"], DrivingLicence = true };

        var step = Assert.Single(GapAnalysis.For(RouteThrough(NewToCare, CareWorker), holdings).Steps);

        Assert.Equal(["dbs-enhanced"], step.Missing.Select(r => r.Slug));
    }

    [Fact]
    public void APlannedRouteCanBeAnalysedForASignedInLearner()
    {
        var route = Planner().Plan(NewToCare, RegisteredManager, 1).Routes[0];
        var learner = new LearnerHoldings
        {
            Checks = ["dbs-enhanced", "right-to-work"],
            CompletedModules = ["care-certificate"],
            DrivingLicence = true,
        };

        var gaps = GapAnalysis.For(route, learner);

        Assert.Equal(route.Steps.Count, gaps.Steps.Count);
        Assert.Equal(
            [
                "adult-care-worker-l2", "delegated-healthcare-activities", "Experience",
                "lead-adult-care-worker-l3", "Experience",
                "Experience",
                "leader-in-adult-care-l5",
            ],
            gaps.Missing.Select(r => r.Slug ?? r.Kind.ToString()));
        Assert.Equal([0, 1, 13, 31, 55], gaps.Steps.Select(s => s.ExperienceMonthsAtStart));
        Assert.Equal(RequirementStatus.Met, StatusOf(gaps.Steps[^1], RequirementKind.Check, "dbs-enhanced"));
    }

    [Fact]
    public void ACheckAStepGainsIsHeldByTheNextStepNotMissing()
    {
        var route = new Route("support-worker",
        [
            new RouteStep("support-worker", "nursing-associate", 24) { Gains = ["nmc-registration"] },
            new RouteStep("nursing-associate", "registered-nurse", 24, new StepRequirements { Checks = ["nmc-registration"] }),
        ]);

        var gaps = GapAnalysis.For(route, LearnerHoldings.None);

        Assert.Empty(gaps.Steps[0].Requirements);
        Assert.Equal(RequirementStatus.MetAlongRoute, StatusOf(gaps.Steps[1], RequirementKind.Check, "nmc-registration"));
        Assert.Empty(gaps.Missing);
    }

    [Fact]
    public void AProgrammeIncludedInAnEarlierStepsProgrammeIsNotMissing()
    {
        var route = new Route("senior",
        [
            new RouteStep("senior", "lead", 18, new StepRequirements { Programmes = ["apprenticeship"] }),
            new RouteStep("lead", "team-leader", 12, new StepRequirements { Programmes = ["diploma"] }),
        ]);
        var inclusions = new ProgrammeInclusions([KeyValuePair.Create("apprenticeship", (IReadOnlyList<string>)["diploma"])]);

        Assert.Equal(RequirementStatus.Missing, StatusOf(GapAnalysis.For(route, LearnerHoldings.None).Steps[1], RequirementKind.Programme, "diploma"));
        Assert.Equal(RequirementStatus.MetAlongRoute, StatusOf(GapAnalysis.For(route, LearnerHoldings.None, inclusions).Steps[1], RequirementKind.Programme, "diploma"));
        var holdsApprenticeship = new LearnerHoldings { Programmes = ["apprenticeship"] };
        Assert.Equal(RequirementStatus.Met, StatusOf(GapAnalysis.For(route, holdsApprenticeship, inclusions).Steps[1], RequirementKind.Programme, "diploma"));
    }

    [Fact]
    public void InclusionIsFollowedThroughAnyDepthAndACircleEnds()
    {
        var inclusions = new ProgrammeInclusions(
        [
            KeyValuePair.Create("a", (IReadOnlyList<string>)["b"]),
            KeyValuePair.Create("b", (IReadOnlyList<string>)["c", "a"]),
        ]);

        Assert.Equal(["a", "b", "c"], inclusions.Expand("a").Order(StringComparer.Ordinal));
        Assert.Equal(["x"], inclusions.Expand("x"));
    }
}
