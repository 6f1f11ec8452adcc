using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Common;

/// <summary>
/// What every test project needs to find: the repository, a free loopback port, and the servers
/// tests/run.sh starts. A missing server fails the test with how to run the suite; it is never
/// skipped, because a skipped test proves nothing.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdminConnectionString => Require("PORTAL_TEST_POSTGRES");

    public static string SmtpHost => Require("PORTAL_TEST_SMTP_HOST");

    public static int SmtpPort => int.Parse(Require("PORTAL_TEST_SMTP_PORT"), CultureInfo.InvariantCulture);

    /// <summary>Where the shared sink writes each message it receives as an .eml file.</summary>
    public static string SmtpDirectory => Require("PORTAL_TEST_SMTP_DIR");

    /// <summary>The sink script, for tests that need an SMTP server of their own to stop and start.</summary>
    public static string SmtpSinkScript => Require("PORTAL_TEST_SMTP_SINK");

    public static string Python => Environment.GetEnvironmentVariable("PORTAL_TEST_PYTHON") ?? "/usr/bin/python3";

    public static string Chromium => Require("PORTAL_TEST_CHROMIUM");

    /// <summary>host:port of the throwaway Redis tests/run.sh starts (two nodes' shared output cache).</summary>
    public static string Redis => Require("PORTAL_TEST_REDIS");

    /// <summary>Where a test may leave a log worth reading after a failure (tests/run.sh keeps it); null when run otherwise.</summary>
    public static string? ResultsDirectory => Environment.GetEnvironmentVariable("PORTAL_TEST_RESULTS") is { Length: > 0 } dir ? dir : null;

    /// <summary>A copy of the shipped content in a new temporary folder, for a portal whose content a test edits; the caller deletes it.</summary>
    public static string CopyContent(string prefix)
    {
        var source = Path.Combine(RepositoryRoot(), "content");
        var target = Directory.CreateTempSubdirectory(prefix).FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find Portal.sln above the test output folder.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. Run the suite with tests/run.sh, which installs and starts what the tests need.");
}
