using Portal.Domain.Notifications;

namespace Portal.Domain.Tests.Notifications;

public sealed class OutboxRetryPolicyTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    public void DelayDoublesAfterEachFailure(int failures, int expectedMinutes)
    {
        var policy = new OutboxRetryPolicy(10, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), policy.DelayAfter(failures));
    }

    [Fact]
    public void DelayNeverExceedsTheCapEvenAfterManyFailures()
    {
        var policy = new OutboxRetryPolicy(100, TimeSpan.FromMinutes(1), TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.FromHours(2), policy.DelayAfter(70));
    }
}
