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

    /// <summary>Staff memberships across the other employers over the last three years, about a third of them ended (the city's turnover).</summary>
    public int Workforce { get; init; } = 30_000;

    /// <summary>Vacancies posted over the last two years and closed six weeks on: the pipeline's history, beside the open ones above.</summary>
    public int PastVacancies { get; init; } = 6_000;

    /// <summary>Applications to those past vacancies, moved along as a recruiter would; the hires join the employer's staff.</summary>
    public int PastApplications { get; init; } = 60_000;

    /// <summary>People the city's talent hub helped over two years (cases, a programme's cohorts, outcomes and check-ins).</summary>
    public int HubPeople { get; init; } = 600;

    /// <summary>Share (percent) of people with a profile who answered the equality monitoring questions.</summary>
    public int MonitoringPercent { get; init; } = 60;

    public const string Usage = "Portal.LoadData [--people N] [--organisations N] [--vacancies N] [--profiles N] [--completions N] [--applications N] [--plans N] [--alerts N] [--staff N] " +
        "[--workforce N] [--past-vacancies N] [--past-applications N] [--hub-people N] [--monitoring-percent N] [--seed N]";

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
                "--workforce" => options with { Workforce = value },
                "--past-vacancies" => options with { PastVacancies = value },
                "--past-applications" => options with { PastApplications = value },
                "--hub-people" => options with { HubPeople = value },
                "--monitoring-percent" => options with { MonitoringPercent = Math.Min(value, 100) },
                "--seed" => options with { Seed = value },
                _ => null,
            };
            if (options is null)
                return null;
        }
        return options;
    }
}
