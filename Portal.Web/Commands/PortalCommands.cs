using Portal.Infrastructure;
using Portal.Infrastructure.Data;

namespace Portal.Web.Commands;

/// <summary>
/// Operator commands that share the portal's settings: `migrate`, `content check`, `rotate-badge-key` and `run-job NAME`.
/// They run in a host of their own (<see cref="CommandHost"/>: no web server, no Hangfire server),
/// print what they do, and return the exit code: 0 done, 1 failed (one line on standard error
/// saying why), 2 not understood.
/// </summary>
public static class PortalCommands
{
    private static readonly string Usage = $"Commands: migrate | content check | rotate-badge-key | run-job {string.Join("|", RunJob.Names)}";

    /// <summary>A first word that is not a setting (`--urls=...`, `Key=Value`) is a command, known or not: never a reason to start the site.</summary>
    public static bool IsCommand(string[] args) =>
        args is [var first, ..] && !first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = string.Join(' ', args);
        if (args is ["seed-scale", ..])
            return await RefuseAsync("seed-scale has moved out of the portal into the load-data tool: dotnet run --project tests/Portal.LoadData -c Release -- [--people N ...]");
        if (args is ["run-job", var name] && !RunJob.Names.Contains(name, StringComparer.Ordinal))
            return await RefuseAsync($"run-job: no job called '{name}'. Jobs: {string.Join(", ", RunJob.Names)}");
        if (args is not (["migrate"] or ["content", "check"] or ["rotate-badge-key"] or ["run-job", _]))
            return await RefuseAsync(Usage);

        IHost? host = null;
        try
        {
            var builder = CommandHost.CreateBuilder(args);
            // A new signing key is encrypted with the portal's data protection, so the command needs the portal's keys.
            if (args is ["rotate-badge-key"])
                Security.KeyProtection.AddKeyProtection(builder.Services, builder.Configuration, builder.Environment);
            host = builder.Build();
            // Settings first, as at the portal's start-up: a wrong value stops the command before it touches anything.
            host.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            return args switch
            {
                ["migrate"] => await MigrateAsync(host.Services),
                ["content", "check"] => await ContentCheck.RunAsync(host.Services),
                ["rotate-badge-key"] => await RotateBadgeKey.RunAsync(host.Services),
                _ => await RunJob.RunAsync(host.Services, args[1]),
            };
        }
        catch (Exception ex) when (StartupFailure.Reason(ex) is { } reason)
        {
            await Console.Error.WriteLineAsync($"{command} stopped: {reason}");
            return 1;
        }
        catch (Exception ex)
        {
            // A bug rather than something to fix in the settings: the whole story in the log, one line to the operator.
            host?.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Web.Commands").LogError(ex, "{Command} failed", command);
            await Console.Error.WriteLineAsync($"{command} failed: {ex.GetBaseException().Message}");
            return 1;
        }
        finally
        {
            host?.Dispose();
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var applied = await PortalDatabase.MigrateAsync(services, line => Console.Out.WriteLine(line));
        await Console.Out.WriteLineAsync(applied.Count == 0
            ? $"Database is up to date ({settings.Provider}): nothing to apply."
            : $"Database is up to date ({settings.Provider}): {PortalDatabase.Migrations(applied.Count)} applied.");
        return 0;
    }

    private static async Task<int> RefuseAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
    }
}
