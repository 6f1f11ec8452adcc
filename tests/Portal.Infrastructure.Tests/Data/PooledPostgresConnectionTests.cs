using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Data;

/// <summary>
/// On PostgreSQL the portal's contexts skip Npgsql's reset of a connection going back to its pool
/// (issue 25): what a failed request left open on its connection must still never reach the next
/// request that gets the same connection, and an operator who asks for the reset keeps it.
/// </summary>
public sealed class PooledPostgresConnectionTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static Task<T> ScalarAsync<T>(PortalDbContext db, string sql) => db.Database.SqlQueryRaw<T>(sql).SingleAsync();

    [Fact]
    public async Task AConnectionBackInThePoolAfterAFailedRequestStartsTheNextOneClean()
    {
        // One connection in the pool, so the second context is handed the first one's connection.
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, database.ConnectionString + ";Maximum Pool Size=1", MigrateOnStartup: false);
        Assert.True(new NpgsqlConnectionStringBuilder(settings.ContextConnectionString).NoResetOnClose);
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(settings.ContextConnectionString).Options;

        int failedOn;
        await using (var failed = new PostgresPortalDbContext(options))
        {
            await failed.Database.OpenConnectionAsync();
            failedOn = await ScalarAsync<int>(failed, "SELECT pg_backend_pid() AS \"Value\"");
            await using var transaction = await failed.Database.BeginTransactionAsync();
            failed.Add(Organisation.Create("Never Committed Care", OrganisationType.CareProvider, null, "LS6 1AB", DateTime.UtcNow));
            await failed.SaveChangesAsync();
            // The request fails here: neither commit nor rollback is called.
        }

        await using var next = new PostgresPortalDbContext(options);
        await next.Database.OpenConnectionAsync();
        Assert.Equal(failedOn, await ScalarAsync<int>(next, "SELECT pg_backend_pid() AS \"Value\""));
        // Not inside the failed request's transaction: no transaction id is held, and its row never was.
        Assert.Null(await ScalarAsync<long?>(next, "SELECT txid_current_if_assigned() AS \"Value\""));
        Assert.False(await next.Set<Organisation>().AnyAsync(o => o.Name == "Never Committed Care"));
        next.Add(Organisation.Create("Committed Care", OrganisationType.CareProvider, null, "LS6 1AB", DateTime.UtcNow));
        await next.SaveChangesAsync();
        Assert.True(await next.Set<Organisation>().AnyAsync(o => o.Name == "Committed Care"));
    }

    [Fact]
    public void AnOperatorWhoAsksForTheResetKeepsIt()
    {
        var asked = new DatabaseSettings(DatabaseProvider.Postgres, database.ConnectionString + ";No Reset On Close=false", MigrateOnStartup: false);
        Assert.False(new NpgsqlConnectionStringBuilder(asked.ContextConnectionString).NoResetOnClose);
        var sqlite = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=portal.db", MigrateOnStartup: true);
        Assert.Equal("Data Source=portal.db", sqlite.ContextConnectionString);
    }
}
