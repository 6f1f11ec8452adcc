using System.Net;
using System.Text.RegularExpressions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

public sealed partial class RegistrationTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private const string Password = "long enough passphrase";

    [Fact]
    public async Task NewPersonConfirmsTheirEmailThroughTheOutboxThenSignsIn()
    {
        var email = $"new.{Guid.NewGuid():N}@example.com";
        var browser = app.CreateBrowser();

        var registered = await SignIn.PostRegistrationAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // Before confirming, signing in is refused without saying whether the account exists.
        var refused = await SignIn.PostSignInAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("We could not sign you in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Empty(app.MailTo(email)); // written to the outbox, not yet sent
        Assert.True(await app.DeliverMailAsync() >= 1);
        var mail = Assert.Single(app.MailTo(email));
        // In the portal's words and layout, not Identity's stock "clicking here": both parts, the same link in each.
        Assert.Equal("Confirm your email for the Health and Care Portal", mail.Subject);
        var link = WebUtility.HtmlDecode(ConfirmLink().Match(mail.TextBody ?? "").Value);
        Assert.StartsWith("http", link, StringComparison.Ordinal);
        Assert.StartsWith("Health and Care Portal\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link)}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("clicking here", mail.HtmlBody, StringComparison.Ordinal);

        var confirmed = await browser.GetPageAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Thank you for confirming your email", confirmed.Body!.TextContent, StringComparison.Ordinal);

        var signedIn = await SignIn.PostSignInAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var home = await browser.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("form[action*='Logout'] button"));
    }

    [Fact]
    public async Task AConfirmationLinkWorksOnce()
    {
        var email = $"once.{Guid.NewGuid():N}@example.com";
        await SignIn.PostRegistrationAsync(app.CreateBrowser(), email, Password);
        await app.DeliverMailAsync();
        var link = new Uri(WebUtility.HtmlDecode(ConfirmLink().Match(Assert.Single(app.MailTo(email)).TextBody ?? "").Value)).PathAndQuery;

        var first = await app.CreateBrowser().GetPageAsync(link);
        var again = await app.CreateBrowser().GetPageAsync(link);

        Assert.Equal("Email address confirmed", first.Text("h1"));
        Assert.Equal("This link did not work", again.Text("h1"));
        Assert.DoesNotContain("Thank you for confirming", again.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisteringATakenAddressLooksTheSameAndTellsTheOwnerByEmail()
    {
        var email = $"taken.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password);
        var browser = app.CreateBrowser();

        var response = await SignIn.PostRegistrationAsync(browser, email, "someone else's password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/RegisterConfirmation", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        await app.DeliverMailAsync();
        var mail = Assert.Single(app.MailTo(email));
        Assert.Equal("You already have an account on the Health and Care Portal", mail.Subject);
        Assert.DoesNotContain("ConfirmEmail", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmationPageSaysTheSameForAddressesWithAndWithoutAccounts()
    {
        var known = $"known.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(known, Password);
        var browser = app.CreateBrowser();

        var forKnown = await browser.GetPageAsync($"/Identity/Account/RegisterConfirmation?email={known}");
        var forUnknown = await browser.GetPageAsync("/Identity/Account/RegisterConfirmation?email=nobody@example.com");

        Assert.Equal(forKnown.Text("h1"), forUnknown.Text("h1"));
    }

    [Fact]
    public async Task PasswordShorterThanTwelveCharactersIsRefusedAndNoAccountIsMade()
    {
        var email = $"short.{Guid.NewGuid():N}@example.com";
        var browser = app.CreateBrowser();

        var response = await SignIn.PostRegistrationAsync(browser, email, "elevenchars");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var field = page.QuerySelector("#Input_Password")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var errorId = field.GetAttribute("aria-describedby")!.Split(' ').Last();
        Assert.Contains("at least 12", page.GetElementById(errorId)!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.WithUsersAsync(users => users.FindByEmailAsync(email)));
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        var email = $"locked.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password);
        var browser = app.CreateBrowser();

        for (var i = 0; i < 5; i++)
            await SignIn.PostSignInAsync(browser, email, "not the right password");
        var withRightPassword = await SignIn.PostSignInAsync(browser, email, Password);

        // Refused like any other failure, so a stranger cannot tell a locked account from none.
        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("We could not sign you in", await withRightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!)));
    }

    [Fact]
    public async Task ForgottenPasswordMailGoesThroughTheOutbox()
    {
        var email = $"forgot.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password);
        var browser = app.CreateBrowser();

        var page = await browser.GetPageAsync("/Identity/Account/ForgotPassword");
        await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email });
        await app.DeliverMailAsync();

        var mail = Assert.Single(app.MailTo(email));
        Assert.Equal("Reset your password for the Health and Care Portal", mail.Subject);
        Assert.Contains("/Identity/Account/ResetPassword", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/ResetPassword", mail.HtmlBody, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+?/Identity/Account/ConfirmEmail\S+?(?=\)|\s|$)")]
    private static partial Regex ConfirmLink();
}
