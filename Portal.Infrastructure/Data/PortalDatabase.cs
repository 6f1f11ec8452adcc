using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Data;

/// <summary>Start-up and command-line database work: migrations, the SQLite journal mode, and databases this build cannot use.</summary>
public static class PortalDatabase
{
    /// <summary>
    /// Applies migrations when the settings ask for it (always for embedded SQLite); otherwise only
    /// checks the database is one this build can use. Returns the migrations still to apply.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PrepareAsync(IServiceProvider services, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.MigrateOnStartup)
        {
            await MigrateAsync(services, progress, cancellationToken);
            return [];
        }

        await using var scope = services.CreateAsyncScope();
        return await PendingAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), settings, cancellationToken);
    }

    /// <summary>Brings the schema up to date and returns the migrations it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalDatabase));

        await using var sqliteLock = settings.Provider == DatabaseProvider.Sqlite ? await SqliteMigrationLock.AcquireAsync(db, logger, cancellationToken) : null;
        var pending = await PendingAsync(db, settings, cancellationToken);
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

        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, settings.Provider, string.Join(", ", pending));
            progress?.Invoke($"Applying {Migrations(pending.Count)} to {settings.Name}: {string.Join(", ", pending)}");
        }
        await db.Database.MigrateAsync(cancellationToken);
        await Organisations.JobHistoryBackfill.RunAsync(db, cancellationToken);
        return pending;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that only one process at a time may hold for
    /// <paramref name="name"/>, on every provider. For start-up work each node does (demo data): a
    /// second node starting at the same moment waits, then finds the work done, instead of failing
    /// on a unique key.
    /// </summary>
    public static async Task InExclusiveTransactionAsync(PortalDbContext db, string name, Func<Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        // SQLite: Microsoft.Data.Sqlite begins transactions IMMEDIATE, so this already holds the database's one write lock.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({name}))", cancellationToken);
        else if (db.Database.IsSqlServer())
            await db.Database.ExecuteSqlAsync($"EXEC sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000", cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one process at a time for <paramref name="name"/>, holding no
    /// transaction and, on SQLite, not the database's one write lock while it runs: for long work
    /// that reads a lot and writes a little at the end in its own short transaction (the insight
    /// rollup). PostgreSQL: a session advisory lock on the context's connection, kept open for the
    /// work; SQL Server: a session application lock, likewise; SQLite: a lock on a file beside the
    /// database (<see cref="SqliteFileLock"/>). Each is released when the work ends, or with the
    /// connection or process if that dies first.
    /// </summary>
    public static async Task OneAtATimeAsync(PortalDbContext db, string name, Func<Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.IsSqlite())
        {
            await using var file = await SqliteFileLock.TakeAsync(db.Database.GetConnectionString(), $".{name}-lock", () => { }, cancellationToken);
            await work();
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // However long the run before it takes, as on SQLite: no command timeout (0) while waiting.
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(0);
            try
            {
                if (db.Database.IsNpgsql())
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({name}))", cancellationToken);
                else
                    await db.Database.ExecuteSqlAsync($"EXEC sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1", cancellationToken);
            }
            finally
            {
                db.Database.SetCommandTimeout(timeout);
            }
            try
            {
                await work();
            }
            finally
            {
                if (db.Database.IsNpgsql())
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({name}))", CancellationToken.None);
                else
                    await db.Database.ExecuteSqlAsync($"EXEC sp_releaseapplock @Resource = {name}, @LockOwner = 'Session'", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/>'s reads in one transaction that sees the database as it stood
    /// when the first of them ran and holds no write lock: on SQLite a deferred transaction (under
    /// WAL a reader neither waits for the writer nor holds it up), on PostgreSQL repeatable read. SQL
    /// Server's snapshot isolation needs a database setting the portal does not ask for, so there
    /// each read sees what was committed when it ran (read committed). <paramref name="work"/> must not write.
    /// </summary>
    public static async Task<T> InReadSnapshotAsync<T>(PortalDbContext db, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            // Microsoft.Data.Sqlite begins IMMEDIATE (the write lock) unless asked for a deferred transaction.
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(db.Database.IsNpgsql() ? IsolationLevel.RepeatableRead : IsolationLevel.ReadCommitted, cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            try
            {
                var result = await work();
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            finally
            {
                await db.Database.UseTransactionAsync(null, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>"1 migration", "19 migrations".</summary>
    public static string Migrations(int count) => count == 1 ? "1 migration" : $"{count} migrations";

    /// <summary>
    /// The migrations this build would apply. A database made before the migrations were squashed
    /// lists ones this build no longer has, older than its first: EF would then try to create every
    /// table again and stop on the first, so say what to do instead.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PendingAsync(PortalDbContext db, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (known.Count > 0 && unknown.Count > 0 && unknown.All(id => string.CompareOrdinal(id, known[0]) < 0))
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // Closing every connection lets SQLite fold its -wal file back in, so moving the one file moves everything.
                SqliteConnection.ClearAllPools();
                throw new PortalDatabaseException(
                    $"{settings.Name} was made by an earlier build of the portal and cannot be upgraded. Move it aside and start again: " +
                    $"a new database is made (with the demo accounts, in Development). mv '{settings.Name}' '{settings.Name}.old'");
            }
            throw new PortalDatabaseException(
                $"{settings.Name} was made by an earlier build of the portal and cannot be upgraded: drop it, create it empty, and run `migrate`.");
        }
        return known.Except(applied, StringComparer.Ordinal).ToList();
    }
}
