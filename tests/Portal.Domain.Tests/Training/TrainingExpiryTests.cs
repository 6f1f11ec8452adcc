using Portal.Domain.Training;

namespace Portal.Domain.Tests.Training;

public sealed class TrainingExpiryTests
{
    private static readonly DateTime Completed = new(2025, 3, 10, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ExpiryIsCompletionPlusTheRefreshInterval()
    {
        Assert.Equal(new DateTime(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc), TrainingExpiry.ExpiresAtUtc(Completed, 12));
        Assert.Null(TrainingExpiry.ExpiresAtUtc(Completed, null));
    }

    [Fact]
    public void ValidUntilThirtyDaysBeforeExpiry()
    {
        Assert.Equal(TrainingStatus.Valid, TrainingExpiry.Status(Completed, 12, false, new DateTime(2026, 2, 8, 13, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void ExpiringSoonWithinThirtyDays()
    {
        Assert.Equal(TrainingStatus.ExpiringSoon, TrainingExpiry.Status(Completed, 12, false, new DateTime(2026, 2, 8, 14, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TrainingStatus.ExpiringSoon, TrainingExpiry.Status(Completed, 12, false, new DateTime(2026, 3, 10, 13, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void ExpiredWhenRefreshIntervalHasPassed()
    {
        Assert.Equal(TrainingStatus.Expired, TrainingExpiry.Status(Completed, 12, false, new DateTime(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void AModuleWithoutRefreshStaysValid()
    {
        Assert.Equal(TrainingStatus.Valid, TrainingExpiry.Status(Completed, null, false, new DateTime(2040, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void WithoutACompletionItIsInProgressOrNotStarted()
    {
        Assert.Equal(TrainingStatus.InProgress, TrainingExpiry.Status(null, 12, true, Completed));
        Assert.Equal(TrainingStatus.NotStarted, TrainingExpiry.Status(null, 12, false, Completed));
    }

    [Fact]
    public void ARefresherInProgressDoesNotHideAnExpiredCompletion()
    {
        Assert.Equal(TrainingStatus.Expired, TrainingExpiry.Status(Completed, 12, true, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
