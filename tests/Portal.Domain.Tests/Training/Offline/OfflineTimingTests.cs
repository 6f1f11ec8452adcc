using Portal.Domain.Training.Offline;

namespace Portal.Domain.Tests.Training.Offline;

public sealed class OfflineTimingTests
{
    private static readonly DateTime Received = new(2026, 12, 6, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Started = Received.AddHours(-3);
    private static readonly TimeSpan Oldest = TimeSpan.FromDays(30);

    [Fact]
    public void AFinishTimeWithinTheRoundIsKeptAsReported() =>
        Assert.Equal(Received.AddHours(-1), OfflineTiming.Clamp(Received.AddHours(-1), Started, Received, Oldest));

    [Fact]
    public void AFinishTimeInTheFutureIsRecordedAsWhenItArrived() =>
        Assert.Equal(Received, OfflineTiming.Clamp(Received.AddDays(2), Started, Received, Oldest));

    [Fact]
    public void AFinishTimeBeforeTheRoundStartedIsRecordedAsTheStart() =>
        Assert.Equal(Started, OfflineTiming.Clamp(Started.AddMinutes(-1), Started, Received, Oldest));

    [Fact]
    public void AFinishTimeOlderThanTheWindowIsRecordedAsTheWindowsEdge() =>
        Assert.Equal(Received - Oldest, OfflineTiming.Clamp(Received.AddDays(-400), Received.AddDays(-500), Received, Oldest));

    [Fact]
    public void ARoundStartedAfterArrivalByAFastServerClockStillGivesTheArrivalTime() =>
        Assert.Equal(Received, OfflineTiming.Clamp(Received.AddMinutes(-5), Received.AddMinutes(1), Received, Oldest));

    [Fact]
    public void AnOldVersionCountsUpToTheEndOfTheWindow()
    {
        var window = TimeSpan.FromDays(14);
        Assert.True(OfflineTiming.VersionStillCounts(Received - window, Received, window));
        Assert.False(OfflineTiming.VersionStillCounts(Received - window - TimeSpan.FromSeconds(1), Received, window));
    }
}
