using Microsoft.Playwright;
using Portal.Browser.Tests.Support;

namespace Portal.Browser.Tests.Accounts;

/// <summary>A new person on a phone: signs up, confirms from the email that really arrived over SMTP, signs in.</summary>
[Collection(SharedPortal.Name)]
public sealed class SignUpJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task NewPersonSignsUpConfirmsByEmailAndSignsInWithNoAccessibilityProblems()
    {
        var email = $"care.worker.{Guid.NewGuid():N}@example.com";
        var page = await fixture.NewPhonePageAsync();

        await page.GotoAsync("/");
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create account" }).ClickAsync();
        await AccountSteps.SignUpAndConfirmAsync(page, email, checkAccessibility: true);
        await AccountSteps.SignInAsync(page, email, checkAccessibility: true);

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
        foreach (var accountPage in new[] { "/Identity/Account/Manage", "/Identity/Account/Manage/TwoFactorAuthentication", "/Identity/Account/Manage/EnableAuthenticator" })
        {
            await page.GotoAsync(accountPage);
            await page.AssertNoSeriousIssuesAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "open your authenticator app with this account" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/careers")]
    [InlineData("/careers?Filter.NoQualifications=true&Filter.Sector=social-care")]
    [InlineData("/careers?Filter.PayFrom=lots")]
    [InlineData("/careers/plan?From=school-leaver")]
    [InlineData("/careers/map")]
    [InlineData("/careers/roles/enhanced-care-worker")]
    [InlineData("/careers/roles/new-to-care")]
    [InlineData("/learn")]
    [InlineData("/learn?Filter.Topic=astrology&Filter.Minutes=5")]
    [InlineData("/learn/duty-of-care")]
    [InlineData("/verify")]
    [InlineData("/verify/aaaa-bbbb-cccc-dddd-eeee-ffff")]
    [InlineData("/jobs")]
    [InlineData("/jobs?Search.Postcode=M1+1AA&Search.Miles=5&Search.PayFrom=lots")]
    [InlineData("/jobs?Search.Postcode=LS6&Search.Miles=10&Search.Sort=Distance")]
    [InlineData("/help/about")]
    [InlineData("/help/accessibility")]
    [InlineData("/no-such-page")]
    [InlineData("/Identity/Account/ForgotPassword")]
    public async Task PublicPagesHaveNoSeriousAccessibilityProblems(string path)
    {
        var page = await fixture.NewPhonePageAsync();

        await page.GotoAsync(path);

        await page.AssertNoSeriousIssuesAsync();
    }
}
