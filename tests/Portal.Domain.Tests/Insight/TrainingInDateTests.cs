using Portal.Domain.Compliance;
using Portal.Domain.Insight;
using Portal.Domain.Organisations;

namespace Portal.Domain.Tests.Insight;

public sealed class TrainingInDateTests
{
    [Fact]
    public void APersonsTallyCountsEveryRequiredItemAndHoldsOnlyThoseInDateOrExpiringSoon()
    {
        var on = new DateOnly(2026, 1, 1);
        ComplianceCell[] cells =
        [
            new(ComplianceStatus.Valid, on, null),
            new(ComplianceStatus.Expiring30, on, on.AddMonths(12)),
            new(ComplianceStatus.Expired, on, on.AddMonths(6)),
            new(ComplianceStatus.Missing, null, null),
        ];

        Assert.Equal((4, 2), TrainingInDate.Tally(cells));
    }

    [Fact]
    public void AShareAboutFewerThanFiveStaffIsNotShownHoweverManyItemsTheyHold()
    {
        // Four staff with forty items between them: the items are many, the people too few.
        Assert.Null(TrainingInDate.ItemsPercent(staff: 4, held: 30, required: 40));
        Assert.Equal(75, TrainingInDate.ItemsPercent(staff: 5, held: 30, required: 40));
        // Worked out from the rounded counts: 12 of 24 is published as 10 of 25.
        Assert.Equal(40, TrainingInDate.ItemsPercent(staff: 12, held: 12, required: 24));
        Assert.Null(TrainingInDate.ItemsPercent(staff: 0, held: 0, required: 0));
        Assert.Equal(50, TrainingInDate.StaffPercent(staff: 12, allHeld: 6));
        Assert.Null(TrainingInDate.StaffPercent(staff: 12, allHeld: 3));
    }

    [Fact]
    public void ACareSettingReadsBackFromItsStoredKeyAndAnythingElseIsNotRecorded()
    {
        Assert.Equal(CareSetting.HomeCare, CareSettings.Parse("HomeCare"));
        Assert.Null(CareSettings.Parse(""));
        Assert.Null(CareSettings.Parse("Banana"));
        Assert.Null(CareSettings.Parse("99"));
        Assert.Equal(CareSettings.NotRecorded, CareSettings.Name(CareSettings.Parse("")));
        Assert.All(Enum.GetValues<CareSetting>(), s => Assert.NotEqual(CareSettings.NotRecorded, CareSettings.Name(s)));
    }

    [Fact]
    public void AnOrganisationsSettingCanBeRecordedAndClearedButNeverSetToANumberThatIsNoSetting()
    {
        var organisation = Organisation.Create("Harehills Homecare", OrganisationType.CareProvider, null, "LS8 3AA", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        organisation.ChangeSetting(CareSetting.HomeCare);
        Assert.Equal(CareSetting.HomeCare, organisation.Setting);
        organisation.ChangeSetting(null);
        Assert.Null(organisation.Setting);
        Assert.Throws<ArgumentOutOfRangeException>(() => organisation.ChangeSetting((CareSetting)99));
    }
}
