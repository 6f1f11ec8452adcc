using Microsoft.Playwright;
using Portal.Browser.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Admin;

/// <summary>
/// An admin on a phone, from the home page: signs in with an authenticator code, finds a person,
/// disables their account (they can no longer sign in), enables it again, and reads both actions
/// on the person's page with their own name against each. axe-core checks every page on the way.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PeopleJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AdminOnAPhoneFindsAPersonDisablesAndEnablesTheirAccountAndSeesItOnRecord()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var adminEmail = $"admin.{suffix}@example.com";
        var key = await ServerAccounts.CreateAdminAsync(fixture.Server, adminEmail, "Ada Admin");
        var personEmail = $"ruth.{suffix}@example.com";
        await ServerAccounts.CreatePersonAsync(fixture.Server, personEmail, $"Ruth Okafor {suffix}");

        var admin = await fixture.NewPhonePageAsync();
        await admin.GotoAsync("/");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Email address")).ToBeVisibleAsync();
        await admin.AssertNoSeriousIssuesAsync();
        await admin.GetByLabel("Email address").FillAsync(adminEmail);
        await admin.GetByLabel("Password").FillAsync(AccountSteps.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await admin.GetByLabel("Authenticator code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true })).ToBeVisibleAsync();
        await admin.AssertNoSeriousIssuesAsync();
        await admin.GetByLabel("Name or email address").FillAsync($"okafor {suffix}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "1 person" })).ToBeVisibleAsync();
        await admin.AssertNoSeriousIssuesAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Ruth Okafor {suffix}" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = $"Ruth Okafor {suffix}" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("Signing in: allowed")).ToBeVisibleAsync();
        await admin.AssertNoSeriousIssuesAsync();

        await admin.GetByRole(AriaRole.Button, new() { Name = "Disable the account" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Disabled: they cannot sign in until the account is enabled again.");
        await Assertions.Expect(admin.GetByText("Signing in: disabled by an admin")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("li", new() { HasText = "Disabled by Ada Admin" })).ToHaveCountAsync(1);
        await admin.AssertNoSeriousIssuesAsync();

        // Disabled means they cannot sign in, with the right password.
        var person = await fixture.NewPhonePageAsync();
        await person.GotoAsync("/Identity/Account/Login");
        await person.GetByLabel("Email address").FillAsync(personEmail);
        await person.GetByLabel("Password").FillAsync(AccountSteps.Password);
        await person.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Told only what anyone is told, so that the page does not reveal the account exists.
        await Assertions.Expect(person.GetByRole(AriaRole.Alert)).ToContainTextAsync("We could not sign you in");
        await Assertions.Expect(person.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Enable the account" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Enabled: they can sign in again.");
        await Assertions.Expect(admin.Locator("li", new() { HasText = "Enabled by Ada Admin" })).ToHaveCountAsync(1);
        await Assertions.Expect(admin.Locator("li", new() { HasText = "Disabled by Ada Admin" })).ToHaveCountAsync(1);
        await admin.AssertNoSeriousIssuesAsync();
        Assert.Equal(390, await admin.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));

        await AccountSteps.SignInAsync(person, personEmail);
    }
}
