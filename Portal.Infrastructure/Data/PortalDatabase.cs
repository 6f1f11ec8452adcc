using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Data;

/// <summary>Start-up and command-line database work: migrations and the SQLite journal mode.</summary>
public static class PortalDatabase
{
    /// <summary>Applies migrations when the settings ask for it (always for embedded SQLite).</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.MigrateOnStartup)
            await MigrateAsync(services, cancellationToken);
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalDatabase));

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers carry on while the delivery job or a learner writes; it persists in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, settings.Provider, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }
}
