using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>
/// The shipped careers content covers the range of jobs the city recruits for, and the planner can take
/// people into each of them: facilities staff into clinical support, school leavers through the T Level,
/// and every job from at least one place where people start.
/// </summary>
public sealed class CareersBreadthTests
{
    private static readonly ContentSet Shipped = ShippedContent.Set;

    [Fact]
    public void AtLeastThirtyRolesLoadIncludingTheCitysWiderRange()
    {
        Assert.True(Shipped.Roles.Count >= 30, $"{Shipped.Roles.Count} roles");
        Assert.Superset(
            new HashSet<string>
            {
                "personal-assistant", "ward-housekeeper", "porter", "maternity-support-worker", "therapy-support-worker",
                "pharmacy-assistant", "pharmacy-technician", "emergency-care-assistant", "ambulance-care-assistant",
                "social-worker", "ward-clerk", "deputy-manager", "registered-manager",
            },
            Shipped.Roles.Keys.ToHashSet());
        Assert.All(Shipped.Roles.Values.Where(r => !r.EntryPoint), role =>
        {
            Assert.Contains("What a day looks like", role.Html, StringComparison.Ordinal);
            Assert.Contains("How to get in", role.Html, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("porter")]
    [InlineData("ward-housekeeper")]
    public void FacilitiesStaffCanPlanARouteIntoClinicalSupportWork(string facilitiesRole)
    {
        var toSupportWorker = Shipped.Planner.Plan(facilitiesRole, "healthcare-support-worker", 3);
        var toNursingAssociate = Shipped.Planner.Plan(facilitiesRole, "nursing-associate", 3);

        Assert.Equal([facilitiesRole, "healthcare-support-worker"], toSupportWorker.Shortest!.Roles);
        Assert.Contains("care-certificate", toSupportWorker.Shortest.Steps[0].Requirements.Programmes);
        Assert.True(toNursingAssociate.Found, $"{facilitiesRole} should reach nursing associate");
        Assert.Contains("healthcare-support-worker", toNursingAssociate.Shortest!.Roles);
    }

    [Fact]
    public void SomeoneNewToCareCanPlanIntoAHospitalFacilitiesJob()
    {
        Assert.Equal(["new-to-care", "porter"], Shipped.Planner.Plan("new-to-care", "porter", 1).Shortest!.Roles);
        Assert.Equal(["new-to-care", "ward-housekeeper"], Shipped.Planner.Plan("new-to-care", "ward-housekeeper", 1).Shortest!.Roles);
    }

    [Fact]
    public void EveryJobCanBeReachedFromAPlaceWherePeopleStart()
    {
        var starts = Shipped.Roles.Values.Where(r => r.EntryPoint).Select(r => r.Slug).ToList();
        var jobs = Shipped.Roles.Values.Where(r => !r.EntryPoint).Select(r => r.Slug);

        var unreachable = jobs.Where(job => !starts.Any(start => Shipped.Planner.Plan(start, job, 1).Found)).ToList();

        Assert.True(unreachable.Count == 0, $"no route from an entry point to: {string.Join(", ", unreachable)}");
    }

    [Fact]
    public void TheTLevelRouteShowsAJobAnApprenticeshipAndUniversityAndThePlacementHours()
    {
        var route = Shipped.Routes["after-a-t-level"];

        Assert.All(route.Steps, step =>
        {
            Assert.Equal("school-leaver", step.From);
            Assert.Contains("t-level-health", step.Requirements.Programmes);
        });
        var destinations = route.Steps.Select(s => s.To).ToHashSet();
        Assert.Superset(new HashSet<string> { "maternity-support-worker", "therapy-support-worker", "mental-health-support-worker" }, destinations);
        Assert.Contains(route.Steps, step => step.Requirements.Programmes.Any(p =>
            Shipped.Programmes[p].Kind is "apprenticeship" or "degree-apprenticeship"));
        Assert.Contains("University", route.Html, StringComparison.Ordinal);
        Assert.Contains("315 hours", route.Html, StringComparison.Ordinal);
        Assert.True(Shipped.Programmes["t-level-health"].PlacementHours >= 315);
        Assert.True(Shipped.Planner.Plan("school-leaver", "therapy-support-worker", 1).Found);
    }

    [Theory]
    [InlineData("safeguarding-children")]
    [InlineData("connecting-people-to-their-community")]
    [InlineData("personal-assistant-basics")]
    public void EachNewModulesQuizParsesAndPassesOnlyWithTheRightAnswers(string slug)
    {
        var module = Shipped.Modules[slug];

        Assert.InRange(module.Lessons.Count, 3, 6);
        Assert.InRange(module.Quiz.Questions.Count, 3, 6);
        Assert.All(module.Quiz.Questions, q => Assert.All(q.Answers, a => Assert.False(string.IsNullOrWhiteSpace(a.Feedback))));
        var right = module.Quiz.Questions.ToDictionary(
            q => q.Id, q => (IReadOnlyCollection<string>)[.. q.Answers.Where(a => a.Correct).Select(a => a.Id)]);
        var wrong = module.Quiz.Questions.ToDictionary(
            q => q.Id, q => (IReadOnlyCollection<string>)[q.Answers.First(a => !a.Correct).Id]);

        Assert.True(Assert.IsType<QuizOutcome.Scored>(module.Quiz.Score(right)).Passed);
        Assert.False(Assert.IsType<QuizOutcome.Scored>(module.Quiz.Score(wrong)).Passed);
    }

    [Fact]
    public void SafeguardingChildrenCoversCareCertificateStandardEleven()
    {
        Assert.Contains(11, Shipped.Modules["safeguarding-children"].CareCertificateStandards);
    }
}
