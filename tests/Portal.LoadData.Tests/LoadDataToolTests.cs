using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Tests.Common;

namespace Portal.LoadData.Tests;

/// <summary>The tool as the load scripts run it: a real process on a fresh database, configured like the portal.</summary>
public abstract class LoadDataToolTests : IAsyncLifetime
{
    private static readonly string[] Small = ["--people", "120", "--organisations", "4", "--vacancies", "30", "--profiles", "150", "--completions", "400", "--applications", "40", "--plans", "20", "--alerts", "10", "--staff", "60", "--seed", "3",
        "--workforce", "0", "--past-vacancies", "0", "--past-applications", "0", "--hub-people", "0", "--monitoring-percent", "0"];

    protected string WorkDir { get; } = Directory.CreateTempSubdirectory("portal-loaddata-").FullName;

    protected abstract (string Name, string Value)[] Database { get; }

    protected abstract Task<long> ScalarAsync(string sql);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(WorkDir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ItMigratesAFreshDatabaseFillsItSaysSoAndRefusesToFillItTwice()
    {
        var (exit, output, error) = await RunAsync(Small);

        Assert.True(exit == 0, error);
        Assert.Contains("Generating a city into ", output, StringComparison.Ordinal);
        Assert.Contains("  accounts 150 of 150", output, StringComparison.Ordinal);
        Assert.Contains("  completions 400 of 400", output, StringComparison.Ordinal);
        Assert.Matches(@"Done in [\d.,]+ s\.", output);
        Assert.Equal(150, await ScalarAsync("""SELECT COUNT(*) FROM "AspNetUsers" """));
        Assert.Equal(4, await ScalarAsync("""SELECT COUNT(*) FROM "Organisations" """));
        Assert.Equal(400, await ScalarAsync("""SELECT COUNT(*) FROM "Completions" """));
        Assert.Equal(4 * 2 + 60, await ScalarAsync("""SELECT COUNT(*) FROM "Memberships" """));

        var (again, _, againError) = await RunAsync(Small);

        Assert.Equal(1, again);
        Assert.Equal("Load data stopped: This database already holds generated data. Seed a fresh database instead.", againError.Trim());
        Assert.Equal(150, await ScalarAsync("""SELECT COUNT(*) FROM "AspNetUsers" """));
    }

    [Fact]
    public async Task AnOptionItDoesNotKnowIsRefusedWithTheUsage()
    {
        var (exit, _, error) = await RunAsync(["--people", "lots"]);

        Assert.Equal(2, exit);
        Assert.StartsWith("Usage: Portal.LoadData [--people N]", error.Trim(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = WorkDir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.LoadData.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Content__Path"] = Path.Combine(TestEnvironment.RepositoryRoot(), "content");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in Database)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"Portal.LoadData did not finish and was killed. It printed:\n{await output}\n{await error}");
        }
        return (process.ExitCode, await output, await error);
    }
}

public sealed class SqliteLoadDataToolTests : LoadDataToolTests
{
    private string DatabaseFile => Path.Combine(WorkDir, "App_Data", "portal.db");

    protected override (string Name, string Value)[] Database => [];

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class PostgresLoadDataToolTests : LoadDataToolTests
{
    private readonly string _name = $"portal_loaddata_{Guid.NewGuid():N}";

    private string ConnectionString => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = _name }.ToString();

    protected override (string Name, string Value)[] Database => [("Database__Provider", "Postgres"), ("ConnectionStrings__Portal", ConnectionString)];

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

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
