using System.Globalization;

namespace Portal.Domain.Talent;

/// <summary>
/// The legal minimum hourly pay by age band, as set each year for the UK: the National Living Wage
/// (21 and over) and the National Minimum Wage bands below it.
/// </summary>
/// <param name="EffectiveFrom">The day these rates start (1 April in recent years).</param>
/// <param name="Apprentice">For apprentices under 19, or in the first year of their apprenticeship.</param>
public sealed record MinimumWageRates(DateOnly EffectiveFrom, decimal Age21AndOver, decimal Age18To20, decimal Under18, decimal Apprentice)
{
    /// <summary>What is wrong with these rates, or null: each band positive and none above the band for older workers.</summary>
    public string? Problem() =>
        Age21AndOver is <= 0m or > 100m || Age18To20 <= 0m || Under18 <= 0m || Apprentice <= 0m
            ? string.Create(CultureInfo.InvariantCulture, $"the rates from {EffectiveFrom:yyyy-MM-dd} must each be more than 0 and at most 100 pounds an hour")
        : Age18To20 > Age21AndOver || Under18 > Age18To20 || Apprentice > Age21AndOver
            ? string.Create(CultureInfo.InvariantCulture, $"the rates from {EffectiveFrom:yyyy-MM-dd} must not rise as age falls: 21 and over >= 18 to 20 >= under 18, and the apprentice rate <= 21 and over")
        : null;
}
