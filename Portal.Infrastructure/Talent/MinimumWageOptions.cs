namespace Portal.Infrastructure.Talent;

/// <summary>One year's legal minimum wage rates as written in settings, such as <c>Talent:MinimumWage:0:Age21AndOver</c>.</summary>
public sealed class MinimumWageOptions
{
    public DateOnly EffectiveFrom { get; set; }

    public decimal Age21AndOver { get; set; }

    public decimal Age18To20 { get; set; }

    public decimal Under18 { get; set; }

    public decimal Apprentice { get; set; }

    public Portal.Domain.Talent.MinimumWageRates ToRates() => new(EffectiveFrom, Age21AndOver, Age18To20, Under18, Apprentice);
}
