using Portal.Domain.Notifications;

namespace Portal.Domain.Tests.Notifications;

public sealed class OutboxHealthTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    [Fact]
    public void MailWaitingLessThanTheLimitAndNoDeadLettersNeedsNobody()
    {
        var health = new OutboxHealth(Pending: 12, Leased: 2, SentLastHour: 40, SentLastDay: 900, OldestPendingCreatedUtc: Now.AddMinutes(-29), DeadLetters: 0);

        Assert.Empty(health.Problems(Now, Limit));
    }

    [Fact]
    public void AnEmptyOutboxNeedsNobody()
    {
        var health = new OutboxHealth(0, 0, 0, 0, null, 0);

        Assert.Empty(health.Problems(Now, Limit));
        Assert.Null(health.OldestPendingAge(Now));
    }

    [Fact]
    public void MailWaitingExactlyTheLimitIsStillFine()
    {
        var health = new OutboxHealth(1, 0, 0, 0, Now - Limit, 0);

        Assert.Empty(health.Problems(Now, Limit));
    }

    [Fact]
    public void MailWaitingLongerThanTheLimitNeedsAttentionAndSaysHowLong()
    {
        var health = new OutboxHealth(1, 0, 0, 0, Now.AddMinutes(-42), 0);

        var problem = Assert.Single(health.Problems(Now, Limit));
        Assert.Equal("the oldest unsent message has waited 42 minutes (more than 30)", problem);
    }

    [Fact]
    public void DeadLettersNeedAttentionAndAreCounted()
    {
        Assert.Equal(["1 message could not be delivered"], new OutboxHealth(0, 0, 0, 0, null, 1).Problems(Now, Limit));
        Assert.Equal(["3 messages could not be delivered"], new OutboxHealth(0, 0, 0, 0, null, 3).Problems(Now, Limit));
    }

    [Fact]
    public void AMessageStampedAFewSecondsAheadHasWaitedNoTime()
    {
        // Two nodes' clocks differ a little; a negative age would read as nonsense.
        Assert.Equal(TimeSpan.Zero, new OutboxHealth(1, 0, 0, 0, Now.AddSeconds(3), 0).OldestPendingAge(Now));
    }
}
