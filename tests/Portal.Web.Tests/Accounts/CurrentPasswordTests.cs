using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// Whoever holds a signed-in session cannot guess the password from behind it: wrong current
/// passwords on "change password" and "delete account" count towards the lockout, which ends the
/// session, and both forms are rate limited per person.
/// </summary>
public sealed class CurrentPasswordTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task FiveWrongCurrentPasswordsOnChangePasswordLockTheAccountAndEndTheSession()
    {
        var (browser, email) = await SignedInAsync();
        var answers = new List<string>();

        for (var i = 0; i < 5; i++)
            answers.Add(await ChangeAsync(browser, "not my password at all", "violet kettle under ninety stairs"));

        Assert.Equal("That is not your current password. After 4 more wrong tries your account is locked for 15 minutes", answers[0]);
        Assert.Equal("That is not your current password. After 1 more wrong try your account is locked for 15 minutes", answers[3]);
        Assert.StartsWith("Too many wrong passwords: your account is locked for 15 minutes and you have been signed out.", answers[4], StringComparison.Ordinal);
        Assert.True(await app.WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Identity/Account/Manage/ChangePassword")).StatusCode);
        await app.DeliverMailAsync();
        Assert.Contains(app.MailTo(email), m => (m.Subject ?? "").Contains("is locked", StringComparison.Ordinal));
        // The password did not change.
        Assert.True(await app.WithUsersAsync(async users => await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, SignIn.Password)));
    }

    [Fact]
    public async Task TheRightCurrentPasswordChangesItAndStartsTheCountAgain()
    {
        var (browser, email) = await SignedInAsync();
        await ChangeAsync(browser, "not my password at all", "violet kettle under ninety stairs");

        var page = await browser.GetPageAsync("/Identity/Account/Manage/ChangePassword");
        var response = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = SignIn.Password,
            ["Input.NewPassword"] = "violet kettle under ninety stairs",
            ["Input.ConfirmPassword"] = "violet kettle under ninety stairs",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Your password has been changed.", (await browser.GetPageAsync(response.Headers.Location!.ToString())).Text("[role=status]:not([hidden])"));
        Assert.Equal(0, await app.WithUsersAsync(async users => await users.GetAccessFailedCountAsync((await users.FindByEmailAsync(email))!)));
    }

    [Fact]
    public async Task FiveWrongPasswordsOnDeleteAccountLockItAndDeleteNothing()
    {
        var (browser, email) = await SignedInAsync();
        var answers = new List<string>();

        for (var i = 0; i < 5; i++)
        {
            var page = await browser.GetPageAsync("/Identity/Account/Manage/DeletePersonalData");
            var response = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = "not my password at all" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(FormError(await Forms.ParseAsync(response)));
        }

        Assert.StartsWith("That is not your current password.", answers[0], StringComparison.Ordinal);
        Assert.StartsWith("Too many wrong passwords", answers[4], StringComparison.Ordinal);
        var user = await app.WithUsersAsync(users => users.FindByEmailAsync(email));
        Assert.NotNull(user);
        Assert.True(await app.WithUsersAsync(async users => await users.IsLockedOutAsync(user)));
    }

    [Fact]
    public async Task TheRightPasswordDeletesTheAccountAndSignsOut()
    {
        var (browser, email) = await SignedInAsync();

        var page = await browser.GetPageAsync("/Identity/Account/Manage/DeletePersonalData");
        var response = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = SignIn.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await app.WithUsersAsync(users => users.FindByEmailAsync(email)));
    }

    private async Task<(HttpClient Browser, string Email)> SignedInAsync()
    {
        var email = $"session.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        return (browser, email);
    }

    private static async Task<string> ChangeAsync(HttpClient browser, string current, string next)
    {
        var page = await browser.GetPageAsync("/Identity/Account/Manage/ChangePassword");
        var response = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FormError(await Forms.ParseAsync(response));
    }

    // The message beside the field, or the form's own when the session has ended.
    private static string FormError(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("main .validation-summary-errors li")?.TextContent.Trim()
        ?? page.QuerySelector("main .field-validation-error")?.TextContent.Trim()
        ?? throw new InvalidOperationException("No error on the page:\n" + page.Body?.TextContent);
}

/// <summary>
/// Guessing from behind one session is slowed per person, whatever address each request comes
/// from. Its own app with a low limit, so other tests' posts do not count against it.
/// </summary>
public sealed class CurrentPasswordRateLimitTests(CurrentPasswordRateLimitTests.Factory app) : IClassFixture<CurrentPasswordRateLimitTests.Factory>
{
    private const string AddressHeader = "X-Test-Client-Address";

    /// <summary>Takes each request's client address from a test header, before anything else runs.</summary>
    public sealed class Factory : PortalWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:AccountPostsPerMinute"] = "3" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
        }

        private sealed class ClientAddressFromHeader : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, following) =>
                {
                    if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                        context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                    return following(context);
                });
                next(app);
            };
        }
    }

    [Fact]
    public async Task ChangePasswordPostsFromOnePersonAreLimitedEvenFromManyAddresses()
    {
        var email = $"limited.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        From(browser, "192.0.2.1");
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            From(browser, $"192.0.2.{10 + i}");
            var page = await browser.GetPageAsync("/Identity/Account/Manage/ChangePassword");
            statuses.Add((await browser.SubmitAsync(page, new Dictionary<string, string>
            {
                ["Input.OldPassword"] = "not my password at all",
                ["Input.NewPassword"] = "violet kettle under ninety stairs",
                ["Input.ConfirmPassword"] = "violet kettle under ninety stairs",
            })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static void From(HttpClient browser, string address)
    {
        browser.DefaultRequestHeaders.Remove(AddressHeader);
        browser.DefaultRequestHeaders.Add(AddressHeader, address);
    }
}
