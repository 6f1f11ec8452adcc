using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Infrastructure.Accounts;
using Portal.Tests.Common;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Commands;

/// <summary>
/// The operator commands, each run as a real process on a fresh database, as an operator runs
/// them: the exit code and what they print are what an operator (or a script) goes by.
/// </summary>
public abstract class CommandTests : IAsyncLifetime
{
    protected string WorkDir { get; } = Directory.CreateTempSubdirectory("portal-command-").FullName;

    /// <summary>The settings that point a process at this test's fresh database.</summary>
    protected abstract (string Name, string Value)[] Database { get; }

    protected abstract string ProviderName { get; }

    protected abstract Task<long> ScalarAsync(string sql);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(WorkDir, recursive: true);
        return Task.CompletedTask;
    }

    protected Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => PortalProcess.RunAsync(WorkDir, args, Database);

    [Fact]
    public async Task RotateBadgeKeyMakesANewSigningKeyAndKeepsTheOldOnePublished()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        var (first, firstOutput, firstError) = await RunAsync("rotate-badge-key");
        var (second, secondOutput, _) = await RunAsync("rotate-badge-key");

        Assert.True(first == 0, firstError);
        Assert.Equal(0, second);
        Assert.Contains("New badge signing key", firstOutput, StringComparison.Ordinal);
        Assert.Contains("/passport/keys/", secondOutput, StringComparison.Ordinal);
        Assert.Equal(2, await ScalarAsync("""SELECT COUNT(*) FROM "BadgeSigningKeys" """));
        Assert.Equal(1, await ScalarAsync("""SELECT COUNT(*) FROM "BadgeSigningKeys" WHERE "RetiredAtUtc" IS NULL"""));
    }

    [Fact]
    public async Task MigrateAppliesEveryMigrationSaysSoAndIsSafeToRunAgain()
    {
        var (exit, output, error) = await RunAsync("migrate");

        Assert.True(exit == 0, error);
        Assert.Contains($"Database is up to date ({ProviderName})", output, StringComparison.Ordinal);
        Assert.Matches(@"Applying \d+ migration", output);
        Assert.Equal("", error);
        Assert.Equal(PortalRoles.All.Count, await ScalarAsync("""SELECT COUNT(*) FROM "AspNetRoles" """));

        var (again, againOutput, _) = await RunAsync("migrate");

        Assert.Equal(0, again);
        Assert.Contains($"Database is up to date ({ProviderName}): nothing to apply", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateOnADatabaseMadeByAnEarlierBuildSaysWhatToDoAndChangesNothing()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        await ScalarAsync("""
            DELETE FROM "__EFMigrationsHistory";
            INSERT INTO "__EFMigrationsHistory" VALUES ('20261123183223_Initial', '10.0.15'), ('20261127044052_DataProtectionKeys', '10.0.15');
            SELECT 0;
            """);

        var (exit, output, error) = await RunAsync("migrate");

        Assert.Equal(1, exit);
        Assert.StartsWith("migrate stopped: ", error, StringComparison.Ordinal);
        Assert.Contains(" was made by an earlier build of the portal and cannot be upgraded", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Equal(2, await ScalarAsync("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """));
    }

    [Theory]
    [InlineData("training-reminders", "training-reminders: 0 reminder emails and 0 manager summaries queued")]
    [InlineData("outbox-delivery", "outbox-delivery: 0 messages delivered")]
    public async Task RunJobAfterMigrateRunsTheJobOnceAndSaysWhatItDid(string job, string said)
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);

        var (exit, output, error) = await RunAsync("run-job", job);

        Assert.True(exit == 0, error);
        Assert.Contains(said, output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    /// <summary>A command never listens: one beside a running portal, with the same settings and port, runs.</summary>
    [Fact]
    public async Task RunJobWorksWhileSomethingIsListeningOnTheConfiguredPort()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exit, output, error) = await PortalProcess.RunAsync(WorkDir, ["run-job", "outbox-delivery"], [.. Database, ("ASPNETCORE_URLS", $"http://127.0.0.1:{port}")]);

        Assert.True(exit == 0, error);
        Assert.Contains("outbox-delivery: 0 messages delivered", output, StringComparison.Ordinal);
        Assert.DoesNotContain("address already in use", output + error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ContentCheckPassesOnTheShippedContentWithoutTouchingTheDatabase()
    {
        var (exit, output, error) = await RunAsync("content", "check");

        Assert.True(exit == 0, error);
        Assert.Contains("valid (", output, StringComparison.Ordinal);
        await AssertNoSchemaAsync();
    }

    [Fact]
    public async Task ContentCheckPassesInDevelopmentAsUnderDotnetRun()
    {
        // dotnet run's launch profile sets Development, where the host validates every registration.
        var (exit, output, error) = await PortalProcess.RunAsync(WorkDir, ["content", "check"], [.. Database, ("ASPNETCORE_ENVIRONMENT", "Development")]);

        Assert.True(exit == 0, error);
        Assert.Contains("valid (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentCheckFailsNamingTheFileAndLine()
    {
        var dir = Path.Combine(WorkDir, "bad-content", "pages");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "broken.md"), "---\ntitle: Broken\nsumary: typo in the key\n---\nBody text.\n");

        var (exit, output, error) = await PortalProcess.RunAsync(WorkDir, ["content", "check"], [.. Database, ("Content__Path", Path.Combine(WorkDir, "bad-content"))]);

        Assert.Equal(1, exit);
        Assert.Contains("content/ has ", error, StringComparison.Ordinal);
        Assert.Contains("pages/broken.md:3:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownJobIsRefusedWithTheListOfJobs()
    {
        var (exit, _, error) = await RunAsync("run-job", "reminders");

        Assert.Equal(2, exit);
        Assert.Equal("run-job: no job called 'reminders'. Jobs: outbox-delivery, job-alerts, training-reminders, matching-nightly, weekly-matches, retention, insight-rollup, insight-rollup-full, programme-check-ins, passport-recognition-checks, matching-queued", error.Trim());
    }

    protected abstract Task AssertNoSchemaAsync();
}

public sealed class SqliteCommandTests : CommandTests
{
    private string DatabaseFile => Path.Combine(WorkDir, "App_Data", "portal.db");

    protected override (string Name, string Value)[] Database => [];

    protected override string ProviderName => "Sqlite";

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override Task AssertNoSchemaAsync()
    {
        Assert.False(File.Exists(DatabaseFile));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnInvalidSettingStopsACommandWithOneLineBeforeTouchingTheDatabase()
    {
        var (exit, output, error) = await PortalProcess.RunAsync(WorkDir, ["migrate"], ("Mail__SmtpPort", "0"));

        Assert.Equal(1, exit);
        Assert.StartsWith("migrate stopped: invalid setting (MailOptions):", error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile));
    }

    /// <summary>Nothing in a command's host listens or takes queued work, even where the settings ask for a job server.</summary>
    [Fact]
    public void TheCommandHostHasNoWebServerAndNoJobServer()
    {
        using var host = Portal.Infrastructure.CommandHost.CreateBuilder(["--Jobs:ServerEnabled=true", "--ConnectionStrings:Portal=Data Source=:memory:"]).Build();

        Assert.Null(host.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)));
        var hosted = ((IEnumerable<Microsoft.Extensions.Hosting.IHostedService>)host.Services.GetService(typeof(IEnumerable<Microsoft.Extensions.Hosting.IHostedService>))!).ToList();
        Assert.DoesNotContain(hosted, s => s.GetType().Namespace!.StartsWith("Hangfire", StringComparison.Ordinal));
    }

    /// <summary>The load-data generator is a tool under tests/ now: the old command says where it went, and starts nothing.</summary>
    [Fact]
    public async Task SeedScaleIsNoLongerAPortalCommand()
    {
        var (exit, _, error) = await RunAsync("seed-scale", "--people", "100");

        Assert.Equal(2, exit);
        Assert.Contains("tests/Portal.LoadData", error, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile));
    }

    /// <summary>The embedded database migrates itself, as the portal's start-up does.</summary>
    [Fact]
    public async Task RunJobOnAFreshEmbeddedDatabaseMigratesItFirst()
    {
        var (exit, output, error) = await RunAsync("run-job", "training-reminders");

        Assert.True(exit == 0, error);
        Assert.Contains("training-reminders: 0 reminder emails and 0 manager summaries queued", output, StringComparison.Ordinal);
        Assert.Equal(PortalRoles.All.Count, await ScalarAsync("""SELECT COUNT(*) FROM "AspNetRoles" """));
    }

    /// <summary>The scenario from the trial: the portal is up on its port, and an operator runs a job beside it.</summary>
    [Fact]
    public async Task RunJobWorksBesideARunningPortalOnTheSamePortAndDatabase()
    {
        var port = TestEnvironment.FreePort();
        (string, string)[] settings = [("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"), ("Jobs__ServerEnabled", "true")];
        using var portal = PortalProcess.Start(WorkDir, [], settings);
        var log = PortalProcess.Collect(portal);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilLiveAsync(http, portal, log);

            var (exit, output, error) = await PortalProcess.RunAsync(WorkDir, ["run-job", "training-reminders"], settings);

            Assert.True(exit == 0, error);
            Assert.Contains("training-reminders: 0 reminder emails and 0 manager summaries queued", output, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
        }
    }

    /// <summary>
    /// EF Core's migration lock on SQLite is a row that the migrator deletes when it is done. A
    /// migrator killed part-way leaves it behind, and every later migration (and the portal's
    /// start-up) used to wait for it for ever, printing nothing at the usual log levels.
    /// </summary>
    [Fact]
    public async Task MigrateClearsALockLeftByAMigrationThatWasKilled()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
        await ScalarAsync("""
            CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" VALUES (1, '2026-12-01 09:00:00.0000000+00:00');
            SELECT 0;
            """);

        var (exit, output, error) = await RunAsync("migrate");

        Assert.True(exit == 0, error);
        Assert.Contains("left by a migration that stopped part-way (taken 2026-12-01 09:00:00", output, StringComparison.Ordinal);
        Assert.Contains("Database is up to date (Sqlite)", output, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("""SELECT COUNT(*) FROM "__EFMigrationsLock" """));
    }

    /// <summary>A migration that is really running keeps its lock: a second one waits for it, saying so.</summary>
    [Fact]
    public async Task MigrateWaitsForAMigrationInProgressInAnotherProcess()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
        var held = new FileStream(DatabaseFile + ".migration-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var second = PortalProcess.Start(WorkDir, ["migrate"], Database);
        var log = PortalProcess.Collect(second);
        try
        {
            await WaitForAsync(log, "Waiting for another process that is migrating", second);
            Assert.False(second.HasExited);
        }
        finally
        {
            await held.DisposeAsync();
        }

        await second.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
        Assert.Equal(0, second.ExitCode);
        lock (log)
            Assert.Contains("Database is up to date (Sqlite)", log.ToString(), StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(System.Text.StringBuilder log, string text, System.Diagnostics.Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            lock (log)
            {
                if (log.ToString().Contains(text, StringComparison.Ordinal))
                    return;
                if (process.HasExited)
                    Assert.Fail($"The process exited before printing '{text}':\n{log}");
            }
            await Task.Delay(100);
        }
        lock (log)
            Assert.Fail($"'{text}' never appeared:\n{log}");
    }

    private static async Task WaitUntilLiveAsync(HttpClient http, System.Diagnostics.Process portal, System.Text.StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (portal.HasExited)
            {
                lock (log)
                    Assert.Fail("The portal exited: " + log);
            }
            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        lock (log)
            Assert.Fail("The portal never answered: " + log);
    }
}

public sealed class PostgresCommandTests : CommandTests
{
    private readonly string _name = $"portal_command_{Guid.NewGuid():N}";

    private string ConnectionString => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = _name }.ToString();

    protected override (string Name, string Value)[] Database => [("Database__Provider", "Postgres"), ("ConnectionStrings__Portal", ConnectionString)];

    protected override string ProviderName => "Postgres";

    public override async Task InitializeAsync() => await AdminAsync($"CREATE DATABASE \"{_name}\"");

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        await base.DisposeAsync();
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override async Task AssertNoSchemaAsync() =>
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"));

    /// <summary>A server database is migrated deliberately: a job refuses a schema that is behind, and changes nothing.</summary>
    [Fact]
    public async Task RunJobOnAFreshServerDatabaseSaysToMigrateFirst()
    {
        var (exit, output, error) = await RunAsync("run-job", "training-reminders");

        Assert.Equal(1, exit);
        Assert.Matches(@"^run-job training-reminders stopped: the database is \d+ migrations? behind this build: run `migrate` first\.$", error.Trim());
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        await AssertNoSchemaAsync();
    }

    [Fact]
    public async Task ADatabaseThatCannotBeReachedStopsACommandWithOneLine()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(ConnectionString) { Port = TestEnvironment.FreePort(), Timeout = 3 }.ToString();

        var (exit, output, error) = await PortalProcess.RunAsync(WorkDir, ["run-job", "outbox-delivery"], [.. Database, ("ConnectionStrings__Portal", unreachable)]);

        Assert.Equal(1, exit);
        Assert.StartsWith("run-job outbox-delivery stopped: the database could not be used:", error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", output + error, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
