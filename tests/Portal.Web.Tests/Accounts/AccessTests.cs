using System.Net;
using Portal.Infrastructure.Accounts;
using Portal.Tests.Common;
using Portal.Web.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

public sealed class AccessTests(AccessTests.Factory app) : IClassFixture<AccessTests.Factory>
{
    public sealed class Factory : PortalWebFactory;

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/jobs")]
    [InlineData("/recruit")]
    [InlineData("/manage")]
    [InlineData("/Identity/Account/Manage")]
    public async Task SignedOutVisitorIsSentToSignIn(string path)
    {
        var response = await app.CreateBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/jobs")]
    [InlineData("/recruit")]
    [InlineData("/manage")]
    public async Task LearnerIsRefusedWithAPlainForbiddenPage(string path)
    {
        var browser = await app.AsNewUserAsync(PortalRoles.Learner);

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You cannot see this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminWithoutTwoFactorIsSentToSetItUpAndComesBackAfterwards()
    {
        var browser = await app.AsNewUserAsync(PortalRoles.Admin);

        var response = await browser.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/StepUp?returnUrl=%2Fadmin%2Fjobs", response.Headers.Location!.OriginalString);
        var stepUp = await browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(stepUp.QuerySelectorAll("main a"), a => a.TextContent == "Set up an authenticator app");
    }

    [Theory]
    [InlineData("/recruit")]
    [InlineData("/manage")]
    public async Task AdminWithoutTwoFactorCannotUseTheOtherAreasAdminsMayUse(string path)
    {
        var browser = await app.AsNewUserAsync(PortalRoles.Admin);

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/StepUp", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminWhoTurnsOnTwoFactorInAPasswordSessionMustStillGiveTheCodeBeforeAdminPages()
    {
        var browser = await app.AsNewUserAsync(PortalRoles.Admin);
        var setup = await browser.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = setup.Text("kbd.setup-key").Replace(" ", "", StringComparison.Ordinal);
        Assert.StartsWith("otpauth://totp/", setup.QuerySelector("a[href^='otpauth:']")?.GetAttribute("href"), StringComparison.Ordinal);
        var wrong = await browser.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var right = await browser.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Contains("ShowRecoveryCodes", right.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Two-factor is on for the account, but this session signed in with the password alone.
        var refused = await browser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Identity/Account/StepUp?returnUrl=%2Fadmin", refused.Headers.Location!.OriginalString);

        var stepUp = await browser.GetPageAsync(refused.Headers.Location!.OriginalString);
        var confirmed = await browser.SubmitAsync(stepUp, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal("/admin", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task WrongCodesAtTheSecondStepCountTowardsLockout()
    {
        var email = $"admin.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password, roles: PortalRoles.Admin);
        var browser = app.CreateBrowser();
        await SignIn.PostSignInAsync(browser, email, SignIn.Password);
        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            return await users.SetTwoFactorEnabledAsync(user, true);
        });
        var stepUp = await browser.GetPageAsync("/Identity/Account/StepUp?returnUrl=%2Fadmin");

        for (var i = 0; i < 4; i++)
            Assert.Contains("That code is not right", await (await browser.SubmitAsync(stepUp, new Dictionary<string, string> { ["Input.Code"] = "000000" })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var fifth = await browser.SubmitAsync(stepUp, new Dictionary<string, string> { ["Input.Code"] = "000000" });

        Assert.Contains("Lockout", fifth.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.True(await app.WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!)));
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task TheDemoAdminsAddressHasNoExemptionOutsideDevelopment()
    {
        await app.CreateUserAsync(DemoAccounts.AdminEmail, SignIn.Password, roles: PortalRoles.Admin);
        var browser = app.CreateBrowser();
        await SignIn.PostSignInAsync(browser, DemoAccounts.AdminEmail, SignIn.Password);

        var response = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/StepUp", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PortalRoles.Recruiter, "/recruit")]
    [InlineData(PortalRoles.Manager, "/manage")]
    [InlineData(PortalRoles.Manager, "/manage/matrix")]
    public async Task RecruitersAndManagersSignedInWithAPasswordAloneAreAskedForASecondStep(string role, string path)
    {
        var browser = await app.AsNewUserAsync(role);

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/StepUp", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALearnerNeedsNoSecondStep()
    {
        var browser = await app.AsNewUserAsync(PortalRoles.Learner);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/learn/record")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task AdminSignedInWithTwoFactorReachesAdminAndTheJobsDashboard()
    {
        var browser = await app.AsAdminWithTwoFactorAsync();

        var admin = await browser.GetPageAsync("/admin");
        var jobs = await browser.GetAsync("/admin/jobs");

        Assert.Equal("Admin", admin.Text("h1"));
        Assert.True(HttpStatusCode.OK == jobs.StatusCode, app.Errors.ToString());
        Assert.Contains("Background jobs", await jobs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PortalRoles.Recruiter, "/recruit", "Recruit")]
    [InlineData(PortalRoles.Manager, "/manage", "Manage")]
    public async Task EachRoleReachesItsOwnAreaAndSeesItInTheNavigation(string role, string path, string navText)
    {
        var browser = await app.AsNewUserWithTwoFactorAsync(role);

        var page = await browser.GetPageAsync(path);

        Assert.Contains(page.QuerySelectorAll("nav[aria-label=Main] a"), a => a.TextContent == navText);
    }
}
