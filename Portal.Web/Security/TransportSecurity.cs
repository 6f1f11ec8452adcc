using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure.Data;

namespace Portal.Web.Security;

/// <summary>
/// How the portal sits behind TLS: cookies that only travel over HTTPS and cannot be set by a
/// neighbouring subdomain, the client's address and scheme taken from a trusted proxy, and the
/// http-to-https redirect done here only when this process serves HTTPS itself.
/// </summary>
internal static class TransportSecurity
{
    /// <summary>
    /// Development and the test environment run over plain http on loopback, where antiforgery
    /// refuses a Secure-only cookie; everywhere else cookies are Secure and <c>__Host-</c>.
    /// </summary>
    public static bool HardenCookies(IHostEnvironment environment) => !environment.IsDevelopment() && !environment.IsEnvironment("Testing");

    public static void AddCookieHardening(this IServiceCollection services, IHostEnvironment environment)
    {
        var hardened = HardenCookies(environment);
        // __Host-: Secure, Path=/ and no Domain, so no other site or subdomain can plant or read it.
        void Harden(CookieBuilder cookie, string name)
        {
            cookie.Name = hardened ? "__Host-" + name : name;
            cookie.Path = "/";
            cookie.Domain = null;
            cookie.HttpOnly = true;
            cookie.SecurePolicy = hardened ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        }

        services.ConfigureApplicationCookie(options => Harden(options.Cookie, "portal.auth"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => Harden(options.Cookie, "portal.2fa"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options => Harden(options.Cookie, "portal.2fa-remember"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, options => Harden(options.Cookie, "portal.external"));
        services.AddAntiforgery(options => Harden(options.Cookie, "portal.af"));
        services.Configure<CookieTempDataProviderOptions>(options => Harden(options.Cookie, "portal.tempdata"));
    }

    /// <summary>
    /// Behind a TLS proxy the request reaches Kestrel as http from the proxy's address; the proxy's
    /// X-Forwarded-For and X-Forwarded-Proto say who asked and over what. Those headers are
    /// believed only from the proxies listed (by default loopback: a proxy on the same machine).
    /// Never an empty list: that would believe anyone, letting a client pick the address the rate
    /// limits and the audit log see.
    /// </summary>
    public static void AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "ForwardedHeaders:KnownProxies").Select(value =>
            IPAddress.TryParse(value, out var ip) ? ip : throw NotAnAddress("ForwardedHeaders:KnownProxies", value)).ToList();
        var networks = Values(configuration, "ForwardedHeaders:KnownNetworks").Select(value =>
            System.Net.IPNetwork.TryParse(value, out var network) ? network : throw NotAnAddress("ForwardedHeaders:KnownNetworks", value)).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Not X-Forwarded-Host: AllowedHosts pins the host names that go into emailed links.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count + networks.Count == 0)
                return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
        });
    }

    /// <summary>
    /// Whether this process itself listens for HTTPS (an https URL, HTTPS_PORT or a Kestrel https
    /// endpoint). If not, TLS ends at a proxy, which does the redirect; redirecting here would
    /// only log "Failed to determine the https port" on each start and redirect a plain-http probe.
    /// </summary>
    public static bool ServesHttps(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["https_port"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Values(IConfiguration configuration, string key) =>
        (configuration.GetSection(key).Get<string[]>() ?? []).Select(v => v.Trim()).Where(v => v.Length > 0);

    private static PortalConfigurationException NotAnAddress(string key, string value) =>
        new($"{key} has '{value}', which is not an IP address or network (like 10.0.0.5 or 10.0.0.0/24).");
}
