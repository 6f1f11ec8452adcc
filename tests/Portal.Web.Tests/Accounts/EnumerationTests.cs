using System.Net;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// Sign-in and registration cannot be used to find out who has an account: every failure gets the
/// same answer after the same work (one password hash), whether or not the address is registered.
/// </summary>
public sealed class EnumerationTests(CountingHasherFactory app) : IClassFixture<CountingHasherFactory>
{
    private const string Password = "long enough passphrase";

    [Theory]
    [InlineData("no account")]
    [InlineData("not confirmed")]
    [InlineData("locked")]
    [InlineData("wrong password")]
    public async Task EveryFailedSignInChecksOnePasswordHashAndSaysTheSame(string account)
    {
        var email = $"probe.{Guid.NewGuid():N}@example.com";
        if (account != "no account")
            await app.CreateUserAsync(email, Password, confirmed: account != "not confirmed");
        if (account == "locked")
            await app.WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddMinutes(10)));
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/Identity/Account/Login");
        app.Count.Reset();

        var response = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = account == "wrong password" ? "not the password at all" : Password,
        });

        Assert.Equal(1, app.Count.Verified);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "We could not sign you in. Check your email address and password. If you have just created an account, confirm your email address first. After 5 wrong passwords the account is locked for 15 minutes, and we email its owner.",
            (await Forms.ParseAsync(response)).Text("main .validation-summary-errors li"));
    }

    [Fact]
    public async Task ALockoutLooksLikeAnyOtherFailedSignInAndTheOwnerIsEmailed()
    {
        var email = $"locking.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password);
        var browser = app.CreateBrowser();
        var unknown = await Forms.ParseAsync(await SignIn.PostSignInAsync(browser, $"nobody.{Guid.NewGuid():N}@example.com", Password));

        for (var i = 0; i < 5; i++)
            await SignIn.PostSignInAsync(browser, email, "not the password at all");
        var withTheRightPassword = await SignIn.PostSignInAsync(browser, email, Password);

        Assert.Equal(HttpStatusCode.OK, withTheRightPassword.StatusCode);
        Assert.Equal(unknown.Text("main .validation-summary-errors li"), (await Forms.ParseAsync(withTheRightPassword)).Text("main .validation-summary-errors li"));
        Assert.True(await app.WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!)));
        await app.DeliverMailAsync();
        var mail = Assert.Single(app.MailTo(email));
        Assert.Equal("Your account on the Health and Care Portal is locked for 15 minutes", mail.Subject);
        Assert.Contains("wrong password for your account 5 times in a row", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/ForgotPassword", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisteringATakenAddressHashesThePasswordAsANewAccountDoes()
    {
        var taken = $"taken.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(taken, Password);

        app.Count.Reset();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostRegistrationAsync(app.CreateBrowser(), $"fresh.{Guid.NewGuid():N}@example.com", "violet kettle under ninety stairs")).StatusCode);
        var forNew = app.Count.Hashed;
        app.Count.Reset();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostRegistrationAsync(app.CreateBrowser(), taken, "violet kettle under ninety stairs")).StatusCode);

        Assert.Equal(1, forNew);
        Assert.Equal(forNew, app.Count.Hashed);
    }
}
