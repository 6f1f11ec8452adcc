namespace Portal.Infrastructure.Tests.Support;

/// <summary>
/// The servers tests/run.sh starts. A missing one fails the test with a message saying how to run
/// the suite; it is never skipped, because a skipped test proves nothing.
/// </summary>
public static class TestServers
{
    public static string PostgresAdminConnectionString => Require("PORTAL_TEST_POSTGRES");

    public static string SmtpHost => Require("PORTAL_TEST_SMTP_HOST");

    public static int SmtpPort => int.Parse(Require("PORTAL_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the shared sink writes each message it receives as an .eml file.</summary>
    public static string SmtpDirectory => Require("PORTAL_TEST_SMTP_DIR");

    /// <summary>The sink script, for tests that need an SMTP server of their own to stop and start.</summary>
    public static string SmtpSinkScript => Require("PORTAL_TEST_SMTP_SINK");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. Run the suite with tests/run.sh, which starts PostgreSQL and an SMTP sink.");
}
