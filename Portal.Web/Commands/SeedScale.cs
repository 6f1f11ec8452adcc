using System.Globalization;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;

namespace Portal.Web.Commands;

/// <summary>
/// `seed-scale [--people N] [--organisations N] [--vacancies N] [--profiles N] [--completions N] [--applications N] [--plans N] [--alerts N] [--seed N]`: fills the
/// configured database with a generated city for load tests and benchmarks (migrating it first).
/// </summary>
internal static class SeedScale
{
    public const string Usage = "seed-scale [--people N] [--organisations N] [--vacancies N] [--profiles N] [--completions N] [--applications N] [--plans N] [--alerts N] [--seed N]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (Parse(args[1..]) is not { } options)
        {
            await Console.Error.WriteLineAsync($"Usage: {Usage}");
            return 2;
        }
        await PortalDatabase.MigrateAsync(services);
        var content = services.GetRequiredService<Portal.Infrastructure.Content.ContentStore>().Load();
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        await Console.Out.WriteLineAsync($"Generating a city into {settings.Provider}: {options.People:N0} people, {options.Organisations:N0} organisations, {options.Vacancies:N0} vacancies, {options.Profiles:N0} candidate profiles, {options.Completions:N0} completions, {options.Applications:N0} applications, {options.SavedPlans:N0} saved plans, {options.Alerts:N0} job alerts (seed {options.Seed}).");
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<ScaleSeeder>().RunAsync(options, content, line => Console.Out.WriteLine($"  {line}"));
            await Console.Out.WriteLineAsync($"Done in {result.Elapsed.TotalSeconds:N1} s.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static ScaleSeedOptions? Parse(string[] args)
    {
        var options = new ScaleSeedOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
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
                "--seed" => options with { Seed = value },
                _ => null,
            };
            if (options is null)
                return null;
        }
        return options;
    }
}
