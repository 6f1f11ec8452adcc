using System.Net;
using System.Text.Json;
using Portal.Tests.Common;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Shell;

/// <summary>
/// The built portal in Production on plain http, as it runs behind a TLS proxy on the same
/// machine: the proxy says the client used https and who the client was.
/// </summary>
public sealed class BehindAProxyTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("portal-proxy-").FullName;

    [Fact]
    public async Task BehindATlsProxyThePortalSeesHttpsHardensCookiesHidesDetailAndNamesNoServer()
    {
        var port = TestEnvironment.FreePort();
        using var server = PortalProcess.Start(_workDir, [], [("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"), ("AllowedHosts", "localhost;127.0.0.1;portal.example")]);
        var log = PortalProcess.Collect(server);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var internalHealth = await WaitForHealthAsync(http, server, log);
            Assert.True(internalHealth.RootElement.TryGetProperty("checks", out _), "a caller on this machine sees each check");

            var signIn = await ThroughProxyAsync(http, "/Identity/Account/Login");
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.True(signIn.Headers.Contains("Strict-Transport-Security"), "the proxy's X-Forwarded-Proto: https is believed, so HSTS is sent");
            Assert.False(signIn.Headers.Contains("Server"), "no Server header");
            var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("portal.af", StringComparison.Ordinal));
            Assert.StartsWith("__Host-portal.af=", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

            var publicHealth = await ThroughProxyAsync(http, "/health", client: "203.0.113.9");
            using var outside = JsonDocument.Parse(await publicHealth.Content.ReadAsStringAsync());
            Assert.Equal(["status"], outside.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.False((await http.GetAsync("/health/live")).Headers.Contains("Server"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        lock (log)
            Assert.DoesNotContain("Failed to determine the https port", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutACertificateForTheKeysProductionDoesNotStart()
    {
        var (exit, _, error) = await PortalProcess.RunAsync(_workDir, [], ("DataProtection__CertificatePath", ""));

        Assert.Equal(1, exit);
        Assert.StartsWith("Start-up stopped: DataProtection:CertificatePath must name a PFX certificate", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProxyAddressThatIsNotOneStopsStartUp()
    {
        var (exit, _, error) = await PortalProcess.RunAsync(_workDir, [], ("ForwardedHeaders__KnownProxies__0", "the-proxy"));

        Assert.Equal(1, exit);
        Assert.StartsWith("Start-up stopped: ForwardedHeaders:KnownProxies has 'the-proxy'", error.Trim(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    private static async Task<HttpResponseMessage> ThroughProxyAsync(HttpClient http, string path, string client = "198.51.100.7")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "portal.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", client);
        return await http.SendAsync(request);
    }

    private static async Task<JsonDocument> WaitForHealthAsync(HttpClient http, System.Diagnostics.Process server, System.Text.StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                lock (log)
                    Assert.Fail("The portal exited: " + log);
            }

            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                    return JsonDocument.Parse(await (await http.GetAsync("/health")).Content.ReadAsStringAsync());
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        lock (log)
            throw new TimeoutException("The portal did not start: " + log);
    }
}
