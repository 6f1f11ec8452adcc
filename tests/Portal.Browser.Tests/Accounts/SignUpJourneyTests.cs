using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using Portal.Browser.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Accounts;

/// <summary>A new person on a phone: signs up, confirms from the email that really arrived over SMTP, signs in.</summary>
[Collection(SharedPortal.Name)]
public sealed partial class SignUpJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task NewPersonSignsUpConfirmsByEmailAndSignsInWithNoAccessibilityProblems()
    {
        var email = $"care.worker.{Guid.NewGuid():N}@example.com";
        const string password = "a long passphrase for care";
        var page = await fixture.NewPhonePageAsync();

        await page.GotoAsync("/");
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Create account" }).ClickAsync();
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("RegisterConfirmation"));
        await page.AssertNoSeriousIssuesAsync();

        // Hangfire in the portal process delivers the outbox over SMTP to the sink.
        var mail = await WaitForMailAsync(email, TimeSpan.FromSeconds(60));
        var link = ConfirmLink().Match(mail.TextBody ?? mail.HtmlBody ?? "").Groups["url"].Value;
        Assert.False(string.IsNullOrEmpty(link), "The confirmation email has no link:\n" + mail.TextBody);

        await page.GotoAsync(System.Net.WebUtility.HtmlDecode(link));
        await Assertions.Expect(page.GetByText("Thank you for confirming your email")).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();

        await page.GotoAsync("/Identity/Account/Login");
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

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
    [InlineData("/jobs")]
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

    private static async Task<MimeMessage> WaitForMailAsync(string to, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.EnumerateFiles(TestEnvironment.SmtpDirectory, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                    return message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No email to {to} reached the SMTP sink within {timeout.TotalSeconds} s.");
    }

    [GeneratedRegex(@"\((?<url>https?://[^)\s]+/Identity/Account/ConfirmEmail[^)\s]+)\)")]
    private static partial Regex ConfirmLink();
}
