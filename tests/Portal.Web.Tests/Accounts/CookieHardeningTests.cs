using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Infrastructure.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// Outside Development (here Staging, over https as behind TLS) every cookie the portal sets is
/// Secure, host-only and path-wide (the __Host- prefix), so neither plain http nor a sibling
/// subdomain can read or plant one.
/// </summary>
public sealed class CookieHardeningTests(CookieHardeningTests.Factory app) : IClassFixture<CookieHardeningTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override string EnvironmentName => "Staging";

        protected override IDictionary<string, string?> Settings => TestKeyProtection.Settings;
    }

    [Fact]
    public async Task EveryCookieFromSignInIsSecureHostOnlyAndPrefixed()
    {
        var email = $"learner.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password, roles: PortalRoles.Learner);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var setCookies = new List<string>();

        var form = await browser.GetAsync("/Identity/Account/Login");
        setCookies.AddRange(form.Headers.GetValues("Set-Cookie"));
        var signedIn = await browser.SubmitAsync(await Forms.ParseAsync(form), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = SignIn.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        setCookies.AddRange(signedIn.Headers.GetValues("Set-Cookie"));

        Assert.Contains(setCookies, c => c.StartsWith("__Host-portal.auth=", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("__Host-portal.af=", StringComparison.Ordinal));
        Assert.All(setCookies, cookie =>
        {
            var parts = cookie.Split(';', StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", parts);
            Assert.Contains("path=/", parts);
            Assert.Contains("httponly", parts);
            Assert.DoesNotContain(parts, p => p.StartsWith("domain=", StringComparison.Ordinal));
        });
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }
}
