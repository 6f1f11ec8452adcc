using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Makes a SQLite migration safe to interrupt. EF Core's lock on SQLite is a row in
/// <c>__EFMigrationsLock</c> that the migrator deletes when it finishes. A migrator that is killed
/// part-way (kill -9, a crash, a power cut, Ctrl-C during start-up) leaves the row behind, and every
/// later migration, the portal's own start-up included, then waits for it for ever, saying nothing
/// at the usual log levels. A lock on a file beside the database dies with the process that holds
/// it, so the process holding it knows no live migration is running: any row left in the table is
/// a dead migrator's, and is removed.
/// </summary>
internal sealed class SqliteMigrationLock : IAsyncDisposable
{
    private readonly FileStream _file;

    private SqliteMigrationLock(FileStream file) => _file = file;

    /// <summary>Waits until no other process is migrating this file, then clears a stale EF lock. Null for an in-memory database.</summary>
    public static async Task<SqliteMigrationLock?> AcquireAsync(PortalDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var file = await SqliteFileLock.TakeAsync(db.Database.GetConnectionString(), ".migration-lock",
            () => logger.LogWarning("Waiting for another process that is migrating {Database}", db.Database.GetDbConnection().DataSource), cancellationToken);
        if (file is null)
            return null;
        try
        {
            await ClearStaleLockAsync(db, logger, cancellationToken);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        return new SqliteMigrationLock(file);
    }

    private static async Task ClearStaleLockAsync(PortalDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT COUNT(*) FROM "sqlite_master" WHERE "type" = 'table' AND "name" = '__EFMigrationsLock'""";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
                return;
            command.CommandText = """DELETE FROM "__EFMigrationsLock" RETURNING "Timestamp" """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                logger.LogWarning("Removed a migration lock left by a migration that stopped part-way (taken {Taken}); no other process is migrating {Database}",
                    reader.GetString(0), db.Database.GetDbConnection().DataSource);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
