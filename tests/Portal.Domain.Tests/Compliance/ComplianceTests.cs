using Portal.Domain.Compliance;
using Portal.Domain.Organisations;

namespace Portal.Domain.Tests.Compliance;

public sealed class ComplianceTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Done = new(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(120, ComplianceStatus.Valid)]
    [InlineData(91, ComplianceStatus.Valid)]
    [InlineData(90, ComplianceStatus.Expiring90)]
    [InlineData(61, ComplianceStatus.Expiring90)]
    [InlineData(60, ComplianceStatus.Expiring60)]
    [InlineData(31, ComplianceStatus.Expiring60)]
    [InlineData(30, ComplianceStatus.Expiring30)]
    [InlineData(1, ComplianceStatus.Expiring30)]
    [InlineData(0, ComplianceStatus.Expired)]
    [InlineData(-400, ComplianceStatus.Expired)]
    public void EveryBucketByDaysLeft(int daysLeft, ComplianceStatus expected)
    {
        var cell = ComplianceRules.Cell(Done, Now.AddDays(daysLeft), Now);
        Assert.Equal(expected, cell.Status);
        Assert.Equal(new DateOnly(2024, 5, 1), cell.Done);
        Assert.Equal(DateOnly.FromDateTime(Now.AddDays(daysLeft)), cell.Expires);
    }

    [Fact]
    public void NeverDoneIsMissingAndNotHeld()
    {
        var cell = ComplianceRules.Cell(null, null, Now);
        Assert.Equal(ComplianceStatus.Missing, cell.Status);
        Assert.False(cell.Held);
        Assert.Null(cell.Done);
    }

    [Fact]
    public void DoneAndNeverRefreshedIsValidWithNoExpiry()
    {
        var cell = ComplianceMatrix.ModuleCell(Done, null, Now);
        Assert.Equal(ComplianceStatus.Valid, cell.Status);
        Assert.Null(cell.Expires);
        Assert.True(cell.Held);
    }

    [Fact]
    public void TheOrganisationsIntervalDecidesExpiry()
    {
        // Safeguarding done in May 2024: in date on a 36-month default, out of date on a yearly override.
        Assert.Equal(ComplianceStatus.Valid, ComplianceMatrix.ModuleCell(Done, 36, Now).Status);
        var yearly = ComplianceMatrix.ModuleCell(Done, 12, Now);
        Assert.Equal(ComplianceStatus.Expired, yearly.Status);
        Assert.Equal(new DateOnly(2025, 5, 1), yearly.Expires);
    }

    [Fact]
    public void ExpiringCellsStillCountAsHeld()
    {
        Assert.True(ComplianceRules.Cell(Done, Now.AddDays(10), Now).Held);
        Assert.False(ComplianceRules.Cell(Done, Now.AddDays(-1), Now).Held);
    }

    [Fact]
    public void EveryStatusHasWords()
    {
        foreach (var status in Enum.GetValues<ComplianceStatus>())
        {
            Assert.False(string.IsNullOrWhiteSpace(ComplianceRules.Label(status)));
            Assert.False(string.IsNullOrWhiteSpace(ComplianceRules.ShortLabel(status)));
        }
        Assert.Equal(Enum.GetValues<ComplianceStatus>().Length, Enum.GetValues<ComplianceStatus>().Select(ComplianceRules.Label).Distinct().Count());
    }

    [Fact]
    public void TopicKeysRoundTrip()
    {
        var module = new Topic(TopicKind.Module, "safeguarding-adults");
        var competency = new Topic(TopicKind.Competency, "catheter-care");
        Assert.Equal("module:safeguarding-adults", module.Key);
        Assert.Equal(module, Topic.Parse(module.Key));
        Assert.Equal(competency, Topic.Parse(competency.Key));
        Assert.Null(Topic.Parse("lesson:x"));
        Assert.Null(Topic.Parse("module:"));
        Assert.Null(Topic.Parse("safeguarding"));
    }

    [Fact]
    public void JobRequirementsKeepModulesAndCompetenciesApart()
    {
        var requirements = JobRequirements.Create(Guid.NewGuid(), "enhanced-care-worker",
            [new(TopicKind.Module, "safeguarding-adults"), new(TopicKind.Competency, "catheter-care"), new(TopicKind.Module, "safeguarding-adults")], "manager", Now);
        Assert.Equal([new Topic(TopicKind.Module, "safeguarding-adults"), new Topic(TopicKind.Competency, "catheter-care")], requirements.Topics);
        requirements.Change([], "manager", Now);
        Assert.Empty(requirements.Topics);
        Assert.Throws<ArgumentException>(() => requirements.Change([new(TopicKind.Module, "a,b")], "manager", Now));
    }

    [Fact]
    public void RefreshOverrideIsOneToOneHundredTwentyMonthsOrNever()
    {
        var yearly = RefreshOverride.Create(Guid.NewGuid(), "safeguarding-adults", 12, "manager", Now);
        Assert.Equal(12, yearly.Months);
        yearly.Change(null, "manager", Now);
        Assert.Null(yearly.Months);
        Assert.Throws<ArgumentOutOfRangeException>(() => yearly.Change(0, "manager", Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => yearly.Change(121, "manager", Now));
    }

    [Fact]
    public void StaffHaveAJobTeamAndMayBePractitioners()
    {
        var nurse = Membership.Start(Guid.NewGuid(), "nurse", MembershipRole.Staff, Now, "registered-nurse", " North ", practitioner: true);
        Assert.Equal("North", nurse.Team);
        Assert.True(nurse.Practitioner);
        Assert.Throws<ArgumentException>(() => Membership.Start(Guid.NewGuid(), "boss", MembershipRole.Manager, Now, practitioner: true));
        Assert.Throws<ArgumentException>(() => Membership.Start(Guid.NewGuid(), "boss", MembershipRole.Manager, Now, team: "North"));
        Assert.Null(nurse.PractitionerGrantedBy);
        Assert.Equal(Now, nurse.PractitionerSinceUtc);
        var carer = Membership.Start(Guid.NewGuid(), "carer", MembershipRole.Staff, Now, "care-worker");
        carer.ChangeJob("registered-nurse", null, practitioner: true, changedBy: "manager", utcNow: Now.AddDays(3));
        Assert.Equal(("manager", Now.AddDays(3)), (carer.PractitionerGrantedBy, carer.PractitionerSinceUtc));
        carer.ChangeJob("registered-nurse", "East", practitioner: true, changedBy: "someone-else", utcNow: Now.AddDays(9));
        Assert.Equal("manager", carer.PractitionerGrantedBy);
        carer.ChangeJob("registered-nurse", null, practitioner: false);
        Assert.Null(carer.PractitionerSinceUtc);
        nurse.End(Now);
        Assert.Throws<InvalidOperationException>(() => nurse.ChangeJob("care-worker", null, false));
    }
}
