namespace Portal.Domain.Notifications;

/// <summary>Exponential backoff for a message the mail server rejected, and when to give up on it.</summary>
public sealed record OutboxRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static OutboxRetryPolicy Default { get; } = new(8, TimeSpan.FromMinutes(1), TimeSpan.FromHours(2));

    /// <summary>Delay before the next try after <paramref name="failedAttempts"/> failures: 1, 2, 4 ... capped.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ticks = Math.Min(FirstDelay.Ticks * (1L << exponent), MaxDelay.Ticks);
        return TimeSpan.FromTicks(ticks);
    }
}
