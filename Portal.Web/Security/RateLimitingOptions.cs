namespace Portal.Web.Security;

/// <summary>Section "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    /// <summary>
    /// Sign-in, registration and recovery form posts allowed per client address per minute; and
    /// change-password and delete-account posts, per address and per signed-in person.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int AccountPostsPerMinute { get; set; } = 10;

    /// <summary>Training matrix pages and downloads built at once on this node; more wait their turn.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int ConcurrentReports { get; set; } = 2;

    /// <summary>Reports that may wait for a turn; past that a request is refused with 429 and Retry-After.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 10_000)]
    public int QueuedReports { get; set; } = 100;
}
