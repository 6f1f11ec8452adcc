using Portal.Domain.Training;

namespace Portal.Domain.Tests.Training;

public sealed class RefreshPolicyTests
{
    private static readonly DateTime Completed = new(2025, 3, 10, 14, 0, 0, DateTimeKind.Utc);

    private static readonly RefreshPolicy Defaults = new(new Dictionary<string, int?>
    {
        ["safeguarding-adults"] = 36,
        ["duty-of-care"] = null,
    });

    private static Dictionary<string, int?> Own(string moduleSlug, int? months) => new() { [moduleSlug] = months };

    private static readonly Dictionary<string, int?> NoneOfItsOwn = [];

    [Fact]
    public void SomeoneWithNoEmployerGetsTheModuleDefault()
    {
        Assert.Equal(36, Defaults.ForPerson([]).MonthsFor("safeguarding-adults"));
    }

    [Fact]
    public void AnEmployersOwnIntervalReplacesTheModuleDefault()
    {
        Assert.Equal(12, Defaults.ForPerson([Own("safeguarding-adults", 12)]).MonthsFor("safeguarding-adults"));
    }

    [Fact]
    public void AnEmployerThatSetNoIntervalOfItsOwnUsesTheModuleDefault()
    {
        Assert.Equal(36, Defaults.ForPerson([NoneOfItsOwn]).MonthsFor("safeguarding-adults"));
    }

    [Fact]
    public void WithTwoEmployersTheShorterIntervalApplies()
    {
        Assert.Equal(12, Defaults.ForPerson([Own("safeguarding-adults", 24), Own("safeguarding-adults", 12)]).MonthsFor("safeguarding-adults"));
    }

    [Fact]
    public void AnEmployerWithALongerIntervalDoesNotLoosenAnotherEmployerOnTheDefault()
    {
        Assert.Equal(36, Defaults.ForPerson([Own("safeguarding-adults", 60), NoneOfItsOwn]).MonthsFor("safeguarding-adults"));
    }

    [Fact]
    public void AnEmployersOnceIsEnoughGivesWayToAnotherEmployersInterval()
    {
        Assert.Equal(36, Defaults.ForPerson([Own("safeguarding-adults", null), NoneOfItsOwn]).MonthsFor("safeguarding-adults"));
    }

    [Fact]
    public void AnEmployersOnceIsEnoughAppliesWhenItIsTheOnlyEmployer()
    {
        Assert.Null(Defaults.ForPerson([Own("safeguarding-adults", null)]).MonthsFor("safeguarding-adults"));
    }

    [Fact]
    public void AModuleWithNoRefreshNeedsNoneWhenNoEmployerSetsOne()
    {
        Assert.Null(Defaults.ForPerson([NoneOfItsOwn, Own("safeguarding-adults", 12)]).MonthsFor("duty-of-care"));
    }

    [Fact]
    public void AnEmployerMayAskForARefreshOfAModuleWithNone()
    {
        Assert.Equal(24, Defaults.ForPerson([NoneOfItsOwn, Own("duty-of-care", 24)]).MonthsFor("duty-of-care"));
    }

    [Fact]
    public void AnUnknownModuleNeedsNoRefresh()
    {
        Assert.Null(Defaults.ForPerson([Own("safeguarding-adults", 12)]).MonthsFor("unknown"));
    }

    [Fact]
    public void AnOrganisationOverrideReplacesTheModuleDefault()
    {
        var defaults = new RefreshPolicy(new Dictionary<string, int?> { ["safeguarding-adults"] = 36, ["duty-of-care"] = null });
        var organisation = defaults.ForOrganisation(new Dictionary<string, int?> { ["safeguarding-adults"] = 12 });

        Assert.Equal(36, defaults.MonthsFor("safeguarding-adults"));
        Assert.Equal(12, organisation.MonthsFor("safeguarding-adults"));
        Assert.Null(organisation.MonthsFor("duty-of-care"));
        Assert.Null(organisation.MonthsFor("unknown"));
    }

    [Fact]
    public void AnOrganisationsOwnLongerIntervalAppliesToItsOwnView()
    {
        var laxer = Defaults.ForOrganisation(Own("safeguarding-adults", 60));

        Assert.Equal(60, laxer.MonthsFor("safeguarding-adults"));
    }

    [Fact]
    public void ACompletionRunsOutOnTheDayTheShorterEmployerIntervalEnds()
    {
        var months = Defaults.ForPerson([NoneOfItsOwn, Own("safeguarding-adults", 12)]).MonthsFor("safeguarding-adults");

        Assert.Equal(TrainingStatus.ExpiringSoon, TrainingExpiry.Status(Completed, months, false, new DateTime(2026, 3, 10, 13, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(TrainingStatus.Expired, TrainingExpiry.Status(Completed, months, false, new DateTime(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void WithoutAnEmployerTheSameCompletionIsStillValidThen()
    {
        var months = Defaults.ForPerson([]).MonthsFor("safeguarding-adults");

        Assert.Equal(TrainingStatus.Valid, TrainingExpiry.Status(Completed, months, false, new DateTime(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc)));
    }
}
