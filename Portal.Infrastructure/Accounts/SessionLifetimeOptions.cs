using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Accounts;

/// <summary>Section "Sessions": how long a sign-in lasts.</summary>
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AbsoluteLifetime < IdleTimeout)
            yield return new ValidationResult("Sessions:AbsoluteLifetime must be at least Sessions:IdleTimeout.", [nameof(AbsoluteLifetime)]);
    }
}
