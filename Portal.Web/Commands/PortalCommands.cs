using Portal.Infrastructure.Data;

namespace Portal.Web.Commands;

/// <summary>
/// Operator commands that share the web app's configuration: `migrate`, `content check`, `seed-scale` and `run-job`.
/// They run instead of the web server and return the process exit code.
/// </summary>
public static class PortalCommands
{
    public static bool IsCommand(string[] args) =>
        args is ["migrate", ..] or ["content", "check", ..] or ["seed-scale", ..] or ["run-job", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        switch (args)
        {
            case ["migrate", ..]:
                var settings = app.Services.GetRequiredService<DatabaseSettings>();
                await PortalDatabase.MigrateAsync(app.Services);
                await Console.Out.WriteLineAsync($"Database is up to date ({settings.Provider}).");
                return 0;
            case ["content", "check", ..]:
                return await ContentCheck.RunAsync(app.Services);
            case ["seed-scale", ..]:
                return await SeedScale.RunAsync(app.Services, args);
            case ["run-job", var name]:
                return await RunJob.RunAsync(app.Services, name);
            default:
                await Console.Error.WriteLineAsync($"Unknown command. Use: migrate | content check | {SeedScale.Usage} | run-job {string.Join("|", RunJob.Names)}");
                return 2;
        }
    }
}
