using System.Diagnostics;
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
    public async Task ContentCheckCommandReportsTheSameErrorsAndFails()
    {
        var content = BadContent();

        var (exit, _, error) = await RunAsync(["content", "check"], ("Content__Path", content));

        Assert.Equal(1, exit);
        Assert.Contains("content/ has ", error, StringComparison.Ordinal);
        Assert.Contains("pages/broken.md:3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentCheckCommandPassesOnTheShippedContent()
    {
        var (exit, output, _) = await RunAsync(["content", "check"], ("Content__Path", Path.Combine(PortalWebFactory.RepositoryRoot(), "content")));

        Assert.Equal(0, exit);
        Assert.Contains("valid", output, StringComparison.Ordinal);
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

    private string BadContent()
    {
        var dir = Path.Combine(_workDir, "content", "pages");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "broken.md"), "---\ntitle: Broken\nsumary: typo in the key\n---\nBody text.\n");
        return Path.Combine(_workDir, "content");
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Jobs__ServerEnabled"] = "false";
        start.Environment["Content__Path"] = Path.Combine(PortalWebFactory.RepositoryRoot(), "content");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
