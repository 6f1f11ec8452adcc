using Npgsql;
using Portal.Browser.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Nodes;

/// <summary>
/// Two portal processes on loopback over one PostgreSQL database, each running a Hangfire server:
/// a recurring job runs once per schedule between them, not once per node. Takes two to three
/// minutes, because the shortest schedule is a minute.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private readonly string _database = $"portal_nodes_{Guid.NewGuid():N}";

    private string ConnectionString => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = _database }.ToString();

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private Dictionary<string, string> Node(bool migrate) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Portal"] = ConnectionString,
        ["Database__MigrateOnStartup"] = migrate ? "true" : "false",
        ["Jobs__QueuePollInterval"] = "00:00:01",
    };

    private async Task<long> ScalarAsync(string sql, DateTime? from = null, DateTime? until = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (from is not null)
            command.Parameters.AddWithValue("from", from.Value);
        if (until is not null)
            command.Parameters.AddWithValue("until", until.Value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ARecurringJobRunsOncePerScheduleAcrossTwoNodes()
    {
        // The first node creates the schema; the second joins it.
        var nodeA = new PortalServer(Node(migrate: true));
        var nodeB = new PortalServer(Node(migrate: false));
        await nodeA.InitializeAsync();
        try
        {
            await nodeB.InitializeAsync();
            try
            {
                Assert.Equal(2, await ScalarAsync("select count(*) from hangfire.server"));

                // Watch two whole minutes: the outbox delivery job is scheduled every minute, and
                // Hangfire's scheduler creates each run within a few seconds of the minute.
                var now = DateTime.UtcNow;
                var first = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
                var until = first.AddMinutes(1).AddSeconds(50);
                await Task.Delay(until - DateTime.UtcNow + TimeSpan.FromSeconds(1));

                var runs = await ScalarAsync(
                    "select count(*) from hangfire.job j join hangfire.jobparameter p on p.jobid = j.id " +
                    "where p.name = 'RecurringJobId' and p.value like '%outbox-delivery%' and j.createdat >= @from and j.createdat < @until",
                    first, until);
                Assert.True(runs == 2, $"{runs} scheduled runs of outbox-delivery in the two minutes from {first:HH:mm}; expected 2.\nNode A:\n{nodeA.Log}\nNode B:\n{nodeB.Log}");
                Assert.Equal(2, await ScalarAsync("select count(*) from hangfire.server"));
            }
            finally
            {
                await nodeB.DisposeAsync();
            }
        }
        finally
        {
            await nodeA.DisposeAsync();
        }
    }
}
