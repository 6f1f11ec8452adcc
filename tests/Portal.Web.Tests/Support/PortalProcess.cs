using System.Diagnostics;
using System.Text;
using Portal.Tests.Common;

namespace Portal.Web.Tests.Support;

/// <summary>
/// The built portal (Portal.Web.dll) started as an operator starts it: a real process in a work
/// folder of its own (so App_Data lands there), Production, loopback, content from the repository.
/// </summary>
internal static class PortalProcess
{
    public static ProcessStartInfo StartInfo(string workDir, IEnumerable<string> args, IEnumerable<(string Name, string Value)> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Jobs__ServerEnabled"] = "false";
        start.Environment["AllowedHosts"] = "localhost;127.0.0.1";
        start.Environment["Content__Path"] = Path.Combine(TestEnvironment.RepositoryRoot(), "content");
        start.Environment["Mail__PickupDirectory"] = Path.Combine(workDir, "mail");
        foreach (var (name, value) in TestKeyProtection.Environment)
            start.Environment[name] = value;
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return start;
    }

    public static Process Start(string workDir, IEnumerable<string> args, IEnumerable<(string Name, string Value)> environment) =>
        Process.Start(StartInfo(workDir, args, environment))!;

    /// <summary>Runs to the end and returns what it printed. One that hangs is killed, and the test fails saying so.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string workDir, string[] args, params (string Name, string Value)[] environment)
    {
        using var process = Start(workDir, args, environment);
        return await WaitAsync(process, $"dotnet Portal.Web.dll {string.Join(' ', args)}");
    }

    public static async Task<(int Exit, string Output, string Error)> WaitAsync(Process process, string what, TimeSpan? limit = null)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{what} did not finish and was killed. It printed:\n{await output}\n{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Collects a long-running process's output as it comes, for a test to wait on a line.</summary>
    public static StringBuilder Collect(Process process)
    {
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return log;
    }
}
