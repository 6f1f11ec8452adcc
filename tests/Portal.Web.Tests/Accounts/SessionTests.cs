using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Tests.Common;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>Sessions on SQLite without Redis: the database, with a copy in the one process that serves it.</summary>
public sealed class SessionTests(PortalWebFactory app) : SessionEndingTests<PortalWebFactory>(app);

/// <summary>
/// Every way a session should end, tested with a copy of the sign-in cookie taken before the
/// event, as someone who saved it (or stole it) would use it afterwards. Run once per way of
/// keeping sessions: the same events must end them with a Redis copy in front of the database.
/// </summary>
public abstract class SessionEndingTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : PortalWebFactory
{
    protected TFactory App => app;

    [Fact]
    public async Task ASavedCookieStopsWorkingWhenThePersonSignsOut()
    {
        var (device, _) = await SignedInDeviceAsync();
        var saved = device.SavedCookie();
        Assert.Equal(HttpStatusCode.OK, await OpensProfileWithAsync(saved));

        var signOut = await device.Client.SubmitAsync(await device.Client.GetPageAsync("/profile"), new Dictionary<string, string>(), "form[action*='Logout']");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await OpensProfileWithAsync(saved));
    }

    [Fact]
    public async Task APasswordResetEndsEverySessionAtOnce()
    {
        var (device, email) = await SignedInDeviceAsync();
        var saved = device.SavedCookie();

        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return (await users.ResetPasswordAsync(user, token, "a brand new passphrase")).Succeeded;
        });

        Assert.Equal(HttpStatusCode.Redirect, await OpensProfileWithAsync(saved));
        Assert.Equal(HttpStatusCode.Redirect, (await device.Client.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordEndsTheOtherSessionsAndKeepsThisOne()
    {
        var (phone, email) = await SignedInDeviceAsync();
        var laptop = await SignInAsync(email);
        var laptopCookie = laptop.SavedCookie();

        var form = await phone.Client.GetPageAsync("/Identity/Account/Manage/ChangePassword");
        var changed = await phone.Client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = SignIn.Password,
            ["Input.NewPassword"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await OpensProfileWithAsync(laptopCookie));
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task DisablingAnAccountEndsItsSessionsAtOnce()
    {
        var (device, email) = await SignedInDeviceAsync();
        var saved = device.SavedCookie();
        var id = await app.WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);
        var admin = await app.CreateUserAsync($"admin.{Guid.NewGuid():N}@example.com", SignIn.Password, roles: PortalRoles.Admin);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AccountAdminService>().DisableAsync(new(admin.Id, null), id);
            Assert.Equal(Outcome.Done, result.Outcome);
        }

        Assert.Equal(HttpStatusCode.Redirect, await OpensProfileWithAsync(saved));
    }

    [Fact]
    public async Task DeletingTheAccountEndsItsSessionsAtOnce()
    {
        var (device, email) = await SignedInDeviceAsync();
        var saved = device.SavedCookie();
        var id = await app.WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(Outcome.Done, (await scope.ServiceProvider.GetRequiredService<Erasure>().EraseAsync(id)).Outcome);

        Assert.Equal(HttpStatusCode.Redirect, await OpensProfileWithAsync(saved));
        Assert.Equal(HttpStatusCode.Redirect, (await device.Client.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task ALockedOutAdminLosesTheAdminPagesAtOnceAndAfterTheLockoutEnds()
    {
        var email = $"admin.{Guid.NewGuid():N}@example.com";
        var admin = await AdminWithTwoFactorAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin")).StatusCode);
        var saved = admin.SavedCookie();

        var stranger = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
            await SignIn.PostSignInAsync(stranger, email, "not the password at all");

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.GetAsync("/admin")).StatusCode);
        await app.WithUsersAsync(async users => (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, null)).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, await OpensWithAsync(saved, "/admin"));
    }

    [Fact]
    public async Task SignOutEverywhereEndsEverySessionIncludingThisOne()
    {
        var (phone, email) = await SignedInDeviceAsync();
        var laptop = await SignInAsync(email);
        var phoneCookie = phone.SavedCookie();
        var laptopCookie = laptop.SavedCookie();

        var page = await phone.Client.GetPageAsync("/Identity/Account/Manage/Sessions");
        var done = await phone.Client.SubmitAsync(page, new Dictionary<string, string>(), "form#sign-out-everywhere");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await phone.Client.GetPageAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("Every device you chose must sign in again", after.Text("[role=status]:not([hidden])"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await OpensProfileWithAsync(phoneCookie));
        Assert.Equal(HttpStatusCode.Redirect, await OpensProfileWithAsync(laptopCookie));
    }

    [Fact]
    public async Task ThePersonSeesWhereTheyAreSignedInAndEndsOneOfThem()
    {
        var (phone, email) = await SignedInDeviceAsync("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36");
        var laptop = await SignInAsync(email, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");

        var page = await phone.Client.GetPageAsync("/Identity/Account/Manage/Sessions");
        var cards = page.QuerySelectorAll(".session-list > li").Select(li => li.QuerySelector("h3")!.TextContent.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        Assert.Equal([["Chrome on Android", "This device"], ["Firefox on Windows"]], cards);

        var ended = await phone.Client.SubmitAsync(page, new Dictionary<string, string>(), ".session-list > li:nth-child(2) form");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        var after = await phone.Client.GetPageAsync(ended.Headers.Location!.OriginalString);
        Assert.Equal("That session has ended: that device needs to sign in again.", after.Text("[role=status]:not([hidden])"));
        Assert.Single(after.QuerySelectorAll(".session-list > li"));
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.Client.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task AnotherPersonsSessionCannotBeEndedFromYourPage()
    {
        var (mine, _) = await SignedInDeviceAsync();
        var (theirs, _) = await SignedInDeviceAsync();
        var theirPage = await theirs.Client.GetPageAsync("/Identity/Account/Manage/Sessions");
        var theirId = theirPage.QuerySelector(".session-list input[name='Input.Id']")!.GetAttribute("value")!;

        var page = await mine.Client.GetPageAsync("/Identity/Account/Manage/Sessions");
        var response = await mine.Client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Id"] = theirId }, ".session-list form");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await theirs.Client.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task ACookiePlantedBeforeSomeoneSignsInDoesNotLetThePlanterIntoTheirAccount()
    {
        var (attacker, _) = await SignedInDeviceAsync();
        var planted = attacker.SavedCookie();
        var victimEmail = $"victim.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(victimEmail, SignIn.Password);
        var victim = new Device(app);
        victim.Jar.Add(Device.Site, new Cookie("portal.auth", planted));

        await SignIn.PostSignInAsync(victim.Client, victimEmail, SignIn.Password);

        var seenByAttacker = await attacker.Client.GetAsync("/Identity/Account/Manage/Email");
        var html = seenByAttacker.StatusCode == HttpStatusCode.OK ? await seenByAttacker.Content.ReadAsStringAsync() : "";
        Assert.DoesNotContain(victimEmail, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SigningOutWithAReturnAddressOnAnotherSiteGoesHome()
    {
        var (device, _) = await SignedInDeviceAsync();
        var page = await device.Client.GetPageAsync("/profile");

        var response = await device.Client.PostFormAsync(page, "form[action*='Logout']", [new("returnUrl", "https://evil.example/phish")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await device.Client.GetAsync("/profile")).StatusCode);
    }

    protected async Task<(Device Device, string Email)> SignedInDeviceAsync(string? userAgent = null)
    {
        var email = $"learner.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password, roles: PortalRoles.Learner);
        return (await SignInAsync(email, userAgent), email);
    }

    private async Task<Device> SignInAsync(string email, string? userAgent = null)
    {
        var device = new Device(app, userAgent);
        var response = await SignIn.PostSignInAsync(device.Client, email, SignIn.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await device.Client.GetAsync("/profile")).StatusCode);
        return device;
    }

    private async Task<Device> AdminWithTwoFactorAsync(string email)
    {
        await app.CreateUserAsync(email, SignIn.Password, roles: PortalRoles.Admin);
        var key = await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        var device = new Device(app);
        var first = await SignIn.PostSignInAsync(device.Client, email, SignIn.Password);
        var page = await device.Client.GetPageAsync(first.Headers.Location!.ToString());
        var second = await device.Client.SubmitAsync(page, new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        return device;
    }

    protected Task<HttpStatusCode> OpensProfileWithAsync(string cookie) => OpensWithAsync(cookie, "/profile");

    /// <summary>
    /// For a cache in front of the sessions: the row is deleted behind the app's back (as an
    /// operator's SQL, or a command run beside the portal, would), so only the copy can still let
    /// the cookie in, and only for as long as a copy lives (<paramref name="setting"/>, 5 s in these tests).
    /// </summary>
    protected async Task ACopyServesTheCookieAfterItsRowIsGoneButNoLongerThanItLivesAsync(string setting)
    {
        var (device, email) = await SignedInDeviceAsync();
        var saved = device.SavedCookie();
        Assert.Equal(HttpStatusCode.OK, await OpensProfileWithAsync(saved));

        var userId = await app.WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.OK, await OpensProfileWithAsync(saved));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await OpensProfileWithAsync(saved) == HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The cached copy outlived {setting} (5 s) by far.");
            await Task.Delay(500);
        }
    }

    /// <summary>A fresh browser that has only the saved cookie.</summary>
    private async Task<HttpStatusCode> OpensWithAsync(string cookie, string path)
    {
        var copy = new Device(app);
        copy.Jar.Add(Device.Site, new Cookie("portal.auth", cookie));
        return (await copy.Client.GetAsync(path)).StatusCode;
    }

    /// <summary>A browser whose cookies the test can read, as someone could copy them from it.</summary>
    protected sealed class Device
    {
        public static readonly Uri Site = new("http://localhost");

        public Device(PortalWebFactory app, string? userAgent = null)
        {
            Client = app.CreateDefaultClient(Site, new CookieContainerHandler(Jar));
            if (userAgent is not null)
                Client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        public CookieContainer Jar { get; } = new();

        public HttpClient Client { get; }

        public string SavedCookie() => Jar.GetCookies(Site)["portal.auth"]?.Value ?? throw new InvalidOperationException("Not signed in: no sign-in cookie.");
    }
}
