namespace Portal.Browser.Tests.Support;

/// <summary>What tests/run.sh provides. Missing means the test fails with how to run it, never a skip.</summary>
public static class TestServers
{
    public static string Chromium => Require("PORTAL_TEST_CHROMIUM");

    public static string SmtpHost => Require("PORTAL_TEST_SMTP_HOST");

    public static int SmtpPort => int.Parse(Require("PORTAL_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string SmtpDirectory => Require("PORTAL_TEST_SMTP_DIR");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. Run the suite with tests/run.sh, which installs Chromium and starts an SMTP sink.");
}
