using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Portal.Infrastructure.Data;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Support;

/// <summary>A real, migrated, throwaway database. One per test class; each test makes its own contexts.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract DatabaseProvider Provider { get; }

    /// <param name="interceptors">Added after the portal's own, for a test that must step into a command.</param>
    public abstract PortalDbContext CreateContext(params IInterceptor[] interceptors);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    protected static async Task MigrateAsync(PortalDbContext db)
    {
        await using (db)
            await db.Database.MigrateAsync();
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();

    public override PortalDbContext CreateContext(params IInterceptor[] interceptors) =>
        new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(ConnectionString).AddInterceptors([TransactionEndInterceptor.Instance, .. interceptors]).Options);

    public override async Task InitializeAsync()
    {
        await using (var db = CreateContext())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await MigrateAsync(CreateContext());
    }

    public override Task DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", ".insight-rollup-lock" })
            File.Delete(_path + suffix);
        return Task.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name = $"portal_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = _name }.ToString();

    public override PortalDbContext CreateContext(params IInterceptor[] interceptors) =>
        new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(ConnectionString).AddInterceptors([TransactionEndInterceptor.Instance, .. interceptors]).Options);

    public override async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        await MigrateAsync(CreateContext());
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
