using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Talent;

public sealed class TalentOptions
{
    public const string Section = "Talent";

    /// <summary>The Real Living Wage outside London (£13.45 from November 2025); it changes every year.</summary>
    [Range(typeof(decimal), "5", "100")]
    public decimal RealLivingWage { get; set; } = 13.45m;
}
