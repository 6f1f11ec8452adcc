using System.Net;
using Portal.Infrastructure.Accounts;
using Portal.Tests.Common;

namespace Portal.Web.Tests.Support;

public static class SignIn
{
    public const string Password = "correct horse battery";

    /// <summary>Creates a confirmed account and signs a fresh browser in through the real sign-in form.</summary>
    public static async Task<HttpClient> AsNewUserAsync(this PortalWebFactory app, params string[] roles)
    {
        var email = $"{(roles.FirstOrDefault() ?? "learner").ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password, roles: roles);
        var browser = app.CreateBrowser();
        var response = await PostSignInAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>An admin with an authenticator app set up, signed in with password and code.</summary>
    public static async Task<HttpClient> AsAdminWithTwoFactorAsync(this PortalWebFactory app)
    {
        var email = $"admin.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password, roles: PortalRoles.Admin);
        var key = await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });

        var browser = app.CreateBrowser();
        var first = await PostSignInAsync(browser, email, Password);
        Assert.Contains("LoginWith2fa", first.Headers.Location!.ToString(), StringComparison.Ordinal);
        var page = await browser.GetPageAsync(first.Headers.Location!.ToString());
        var second = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        return browser;
    }

    /// <summary>Fills in and posts the registration form as a person would.</summary>
    public static async Task<HttpResponseMessage> PostRegistrationAsync(HttpClient browser, string email, string password)
    {
        var page = await browser.GetPageAsync("/Identity/Account/Register");
        return await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Name"] = "Sam Taylor",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string email, string password)
    {
        var page = await browser.GetPageAsync("/Identity/Account/Login");
        return await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }
}
