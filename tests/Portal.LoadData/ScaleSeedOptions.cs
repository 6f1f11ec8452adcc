namespace Portal.LoadData;

/// <summary>How much of a city to generate. The defaults are the city-scale figures the load tables use.</summary>
public sealed record ScaleSeedOptions
{
    public int People { get; init; } = 60_000;
    public int Organisations { get; init; } = 200;
    public int Vacancies { get; init; } = 5_000;

    /// <summary>Candidate profiles: the first people have one; past <see cref="People"/> they are applicants new to the portal.</summary>
    public int Profiles { get; init; } = 100_000;

    /// <summary>Completion rows over the last three years, shared among the first <see cref="People"/> (refreshers included).</summary>
    public int Completions { get; init; } = 3_000_000;

    public int Seed { get; init; } = 2026;

    /// <summary>Staff of the first organisation, a large employer whose training matrix the benchmarks read.</summary>
    public int MatrixStaff { get; init; } = 500;

    /// <summary>Applications by people with a profile to published vacancies, at every stage of the pipeline.</summary>
    public int Applications { get; init; } = 50_000;

    /// <summary>Career plans ("from where I am to where I want to be") saved by people.</summary>
    public int SavedPlans { get; init; } = 30_000;

    /// <summary>Job searches kept as daily or weekly alerts.</summary>
    public int Alerts { get; init; } = 20_000;

    public const string Usage = "Portal.LoadData [--people N] [--organisations N] [--vacancies N] [--profiles N] [--completions N] [--applications N] [--plans N] [--alerts N] [--staff N] [--seed N]";

    /// <summary>The command line's options over the defaults, or null when one is not understood.</summary>
    public static ScaleSeedOptions? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ScaleSeedOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
                return null;
            options = args[i] switch
            {
                "--people" => options with { People = value },
                "--organisations" => options with { Organisations = value },
                "--vacancies" => options with { Vacancies = value },
                "--profiles" => options with { Profiles = value },
                "--completions" => options with { Completions = value },
                "--applications" => options with { Applications = value },
                "--plans" => options with { SavedPlans = value },
                "--alerts" => options with { Alerts = value },
                "--staff" => options with { MatrixStaff = value },
                "--seed" => options with { Seed = value },
                _ => null,
            };
            if (options is null)
                return null;
        }
        return options;
    }
}
