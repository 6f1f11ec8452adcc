using Microsoft.Playwright;
using Portal.Browser.Tests.Support;

namespace Portal.Browser.Tests.Accounts;

/// <summary>
/// Passkeys in Chromium with a virtual authenticator (DevTools protocol, WebAuthn domain) standing
/// in for a phone's screen lock. On http://localhost: WebAuthn refuses an IP address as the site.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PasskeyJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task NewPersonAddsAPasskeySignsOutAndSignsInWithItAlone()
    {
        var email = $"passkey.{Guid.NewGuid():N}@example.com";
        var page = await fixture.NewPhonePageAsync(localhost: true);
        var authenticator = await VirtualAuthenticator.AddAsync(page);

        await AccountSteps.SignUpAndConfirmAsync(page, email);
        await AccountSteps.SignInAsync(page, email);
        await page.GotoAsync("/Identity/Account/Manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Passkeys" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByLabel("Name for this passkey (optional)").FillAsync("My phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Passkey \"My phone\" added")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".passkey-list li")).ToHaveCountAsync(1);
        await page.AssertNoSeriousIssuesAsync();
        Assert.Equal(1, await authenticator.CredentialCountAsync());

        await AccountSteps.SignOutAsync(page);
        await page.GotoAsync("/Identity/Account/Login");
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();

        // Signed in with no email address or password typed.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await page.GotoAsync("/Identity/Account/Manage/Passkeys");
        await Assertions.Expect(page.GetByText("My phone")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AManagerSignedInWithAPasskeyNeedsNoOtherStepAndARemovedPasskeyNoLongerWorks()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var email = $"manager.{suffix}@example.com";
        await ServerAccounts.CreateManagerAsync(fixture.Server, email, "Mo Manager", $"Passkey Care {suffix}");
        var page = await fixture.NewPhonePageAsync(localhost: true);
        var authenticator = await VirtualAuthenticator.AddAsync(page);
        await AccountSteps.SignInWithAuthenticatorAsync(page, email, ServerAccounts.AuthenticatorKey);
        await page.GotoAsync("/Identity/Account/Manage/Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Passkey \"Passkey\" added")).ToBeVisibleAsync();
        await AccountSteps.SignOutAsync(page);

        await page.GotoAsync("/manage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();

        // Straight to the staff pages: the passkey was both steps.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/manage$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Confirm it is you");

        await page.GotoAsync("/Identity/Account/Manage/Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove passkey Passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        await AccountSteps.SignOutAsync(page);
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("We could not sign you in with that passkey")).ToBeVisibleAsync();
        Assert.Equal(1, await authenticator.CredentialCountAsync());
    }

    [Fact]
    public async Task APasskeyGivesTheSecondStepToASessionThatSignedInWithAPassword()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var email = $"manager.{suffix}@example.com";
        await ServerAccounts.CreateManagerAsync(fixture.Server, email, "Mo Manager", $"Step Care {suffix}", twoFactor: false);
        var page = await fixture.NewPhonePageAsync(localhost: true);
        await VirtualAuthenticator.AddAsync(page);
        await AccountSteps.SignInAsync(page, email);
        await page.GotoAsync("/Identity/Account/Manage/Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Passkey \"Passkey\" added")).ToBeVisibleAsync();

        // A password alone does not open the staff pages; the passkey, as the second step, does.
        await page.GotoAsync("/manage");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it is you" })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/manage$"));
    }

    /// <summary>A platform authenticator with user verification, like a phone's, for one page.</summary>
    private sealed class VirtualAuthenticator(ICDPSession cdp, string id)
    {
        public static async Task<VirtualAuthenticator> AddAsync(IPage page)
        {
            var cdp = await page.Context.NewCDPSessionAsync(page);
            await cdp.SendAsync("WebAuthn.enable");
            var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = true,
                    ["automaticPresenceSimulation"] = true,
                },
            });
            return new VirtualAuthenticator(cdp, added!.Value.GetProperty("authenticatorId").GetString()!);
        }

        public async Task<int> CredentialCountAsync()
        {
            var credentials = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = id });
            return credentials!.Value.GetProperty("credentials").GetArrayLength();
        }
    }
}
