using System.Net;
using System.Text.Json;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Shell;

public sealed class ShellTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task HomePageHasSkipLinkLandmarksAndTheThreeAudiences()
    {
        var page = await app.CreateBrowser().GetPageAsync("/");

        Assert.Equal("#main", page.QuerySelector("a.skip-link")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("header"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        var nav = page.QuerySelectorAll("nav[aria-label=Main] a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Careers", "Learn", "Jobs", "Programmes"], nav);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    /// <summary>The menu marks the section a page is in (for screen readers and the eye), and only that one.</summary>
    [Theory]
    [InlineData("/careers/roles/enhanced-care-worker", "Careers", "/careers")]
    [InlineData("/learn", "Learn", "/learn")]
    [InlineData("/jobs", "Jobs", "/jobs")]
    [InlineData("/programmes", "Programmes", "/programmes")]
    public async Task TheMenuMarksTheSectionAPageIsIn(string path, string section, string href)
    {
        var page = await app.CreateBrowser().GetPageAsync(path);

        var current = Assert.Single(page.QuerySelectorAll("nav[aria-label=Main] a[aria-current=page]"));
        Assert.Equal(section, current.TextContent);
        Assert.Equal(href, current.GetAttribute("href"));
        Assert.Empty((await app.CreateBrowser().GetPageAsync("/")).QuerySelectorAll("nav[aria-label=Main] a[aria-current]"));
    }

    [Theory]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/Identity/Account/ForgotPassword")]
    [InlineData("/Identity/Account/ResendEmailConfirmation")]
    public async Task AccountPagesLoadNoInlineOrThirdPartyScript(string path)
    {
        var page = await app.CreateBrowser().GetPageAsync(path);

        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/", s.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/Identity/Account/Manage")]
    [InlineData("/Identity/Account/Manage/ChangePassword")]
    [InlineData("/Identity/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/Identity/Account/Manage/EnableAuthenticator")]
    [InlineData("/Identity/Account/Manage/PersonalData")]
    public async Task SignedInAccountPagesLoadNoInlineOrThirdPartyScript(string path)
    {
        var browser = await app.AsNewUserAsync();

        var page = await browser.GetPageAsync(path);

        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/", s.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeaders()
    {
        var response = await app.CreateBrowser().GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/help/no-such-page")]
    public async Task UnknownAddressGetsAPlainEnglishNotFoundPage(string path)
    {
        var response = await app.CreateBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Page not found", page.Text("h1"));
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task AForgedHostHeaderIsRefusedSoItCannotReachAnEmailedLink()
    {
        var browser = app.CreateBrowser();
        browser.DefaultRequestHeaders.Host = "evil.example";

        var response = await browser.GetAsync("/Identity/Account/ForgotPassword");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ServerErrorPageApologisesAndGivesAReference()
    {
        var response = await app.CreateBrowser().GetAsync("/error/500");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Sorry, something went wrong on our side", page.Text("h1"));
        Assert.False(string.IsNullOrWhiteSpace(page.Text("main code")));
    }

    [Fact]
    public async Task HealthReportsTheDatabaseAndTheJobStorage()
    {
        var response = await app.CreateBrowser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task LivenessAnswersPlainlyWithoutSignIn()
    {
        var response = await app.CreateBrowser().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The layout's links (generated once, not per request) are the same from every page, the
    /// account area's included, and each opens its page: signed out, and as an admin who sees every
    /// section the menu offers them.
    /// </summary>
    [Fact]
    public async Task TheLayoutsLinksAreTheSameFromEveryPageAndEachOpens()
    {
        var visitor = app.CreateBrowser();
        var admin = await app.AsAdminWithTwoFactorAsync();
        string[] signedOut = ["/", "/careers", "/learn", "/jobs", "/programmes", "/Identity/Account/Login", "/Identity/Account/Register", "/help/about", "/help/accessibility", "/help/privacy", "/help/cookies"];
        string[] signedIn = ["/", "/careers", "/learn", "/jobs", "/programmes", "/recruit", "/manage", "/insight", "/admin", "/Identity/Account/Manage", "/help/about", "/help/accessibility", "/help/privacy", "/help/cookies"];
        foreach (var (browser, expected) in new[] { (visitor, signedOut), (admin, signedIn) })
        {
            foreach (var from in new[] { "/", "/careers/roles/enhanced-care-worker", "/Identity/Account/Login" })
            {
                var page = await browser.GetPageAsync(from == "/Identity/Account/Login" && browser == admin ? "/Identity/Account/Manage" : from);
                Assert.Equal(expected, page.QuerySelectorAll("header a, footer a").Select(a => a.GetAttribute("href")));
                Assert.Equal("/learn/offline?handler=Sync", page.Body!.GetAttribute("data-sync"));
                Assert.Equal(browser == admin ? "/Identity/Account/Logout?returnUrl=%2F" : null, page.QuerySelector("form[data-signout]")?.GetAttribute("action"));
            }
            foreach (var href in expected.Distinct())
                Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(href)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/help/about")]
    [InlineData("/help/accessibility")]
    [InlineData("/help/privacy")]
    [InlineData("/help/cookies")]
    public async Task FooterPagesComeFromTheContentFolder(string path)
    {
        var page = await app.CreateBrowser().GetPageAsync(path);

        Assert.False(string.IsNullOrWhiteSpace(page.Text("main h1")));
        Assert.True(page.QuerySelectorAll("main article p").Length >= 2);
    }
}

public sealed class RateLimitTests(RateLimitTests.Factory app) : IClassFixture<RateLimitTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:AccountPostsPerMinute"] = "3" };
    }

    [Fact]
    public async Task RepeatedSignInPostsFromOneAddressAreSlowedDown()
    {
        var browser = app.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await SignIn.PostSignInAsync(browser, "someone@example.com", "wrong password here")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var refused = await SignIn.PostSignInAsync(browser, "someone@example.com", "wrong password here");
        Assert.Contains("Too many tries", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Another spelling of the same page is the same page.
        var login = await browser.GetPageAsync("/Identity/Account/Login");
        var sneaky = await browser.PostAsync("/identity/account/login/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.com",
            ["Input.Password"] = "wrong password here",
            ["__RequestVerificationToken"] = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, sneaky.StatusCode);
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Identity/Account/Login")).StatusCode);
    }
}

/// <summary>Its own app, so the sign-in test's posts do not count against it.</summary>
public sealed class RegistrationRateLimitTests(RateLimitTests.Factory app) : IClassFixture<RateLimitTests.Factory>
{
    [Fact]
    public async Task RepeatedRegistrationsFromOneAddressAreSlowedDown()
    {
        var browser = app.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var get = await browser.GetAsync("/Identity/Account/Register");
            Assert.True(get.IsSuccessStatusCode, app.Errors.ToString());
            var page = await Forms.ParseAsync(get);
            var response = await browser.SubmitAsync(page, new Dictionary<string, string>
            {
                ["Input.Name"] = "Flood Test",
                ["Input.Email"] = $"flood{i}.{Guid.NewGuid():N}@example.com",
                ["Input.Password"] = "a long enough password",
                ["Input.ConfirmPassword"] = "a long enough password",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Redirect));
    }
}
