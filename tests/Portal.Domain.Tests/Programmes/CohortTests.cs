using Portal.Domain.Programmes;

namespace Portal.Domain.Tests.Programmes;

public sealed class CohortTests
{
    private static readonly DateOnly Monday = new(2027, 1, 11);

    private static CohortDetails Details(int places = 12, string? venue = "Lincoln Green Community Centre", bool online = false) =>
        new(Monday, Monday.AddDays(39), places, venue, online, "Leeds Teaching Hospitals", "A guaranteed interview");

    [Fact]
    public void ACohortCannotEndBeforeItStarts() =>
        Assert.Throws<ProgrammeRuleException>(() => Cohort.Create(Guid.NewGuid(), Details() with { EndsOn = Monday.AddDays(-1) }, DateTime.UtcNow));

    [Fact]
    public void ACohortMeetsSomewhereOrOnline()
    {
        Assert.Throws<ProgrammeRuleException>(() => Cohort.Create(Guid.NewGuid(), Details(venue: " "), DateTime.UtcNow));
        Assert.Null(Cohort.Create(Guid.NewGuid(), Details(venue: null, online: true), DateTime.UtcNow).Venue);
    }

    [Fact]
    public void ACohortHasAtLeastOnePlace() =>
        Assert.Throws<ProgrammeRuleException>(() => Cohort.Create(Guid.NewGuid(), Details(places: 0), DateTime.UtcNow));

    [Fact]
    public void ItIsOpenUntilTheDayItStarts()
    {
        var cohort = Cohort.Create(Guid.NewGuid(), Details(), DateTime.UtcNow);
        Assert.True(cohort.OpenOn(Monday));
        Assert.False(cohort.OpenOn(Monday.AddDays(1)));
    }

    [Fact]
    public void ASessionFallsWithinTheCohortsDays()
    {
        var cohort = Cohort.Create(Guid.NewGuid(), Details(), DateTime.UtcNow);
        Assert.Throws<ProgrammeRuleException>(() => CohortSession.Create(cohort, Monday.AddDays(-1), "Welcome"));
        Assert.Equal("Welcome", CohortSession.Create(cohort, Monday, " Welcome ").Title);
    }

    [Fact]
    public void CompletingTwiceKeepsTheFirstDate()
    {
        var enrolment = Enrolment.Start(Guid.NewGuid(), "person", "navigator", DateTime.UtcNow);
        var first = new DateTime(2027, 2, 19, 15, 0, 0, DateTimeKind.Utc);
        Assert.True(enrolment.Complete(first));
        Assert.False(enrolment.Complete(first.AddDays(1)));
        Assert.Equal(first, enrolment.CompletedAtUtc);
    }

    [Fact]
    public void AJobOutcomeNamesTheEmployer() =>
        Assert.Throws<ProgrammeRuleException>(() => HubOutcome.Record("person", Guid.NewGuid(), null, OutcomeKind.StartedWork, " ", Monday, "navigator", DateTime.UtcNow));

    [Fact]
    public void AnOutcomeWithoutACohortIsKeyedToNoCohort() =>
        Assert.Equal(Guid.Empty, HubOutcome.Record("person", Guid.NewGuid(), null, OutcomeKind.Interview, "St James's", Monday, "navigator", DateTime.UtcNow).CohortId);
}
