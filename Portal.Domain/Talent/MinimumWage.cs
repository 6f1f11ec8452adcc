namespace Portal.Domain.Talent;

/// <summary>
/// The legal pay floor over time: which rates are in force on a day, and whether a job's pay is below
/// them. A job posted to everyone must pay at least the National Living Wage, because anyone aged 21
/// or over who takes it is owed that; lower age bands cannot make a job's advertised pay lawful.
/// </summary>
public sealed class MinimumWage
{
    private readonly MinimumWageRates[] _rates;

    /// <param name="rates">Every set of rates known, past and announced; at most one per start day.</param>
    public MinimumWage(IEnumerable<MinimumWageRates> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        _rates = [.. rates.OrderBy(r => r.EffectiveFrom)];
        if (ProblemWith(_rates) is { } problem)
            throw new ArgumentException(problem, nameof(rates));
    }

    /// <summary>Why these rates could not be the law, or null: none given, a band out of order, or two sets starting the same day.</summary>
    public static string? ProblemWith(IReadOnlyCollection<MinimumWageRates> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count == 0)
            return "give at least one set of minimum wage rates";
        if (rates.Select(r => r.Problem()).FirstOrDefault(p => p is not null) is { } problem)
            return problem;
        return rates.GroupBy(r => r.EffectiveFrom).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"two sets of rates start on {twice.Key:yyyy-MM-dd}; keep one")
            : null;
    }

    public IReadOnlyList<MinimumWageRates> Rates => _rates;

    /// <summary>The rates in force on <paramref name="day"/>: the latest to start on or before it; null before the first.</summary>
    public MinimumWageRates? InForceOn(DateOnly day) => _rates.LastOrDefault(r => r.EffectiveFrom <= day);

    /// <summary>The National Living Wage in force on <paramref name="day"/> when <paramref name="hourly"/> is below it; otherwise null.</summary>
    public MinimumWageRates? Undercut(decimal hourly, DateOnly day) =>
        InForceOn(day) is { } rates && hourly < rates.Age21AndOver ? rates : null;
}
