using System.Net;
using Portal.Infrastructure.Accounts;
using Portal.Tests.Common;

namespace Portal.Web.Tests.Support;

public static class SignIn
{
    public const string Password = "correct horse battery";

    /// <summary>Creates a confirmed account and signs a fresh browser in through the real sign-in form, with the password alone.</summary>
    public static async Task<HttpClient> AsNewUserAsync(this PortalWebFactory app, params string[] roles)
    {
        var email = $"{(roles.FirstOrDefault() ?? "learner").ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password, roles: roles);
        var browser = app.CreateBrowser();
        var response = await PostSignInAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>An account with an authenticator app set up, signed in with password and code, as staff must.</summary>
    public static async Task<HttpClient> AsNewUserWithTwoFactorAsync(this PortalWebFactory app, params string[] roles)
    {
        var email = $"{(roles.FirstOrDefault() ?? "learner").ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password, roles: roles);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInWithTwoFactorAsync(browser, email)).StatusCode);
        return browser;
    }

    /// <summary>An admin with an authenticator app set up, signed in with password and code.</summary>
    public static Task<HttpClient> AsAdminWithTwoFactorAsync(this PortalWebFactory app) => app.AsNewUserWithTwoFactorAsync(PortalRoles.Admin);

    /// <summary>Sets up an authenticator app for the account, if it has none, as its owner would; returns its key.</summary>
    public static Task<string> AuthenticatorKeyAsync(this PortalWebFactory app, string email) =>
        app.WithUsersAsync(async users =>
        {
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
            if (await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = (await users.GetAuthenticatorKeyAsync(user))!;
            }

            if (!await users.GetTwoFactorEnabledAsync(user))
                await users.SetTwoFactorEnabledAsync(user, true);
            return key;
        });

    /// <summary>Signs in with password and authenticator code, setting the app up first if need be: how recruiters, managers and admins sign in.</summary>
    public static async Task<HttpResponseMessage> SignInWithTwoFactorAsync(this PortalWebFactory app, HttpClient browser, string email, string password = Password)
    {
        var key = await app.AuthenticatorKeyAsync(email);
        var response = await PostSignInAsync(browser, email, password, key);
        Assert.DoesNotContain("LoginWith2fa", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        return response;
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

    /// <param name="authenticatorKey">When given and the account asks for a second step, the code computed from it is typed in too.</param>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string email, string password, string? authenticatorKey = null)
    {
        var page = await browser.GetPageAsync("/Identity/Account/Login");
        var response = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (authenticatorKey is null || response.Headers.Location?.OriginalString.Contains("LoginWith2fa", StringComparison.Ordinal) != true)
            return response;
        var secondStep = await browser.GetPageAsync(response.Headers.Location.OriginalString);
        return await browser.SubmitAsync(secondStep, new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.Code(authenticatorKey, DateTimeOffset.UtcNow) });
    }
}
