using System.ComponentModel.DataAnnotations;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Talent;

/// <summary>Pay figures the portal compares jobs with. Both change every year, so both are settings with the day they apply from.</summary>
public sealed class TalentOptions
{
    public const string Section = "Talent";

    /// <summary>The Real Living Wage outside London, a voluntary rate the Living Wage Foundation announces each autumn.</summary>
    [Range(typeof(decimal), "5", "100")]
    public decimal RealLivingWage { get; set; } = 13.45m;

    /// <summary>The day the Living Wage Foundation announced <see cref="RealLivingWage"/> (22 October 2025 for £13.45).</summary>
    public DateOnly RealLivingWageFrom { get; set; } = new(2025, 10, 22);

    /// <summary>
    /// The legal minimum wage rates by the day each set starts, past and announced. Empty means the
    /// rates built in (<see cref="BuiltInMinimumWage"/>); setting any replaces them all, so list the
    /// current rates as well as the next.
    /// </summary>
    public List<MinimumWageOptions> MinimumWage { get; set; } = [];

    /// <summary>GOV.UK's National Minimum Wage and National Living Wage rates for April 2025 and April 2026.</summary>
    public static IReadOnlyList<MinimumWageRates> BuiltInMinimumWage { get; } =
    [
        new(new DateOnly(2025, 4, 1), Age21AndOver: 12.21m, Age18To20: 10.00m, Under18: 7.55m, Apprentice: 7.55m),
        new(new DateOnly(2026, 4, 1), Age21AndOver: 12.71m, Age18To20: 10.85m, Under18: 8.00m, Apprentice: 8.00m),
    ];

    /// <summary>The legal pay floor these settings describe.</summary>
    /// <exception cref="ArgumentException">The rates are inconsistent; <see cref="TalentOptionsValidator"/> reports this at start-up.</exception>
    public Portal.Domain.Talent.MinimumWage LegalMinimumWage() =>
        new(MinimumWage.Count == 0 ? BuiltInMinimumWage : MinimumWage.Select(rates => rates.ToRates()));
}
