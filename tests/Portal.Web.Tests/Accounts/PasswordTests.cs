using System.Net;
using Portal.Web.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>Passwords anyone guessing would try first are refused with a reason, wherever a password is set.</summary>
public sealed class PasswordTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Theory]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("passwordpassword")]
    public async Task TheIssuesThreeExamplesAreRefusedAtRegistrationWithAReasonAndNoAccountIsMade(string password)
    {
        var email = $"weak.{Guid.NewGuid():N}@example.com";

        var response = await SignIn.PostRegistrationAsync(app.CreateBrowser(), email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This password is too easy to guess", PasswordError(await Forms.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Null(await app.WithUsersAsync(users => users.FindByEmailAsync(email)));
    }

    [Theory]
    [InlineData("leavemealone")]
    [InlineData("qwerty123456")]
    [InlineData("QWERTY123456")]
    public void PasswordsFromTheCommonListAreRefusedAsCommon(string password)
    {
        var problem = GuessablePasswordValidator.Problem(password, "kim.lee@example.com", "Kim Lee");

        Assert.Equal("CommonPassword", problem?.Code);
        Assert.Contains("one of the most common passwords", problem!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Priyanka Sharma", "p.s@example.com", "sharma-long-passphrase-7")]
    [InlineData("Priyanka Sharma", "p.s@example.com", "my name: PRIYANKASHARMA!")]
    [InlineData("Zoë Ndlovu", "zn@example.com", "zoendlovu by the river")]
    [InlineData("Dee Okafor", "nightingale.ward@example.com", "Nightingale.Ward rota 2026")]
    public void PasswordsHoldingTheirOwnNameOrEmailAreRefused(string name, string email, string password)
    {
        var problem = GuessablePasswordValidator.Problem(password, email, name);

        Assert.Equal("PersonalPassword", problem?.Code);
        Assert.Equal("Your password must not contain your name or your email address", problem!.Description);
    }

    [Theory]
    [InlineData("HealthAndCarePortal-2026!")]
    [InlineData("my health & care portal login")]
    public void PasswordsHoldingTheSitesNameAreRefused(string password)
    {
        var problem = GuessablePasswordValidator.Problem(password, "kim.lee@example.com", "Kim Lee", ["Health and Care Portal"]);

        Assert.Equal("ContextPassword", problem?.Code);
    }

    [Fact]
    public async Task RegistrationRefusesAPasswordHoldingTheSitesName()
    {
        var email = $"context.{Guid.NewGuid():N}@example.com";

        var response = await SignIn.PostRegistrationAsync(app.CreateBrowser(), email, "HealthAndCarePortal-2026!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("must not contain the name of this website", PasswordError(await Forms.ParseAsync(response)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("long enough passphrase")]
    [InlineData("Portal-demo-2026")]
    [InlineData("a long passphrase for care")]
    [InlineData("violet kettle under ninety stairs")]
    public void PassphrasesThatAreNotCommonOrPersonalAreAccepted(string password) =>
        Assert.Null(GuessablePasswordValidator.Problem(password, "care.worker.4f2a@example.com", "Amina Yusuf"));

    [Fact]
    public void AShortNameDoesNotBanOrdinaryWordsThatHappenToContainIt() =>
        Assert.Null(GuessablePasswordValidator.Problem("planning tomorrow's kayak trip", "ann@example.com", "Ann"));

    [Fact]
    public async Task RegistrationRefusesAPasswordMadeOfThePersonsOwnName()
    {
        var email = $"naming.{Guid.NewGuid():N}@example.com";
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/Identity/Account/Register");

        var response = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Name"] = "Grace Adeyemi",
            ["Input.Email"] = email,
            ["Input.Password"] = "grace adeyemi 1990",
            ["Input.ConfirmPassword"] = "grace adeyemi 1990",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("must not contain your name", PasswordError(await Forms.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Null(await app.WithUsersAsync(users => users.FindByEmailAsync(email)));
    }

    [Fact]
    public async Task AResetOrChangeToAGuessablePasswordIsRefusedLikeARegistration()
    {
        var email = $"changing.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);

        var result = await app.WithUsersAsync(async users =>
            await users.ChangePasswordAsync((await users.FindByIdAsync(user.Id))!, SignIn.Password, "passwordpassword"));

        Assert.Equal("GuessablePassword", Assert.Single(result.Errors).Code);
    }

    private static string PasswordError(AngleSharp.Dom.IDocument page)
    {
        var field = page.QuerySelector("#Input_Password")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        return page.GetElementById(field.GetAttribute("aria-describedby")!.Split(' ').Last())!.TextContent;
    }
}
