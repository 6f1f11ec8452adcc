using Portal.Domain.Programmes;

namespace Portal.Domain.Tests.Programmes;

public sealed class CheckInScheduleTests
{
    private static readonly DateOnly Started = new(2026, 1, 5);

    [Fact]
    public void NothingIsDueTheDayBeforeThirteenWeeks() =>
        Assert.Null(CheckInSchedule.DueNow(Started, Started.AddDays(7 * 13 - 1), []));

    [Fact]
    public void ThirteenWeeksIsDueOnTheDay() =>
        Assert.Equal(13, CheckInSchedule.DueNow(Started, Started.AddDays(7 * 13), []));

    [Fact]
    public void AskedOnceItIsNotDueAgain() =>
        Assert.Null(CheckInSchedule.DueNow(Started, Started.AddDays(7 * 20), [13]));

    [Fact]
    public void TwentySixWeeksFollowsThirteen() =>
        Assert.Equal(26, CheckInSchedule.DueNow(Started, Started.AddDays(7 * 26), [13]));

    [Fact]
    public void AStartRecordedLateIsAskedOnlyTheLatestPointNotThreeAtOnce()
    {
        Assert.Equal(52, CheckInSchedule.DueNow(Started, Started.AddDays(7 * 60), []));
        Assert.Null(CheckInSchedule.DueNow(Started, Started.AddDays(7 * 60), [52]));
    }

    [Fact]
    public void ACheckInCanOnlyFollowAStartInWork()
    {
        var offer = HubOutcome.Record("person", Guid.NewGuid(), null, OutcomeKind.Offer, "Leeds Teaching Hospitals", Started, "navigator", DateTime.UtcNow);
        Assert.Throws<ArgumentException>(() => CheckIn.Ask(offer, 13, DateTime.UtcNow));
    }

    [Fact]
    public void AnAnswerStandsOnceGiven()
    {
        var started = HubOutcome.Record("person", Guid.NewGuid(), null, OutcomeKind.StartedWork, "Leeds Teaching Hospitals", Started, "navigator", DateTime.UtcNow);
        var checkIn = CheckIn.Ask(started, 26, DateTime.UtcNow);
        checkIn.Answer(true, DateTime.UtcNow);
        checkIn.Answer(true, DateTime.UtcNow);
        Assert.Equal(OutcomeKind.StillInWork26Weeks, checkIn.Counts);
        Assert.Throws<ProgrammeRuleException>(() => checkIn.Answer(false, DateTime.UtcNow));
    }
}
