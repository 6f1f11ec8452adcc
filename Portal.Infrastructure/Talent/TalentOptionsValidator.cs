using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Talent;

/// <summary>Refuses to start on minimum wage rates that could not be the law, naming what is wrong.</summary>
internal sealed class TalentOptionsValidator : IValidateOptions<TalentOptions>
{
    public ValidateOptionsResult Validate(string? name, TalentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinimumWage.Any(r => r.EffectiveFrom == default))
            return ValidateOptionsResult.Fail($"{TalentOptions.Section}:MinimumWage: every set of rates needs its EffectiveFrom day, like 2026-04-01.");
        var rates = options.MinimumWage.Count == 0 ? TalentOptions.BuiltInMinimumWage : [.. options.MinimumWage.Select(r => r.ToRates())];
        if (Portal.Domain.Talent.MinimumWage.ProblemWith(rates) is { } problem)
            return ValidateOptionsResult.Fail($"{TalentOptions.Section}:MinimumWage: {problem}.");
        return ValidateOptionsResult.Success;
    }
}
