using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;
using Portal.LoadData;

// Fills the database the portal's settings name (Database__Provider, ConnectionStrings__Portal,
// Content__Path: the same environment variables as the portal) with a generated city, migrating it
// first. For load runs and benchmarks; never a live database.
if (ScaleSeedOptions.Parse(args) is not { } options)
{
    await Console.Error.WriteLineAsync($"Usage: {ScaleSeedOptions.Usage}");
    return 2;
}

try
{
    using var host = CommandHost.CreateBuilder([]).Build();
    var settings = host.Services.GetRequiredService<DatabaseSettings>();
    await PortalDatabase.MigrateAsync(host.Services, line => Console.Out.WriteLine(line));
    var content = host.Services.GetRequiredService<ContentStore>().Load();
    await using var scope = host.Services.CreateAsyncScope();
    await Console.Out.WriteLineAsync($"Generating a city into {settings.Name}: {options.People:N0} people, {options.Organisations:N0} organisations, {options.Vacancies:N0} vacancies, " +
        $"{options.Profiles:N0} candidate profiles, {options.Completions:N0} completions, {options.Applications:N0} applications, {options.SavedPlans:N0} saved plans, " +
        $"{options.Alerts:N0} job alerts (seed {options.Seed}).");
    var seeder = new ScaleSeeder(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), scope.ServiceProvider.GetRequiredService<PostcodeDistricts>(), TimeProvider.System);
    var result = await seeder.RunAsync(options, content, line => Console.Out.WriteLine($"  {line}"));
    await Console.Out.WriteLineAsync($"Done in {result.Elapsed.TotalSeconds:N1} s.");
    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or PortalConfigurationException or PortalDatabaseException or ContentValidationException or DbException)
{
    await Console.Error.WriteLineAsync($"Load data stopped: {ex.Message}");
    return 1;
}
