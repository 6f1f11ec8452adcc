using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;
using Portal.Tests.Common;
using Portal.Web.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// Two nodes started at the same moment in Development both seed the demo accounts. Each node here
/// is the real app's services (its own container and connection pool) over one shared database.
/// </summary>
public abstract class DemoAccountRaceTests : IAsyncLifetime
{
    protected abstract IDictionary<string, string?> Database { get; }

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task TwoNodesSeedingAtOnceBothSucceedWithOneSetOfAccounts()
    {
        using var nodeA = new Node(Database);
        using var nodeB = new Node(Database);
        // Started one after the other: the first creates the schema, and neither seeds (not Development).
        _ = nodeA.Services;
        _ = nodeB.Services;

        using var start = new Barrier(2);
        Task Seed(Node node) => Task.Run(() =>
        {
            start.SignalAndWait();
            return DemoAccounts.CreateAsync(node.Services);
        });
        await Task.WhenAll(Seed(nodeA), Seed(nodeB));

        await using var scope = nodeA.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var emails = await db.Users.Select(u => u.Email).ToListAsync();
        Assert.Equal(DemoAccounts.All.Select(a => a.Email).Concat(DemoNavigation.Emails).Order(), emails.Order());
        var organisation = Assert.Single(await db.Set<Organisation>().Where(o => o.Name == DemoAccounts.OrganisationName).ToListAsync());
        Assert.Equal(4, await db.Set<Membership>().CountAsync(m => m.OrganisationId == organisation.Id));
    }

    private sealed class Node(IDictionary<string, string?> database) : PortalWebFactory
    {
        protected override IDictionary<string, string?> Settings => database;
    }
}

public sealed class SqliteDemoAccountRaceTests : DemoAccountRaceTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"portal-demo-race-{Guid.NewGuid():N}.db");

    protected override IDictionary<string, string?> Database => new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={_file}" };

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".migration-lock", ".insight-rollup-lock" })
            File.Delete(_file + suffix);
        return Task.CompletedTask;
    }
}

public sealed class PostgresDemoAccountRaceTests : DemoAccountRaceTests
{
    private readonly string _name = $"portal_demo_race_{Guid.NewGuid():N}";

    protected override IDictionary<string, string?> Database => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Portal"] = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = _name }.ToString(),
        ["Database:MigrateOnStartup"] = "true",
    };

    public override Task InitializeAsync() => AdminAsync($"CREATE DATABASE \"{_name}\"");

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
