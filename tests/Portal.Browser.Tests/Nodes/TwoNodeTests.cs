using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
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

    // Each node gets a home of its own, as separate machines would: keys kept in a folder under
    // HOME (the framework's default) would then differ, so only keys in the database are shared.
    private Dictionary<string, string> Node(bool migrate) => new()
    {
        ["HOME"] = Directory.CreateTempSubdirectory("portal-node-home-").FullName,
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

    /// <summary>
    /// The sign-in form (and its antiforgery token) comes from node A and is posted to node B; the
    /// sign-in cookie node B sets is then used on node A. Both only work when the nodes share keys.
    /// </summary>
    private async Task SignInOnOneNodeUseTheOtherAsync(Uri nodeA, Uri nodeB)
    {
        var email = $"nodes.{Guid.NewGuid():N}@example.com";
        await CreateUserAsync(email);
        // One cookie jar for both: cookies belong to the host, 127.0.0.1, whatever the port.
        using var handler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        var form = await http.GetStringAsync(new Uri(nodeA, "/Identity/Account/Login"));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var signIn = await http.PostAsync(new Uri(nodeB, "/Identity/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = AccountSteps.Password,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        var record = await http.GetAsync(new Uri(nodeA, "/learn/record"));
        Assert.Equal(System.Net.HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("Sign out", await record.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task CreateUserAsync(string email)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddDbContext<PortalDbContext, PostgresPortalDbContext>(o => o.UseNpgsql(ConnectionString));
        // The portal's own rule: length, not composition.
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
            }).AddEntityFrameworkStores<PortalDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Node Tester", CreatedUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, AccountSteps.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
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
                await SignInOnOneNodeUseTheOtherAsync(nodeA.BaseUrl, nodeB.BaseUrl);
                Assert.True(await ScalarAsync("select count(*) from \"DataProtectionKeys\"") >= 1);

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
