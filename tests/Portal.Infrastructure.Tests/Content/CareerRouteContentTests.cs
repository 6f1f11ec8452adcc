using Portal.Domain.Pathways;
using Portal.Infrastructure.Content;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>Route steps checked against roles and programmes, and for circles, each error on the step's own line.</summary>
public sealed class CareerRouteContentTests : IDisposable
{
    private readonly TempContent _content = new();

    public CareerRouteContentTests()
    {
        foreach (var role in new[] { "care-worker", "senior-care-worker", "team-leader" })
            _content.Write($"careers/roles/{role}.md", $"---\ntitle: {role}\nsummary: A role.\nsector: social-care\nsettings: [home]\nlevel: 2\nno-qualifications-needed: true\npay:\n  hourly-from: 12.21\n  hourly-to: 13\nhours: Full time\nshifts: [early]\n{TempContent.Provenance}---\nText.\n");
        _content.Write("careers/programmes/care-certificate.md", $"---\ntitle: Care Certificate\nsummary: The start.\nkind: certificate\nlevel: 0\nduration-months: 3\n{TempContent.ProgrammeFacts}{TempContent.Provenance}---\nText.\n");
    }

    public void Dispose() => _content.Dispose();

    private void Route(string steps) =>
        _content.Write("careers/routes/ladder.md", $"---\ntitle: Ladder\nsummary: Up.\nsteps:\n{steps}{TempContent.Provenance}---\nText.\n");

    [Fact]
    public void StepsBecomeAGraphThePlannerCanUse()
    {
        Route("  - from: care-worker\n    to: senior-care-worker\n    months: 12\n    programmes: [care-certificate]\n  - from: senior-care-worker\n    to: team-leader\n    months: 18\n");

        var set = _content.Load();
        var plan = set.Planner.Plan("care-worker", "team-leader", 3);

        Assert.Equal(30, plan.Shortest!.TotalMonths);
        Assert.Equal(["care-certificate"], set.Routes["ladder"].Steps[0].Requirements.Programmes);
    }

    [Fact]
    public void StepToAnUnknownRoleIsReportedOnItsToLine()
    {
        Route("  - from: care-worker\n    to: astronaut\n    months: 12\n");

        var error = _content.SingleError();

        Assert.Equal(("careers/routes/ladder.md", 6), (error.File, error.Line));
        Assert.Contains("there is no role 'astronaut'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProgrammeIsReportedOnTheProgrammesLine()
    {
        Route("  - from: care-worker\n    to: senior-care-worker\n    months: 12\n    programmes: [care-certificat]\n");

        var error = _content.SingleError();

        Assert.Equal(8, error.Line);
        Assert.Contains("there is no programme 'care-certificat'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACircleOfStepsIsReportedWithTheRolesOnIt()
    {
        Route("  - from: care-worker\n    to: senior-care-worker\n    months: 12\n  - from: senior-care-worker\n    to: care-worker\n    months: 1\n");

        var error = _content.SingleError();

        Assert.Contains("routes go round in a circle: care-worker -> senior-care-worker -> care-worker", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void TheSameStepTwiceNamesWhereTheFirstIs()
    {
        Route("  - from: care-worker\n    to: senior-care-worker\n    months: 12\n  - from: care-worker\n    to: senior-care-worker\n    months: 6\n");

        var error = _content.SingleError();

        Assert.Equal(8, error.Line);
        Assert.Contains("is already in careers/routes/ladder.md on line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStepMayNameTrainingModulesThatExist()
    {
        _content.Module("duty-of-care");
        Route("  - from: care-worker\n    to: senior-care-worker\n    months: 12\n    modules: [duty-of-care]\n");

        Assert.Equal(["duty-of-care"], _content.Load().Routes["ladder"].Steps[0].Requirements.Modules);
    }

    [Fact]
    public void AnUnknownTrainingModuleIsReportedOnTheModulesLine()
    {
        _content.Module("duty-of-care");
        Route("  - from: care-worker\n    to: senior-care-worker\n    months: 12\n    modules: [duty-of-care, duty-of-kare]\n");

        var error = _content.SingleError();

        Assert.Equal(("careers/routes/ladder.md", 8), (error.File, error.Line));
        Assert.Contains("there is no training module 'duty-of-kare' in learn/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCheckNamesTheAllowedOnes()
    {
        Route("  - from: care-worker\n    to: senior-care-worker\n    months: 12\n    checks: [dbs-basic]\n");

        Assert.Contains("'dbs-basic' in 'steps[1].checks' is not one of dbs, dbs-enhanced", _content.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedRoutesTakeSomeoneNewToCareToEnhancedCareWorkerAndOnToRegisteredNurse()
    {
        var set = ShippedContent.Set;
        var planner = set.Planner;

        var toEnhanced = planner.Plan("new-to-care", "enhanced-care-worker", 3);
        var toNurse = planner.Plan("enhanced-care-worker", "registered-nurse", 3);

        Assert.Equal(["new-to-care", "care-worker", "enhanced-care-worker"], toEnhanced.Shortest!.Roles);
        Assert.True(toEnhanced.Routes.Count >= 2, "an alternative route should exist");
        Assert.Equal("registered-nurse", toNurse.Shortest!.Goal);
        Assert.All(set.Roles.Values.Where(r => r.EntryPoint), start =>
            Assert.True(planner.Plan(start.Slug, "registered-manager", 1).Found, $"{start.Slug} has no route to registered manager"));
    }

    private static ContentSet Shipped() => ShippedContent.Set;

    [Fact]
    public void ShippedRouteToTeamLeaderDoesNotListTheDiplomaTheApprenticeshipIncludes()
    {
        var planner = Shipped().Planner;
        var route = planner.Plan("senior-care-worker", "team-leader", 1).Shortest!;

        var missing = planner.Gaps(route, LearnerHoldings.None).Missing.Where(r => r.Kind == RequirementKind.Programme).Select(r => r.Slug);

        Assert.Equal(["senior-care-worker", "lead-adult-care-worker", "team-leader"], route.Roles);
        Assert.Equal(["lead-adult-care-worker-apprenticeship"], missing);
    }

    [Fact]
    public void ShippedRoutesNeverAskForNmcRegistrationToStartAStepButGiveItOnTheWayIntoNursing()
    {
        var steps = Shipped().Routes.Values.SelectMany(r => r.Steps).ToList();

        Assert.DoesNotContain(steps, s => s.Requirements.Checks.Contains("nmc-registration"));
        Assert.All(steps.Where(s => s.To is "registered-nurse" or "nursing-associate"), s => Assert.Contains("nmc-registration", s.Gains));
    }

    [Fact]
    public void ShippedEnhancedCareWorkerRoleAndItsRoutesAgreeThatNoLevelThreeQualificationIsNeeded()
    {
        var set = Shipped();

        var programmesIn = set.Routes.Values.SelectMany(r => r.Steps).Where(s => s.To == "enhanced-care-worker")
            .SelectMany(s => s.Requirements.Programmes).Distinct().Select(p => set.Programmes[p]);

        Assert.All(programmesIn, p => Assert.True(p.Level < 3, $"{p.Slug} is level {p.Level}"));
        Assert.Contains(set.Roles["enhanced-care-worker"].EntryRequirements, r => r.StartsWith("No set qualification.", StringComparison.Ordinal));
        Assert.DoesNotContain(set.Roles["enhanced-care-worker"].EntryRequirements, r => r.StartsWith("A level 3", StringComparison.Ordinal));
    }
}
