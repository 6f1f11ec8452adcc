using System.Diagnostics;
using System.Text;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Support;

/// <summary>
/// The built portal as a real process on a loopback port: Kestrel, SQLite, Hangfire running in
/// process, and mail sent over SMTP to the sink that tests/run.sh started.
/// </summary>
public sealed class PortalServer(IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("portal-browser-").FullName;

    public PortalServer()
        : this(null)
    {
    }
    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The portal's SQLite file, for tests that set up accounts no page can create (an admin).</summary>
    public string DatabasePath => Path.Combine(_workDir, "portal.db");

    public Task InitializeAsync()
    {
        BaseUrl = new Uri($"http://127.0.0.1:{TestEnvironment.FreePort()}");
        return StartAsync();
    }

    /// <summary>
    /// Stops the portal and starts it again on the same address and database, as a new release
    /// ships: whatever the process held in memory is gone, and it reads its content afresh.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    private async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(TestEnvironment.RepositoryRoot(), "Portal.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl.ToString();
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(_workDir, "portal.db")}";
        start.Environment["Mail__SmtpHost"] = TestEnvironment.SmtpHost;
        start.Environment["Mail__SmtpPort"] = TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Mail__SmtpSecurity"] = "None";
        start.Environment["RateLimiting__AccountPostsPerMinute"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Another database, or anything else a test needs to differ (a second node over PostgreSQL).
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        // Generous: the Development demo seeds accounts, jobs and matches before it answers, and the
        // suite must pass on a busy 2-core machine.
        var deadline = DateTime.UtcNow.Add(StartTimeout);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync(new Uri(BaseUrl, "/health"))).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The portal did not become healthy within {StartTimeout.TotalSeconds:0} s:\n{Log}");
    }

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        // What the portal wrote (warnings and errors) outlives the run, to read when a journey failed.
        if (TestEnvironment.ResultsDirectory is { } results)
            await File.WriteAllTextAsync(Path.Combine(results, $"portal-browser-{BaseUrl.Port}.log"), Log);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workDir, recursive: true);
    }
}
