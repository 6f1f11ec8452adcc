using System.Diagnostics;
using Portal.Tests.Common;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Shell;

/// <summary>The built app, started as an operator would, with a setting or the content wrong.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("portal-startup-").FullName;

    [Fact]
    public async Task UnknownProviderStopsStartUpWithOneLineSayingWhatToFix()
    {
        var (exit, output, error) = await RunAsync([], ("Database__Provider", "Oracle"));

        Assert.Equal(1, exit);
        Assert.Equal("Start-up stopped: Database:Provider 'Oracle' is not known: use Sqlite, Postgres or SqlServer.", error.Trim());
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSettingStopsStartUpWithOneLineBeforeTouchingTheDatabase()
    {
        var (exit, output, error) = await RunAsync([], ("Mail__SmtpPort", "0"));

        Assert.Equal(1, exit);
        Assert.StartsWith("Start-up stopped: invalid setting (MailOptions):", error.Trim(), StringComparison.Ordinal);
        Assert.Contains("SmtpPort", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(_workDir, "App_Data", "portal.db")));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMailHealthLimitOfNoMinutesStopsStartUp()
    {
        var (exit, _, error) = await RunAsync([], ("Mail__HealthOldestPendingMinutes", "0"));

        Assert.Equal(1, exit);
        Assert.StartsWith("Start-up stopped: invalid setting (MailOptions):", error.Trim(), StringComparison.Ordinal);
        Assert.Contains("HealthOldestPendingMinutes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyHostAllowedOutsideDevelopmentStopsStartUp()
    {
        var (exit, _, error) = await RunAsync([], ("AllowedHosts", "*"));

        Assert.Equal(1, exit);
        Assert.StartsWith("Start-up stopped: AllowedHosts must list this site's host names", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingConnectionStringForAServerDatabaseStopsStartUp()
    {
        var (exit, _, error) = await RunAsync([], ("Database__Provider", "Postgres"), ("ConnectionStrings__Portal", ""));

        Assert.Equal(1, exit);
        Assert.StartsWith("Start-up stopped: ConnectionStrings:Portal is missing", error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task InvalidContentStopsStartUpNamingFileAndLine()
    {
        var content = BadContent();

        var (exit, _, error) = await RunAsync([], ("Content__Path", content));

        Assert.Equal(1, exit);
        Assert.Contains("pages/broken.md:3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentCheckFailsOnAJobPayingBelowTheLegalFloorNamingFileAndLine()
    {
        var content = RoleContent(reviewed: "2026-12-05", payFrom: "10.00");

        var (exit, _, error) = await RunAsync(["content", "check"], ("Content__Path", content));

        Assert.Equal(1, exit);
        Assert.Contains("careers/roles/care-worker.md:9: 'pay.hourly-from' is 10.00, below the National Living Wage", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentCheckWarnsOfAReviewOverAYearOldButPasses()
    {
        var content = RoleContent(reviewed: "2020-01-01", payFrom: "13.00");

        var (exit, output, error) = await RunAsync(["content", "check"], ("Content__Path", content));

        Assert.Equal(0, exit);
        Assert.Contains("careers/roles/care-worker.md:17: warning: 'reviewed' is 2020-01-01, more than 12 months ago", error, StringComparison.Ordinal);
        Assert.Contains("valid", output, StringComparison.Ordinal);
        Assert.Contains("with 1 warning", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinimumWageRatesThatCouldNotBeTheLawStopStartUp()
    {
        var (exit, _, error) = await RunAsync(["content", "check"],
            ("Talent__MinimumWage__0__EffectiveFrom", "2026-04-01"),
            ("Talent__MinimumWage__0__Age21AndOver", "8.00"),
            ("Talent__MinimumWage__0__Age18To20", "10.85"),
            ("Talent__MinimumWage__0__Under18", "8.00"),
            ("Talent__MinimumWage__0__Apprentice", "8.00"));

        Assert.NotEqual(0, exit);
        Assert.Contains("Talent:MinimumWage: the rates from 2026-04-01 must not rise as age falls", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateCommandCreatesTheEmbeddedDatabase()
    {
        var (exit, output, _) = await RunAsync(["migrate"]);

        Assert.Equal(0, exit);
        Assert.Contains("Database is up to date (Sqlite)", output, StringComparison.Ordinal);
        var file = Path.Combine(_workDir, "App_Data", "portal.db");
        Assert.True(File.Exists(file));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    /// <summary>
    /// The migrations were squashed before the first release, so an App_Data database made by an
    /// earlier build lists migrations this build does not have. Start-up says what to do, in one
    /// line, instead of failing on "table already exists"; doing what it says works.
    /// </summary>
    [Fact]
    public async Task ADatabaseMadeByAnEarlierBuildStopsStartUpSayingHowToStartAgain()
    {
        Assert.Equal(0, (await RunAsync(["migrate"])).Exit);
        var file = Path.Combine(_workDir, "App_Data", "portal.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // The history an earlier build's database has: its own chain, not this build's Initial.
            command.CommandText = """
                DELETE FROM "__EFMigrationsHistory";
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261123183223_Initial', '10.0.15'), ('20261126125032_Learning', '10.0.15'), ('20261127044052_DataProtectionKeys', '10.0.15');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var (exit, output, error) = await RunAsync([]);

        Assert.Equal(1, exit);
        Assert.Equal($"Start-up stopped: {file} was made by an earlier build of the portal and cannot be upgraded. Move it aside and start again: " +
            $"a new database is made (with the demo accounts, in Development). mv '{file}' '{file}.old'", error.Trim());
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(file + "-wal"));

        File.Move(file, file + ".old");
        var (again, againOutput, againError) = await RunAsync(["migrate"]);

        Assert.True(again == 0, againError);
        Assert.Contains("Database is up to date (Sqlite): 13 migrations applied.", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPostgresTheMigrateCommandThenTheAppServeWithHangfireStorageInTheSameDatabase()
    {
        var admin = TestEnvironment.PostgresAdminConnectionString;
        var name = $"portal_app_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        try
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
            (string, string)[] postgres = [("Database__Provider", "Postgres"), ("ConnectionStrings__Portal", connection)];

            var (exit, output, error) = await RunAsync(["migrate"], postgres);
            Assert.True(exit == 0, error);
            Assert.Contains("Database is up to date (Postgres)", output, StringComparison.Ordinal);

            var port = TestEnvironment.FreePort();
            using var server = Start([], [.. postgres, ("Jobs__ServerEnabled", "true"), ("ASPNETCORE_URLS", $"http://127.0.0.1:{port}")]);
            var log = PortalProcess.Collect(server);
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                var health = await WaitForHealthAsync(http, server, log);
                Assert.Contains("\"database\":{\"status\":\"Healthy\"", health, StringComparison.Ordinal);
                Assert.Contains("1 server(s) alive", health, StringComparison.Ordinal);
                Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task<string> WaitForHealthAsync(HttpClient http, Process server, System.Text.StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                lock (log)
                    Assert.Fail("The portal exited: " + log);
            }

            try
            {
                var response = await http.GetAsync("/health");
                last = await response.Content.ReadAsStringAsync();
                // The Hangfire server's first heartbeat can trail the first request by a moment.
                if (response.IsSuccessStatusCode)
                    return last;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        lock (log)
            throw new TimeoutException($"The portal on PostgreSQL did not become healthy: {last}\n{log}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A content folder holding one care worker role, reviewed and paid as given.</summary>
    private string RoleContent(string reviewed, string payFrom)
    {
        var dir = Path.Combine(_workDir, "content", "careers", "roles");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "care-worker.md"), $"""
            ---
            title: Care worker
            summary: You help people with everyday life.
            sector: social-care
            settings: [home]
            level: 2
            no-qualifications-needed: true
            pay:
              hourly-from: {payFrom}
              hourly-to: 14.00
            hours: Full or part time
            shifts: [early]
            entry-requirements: []
            sources:
              - title: National Minimum Wage and National Living Wage rates
                url: https://www.gov.uk/national-minimum-wage-rates
            reviewed: {reviewed}
            ---
            You visit people at home.

            """);
        return Path.Combine(_workDir, "content");
    }

    private string BadContent()
    {
        var dir = Path.Combine(_workDir, "content", "pages");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "broken.md"), "---\ntitle: Broken\nsumary: typo in the key\n---\nBody text.\n");
        return Path.Combine(_workDir, "content");
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(string[] args, params (string Name, string Value)[] environment) =>
        PortalProcess.RunAsync(_workDir, args, environment);

    private Process Start(string[] args, params (string Name, string Value)[] environment) => PortalProcess.Start(_workDir, args, environment);

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
