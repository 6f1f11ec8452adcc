using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Accounts;

/// <summary>Section "Sessions": how long a sign-in lasts, and where signed-in requests find it.</summary>
public sealed class SessionLifetimeOptions : IValidatableObject
{
    /// <summary>
    /// Unused this long, a session ends. A day lets a care worker who opens the portal in the gaps
    /// of a shift stay signed in across it, and ends a forgotten one by the next.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "14.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromDays(1);

    /// <summary>However much it is used, a session ends this long after sign-in, and the person signs in again.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A Redis server (StackExchange.Redis configuration, e.g. <c>redis.internal:6379</c>) that keeps
    /// a copy of live sessions for every node, so a signed-in request need not read the database.
    /// Empty: every request reads its session row.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>How long a copy lives in Redis: also the longest an ended session could last if Redis was unreachable when it ended.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan RedisCacheFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// With SQLite and no Redis (one process serves the portal), a copy of each live session is kept
    /// in that process for this long, so a signed-in request need not read its row. Every way the
    /// portal ends a session drops the copy at once; this is the longest a session ended by another
    /// process on the same database (a command run beside the portal) could still be used here.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan InProcessCacheFor { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AbsoluteLifetime < IdleTimeout)
            yield return new ValidationResult("Sessions:AbsoluteLifetime must be at least Sessions:IdleTimeout.", [nameof(AbsoluteLifetime)]);
    }
}
