using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Support;

/// <summary>Accounts made the way a person makes them: the form, the email that arrives over SMTP, the link in it.</summary>
public static partial class AccountSteps
{
    public const string Password = "a long passphrase for care";

    /// <summary>Registers through the form and confirms from the real email; checks each page with axe on the way.</summary>
    public static async Task SignUpAndConfirmAsync(IPage page, string email, string name = "Amina Yusuf", bool checkAccessibility = false)
    {
        await page.GotoAsync("/Identity/Account/Register");
        if (checkAccessibility)
            await page.AssertNoSeriousIssuesAsync();
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("RegisterConfirmation"));
        if (checkAccessibility)
            await page.AssertNoSeriousIssuesAsync();

        // Hangfire in the portal process delivers the outbox over SMTP to the sink.
        var mail = await WaitForMailAsync(email, "ConfirmEmail", TimeSpan.FromSeconds(60));
        var link = ConfirmLink().Match(mail.TextBody ?? mail.HtmlBody ?? "").Groups["url"].Value;
        Assert.False(string.IsNullOrEmpty(link), "The confirmation email has no link:\n" + mail.TextBody);

        await page.GotoAsync(System.Net.WebUtility.HtmlDecode(link));
        await Assertions.Expect(page.GetByText("Thank you for confirming your email")).ToBeVisibleAsync();
        if (checkAccessibility)
            await page.AssertNoSeriousIssuesAsync();
    }

    public static async Task SignInAsync(IPage page, string email, bool checkAccessibility = false)
    {
        await page.GotoAsync("/Identity/Account/Login");
        if (checkAccessibility)
            await page.AssertNoSeriousIssuesAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Signs out and waits, as a person does, for the "Sign in" link: with script on, signing out
    /// first sends any offline answers and clears the phone's copies, so the page changes a moment
    /// after the click, and going elsewhere before then would be cut off by it.
    /// </summary>
    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    /// <summary>Signs in with password and authenticator code, as recruiters, managers and admins must.</summary>
    /// <param name="authenticatorKey">From <see cref="ServerAccounts.CreateAdminAsync"/>, or <see cref="ServerAccounts.AuthenticatorKey"/>.</param>
    public static async Task SignInWithAuthenticatorAsync(IPage page, string email, string authenticatorKey)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Code(authenticatorKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>From the "Confirm it is you" page of someone with no second step yet: sets up an authenticator app, as they would.</summary>
    /// <returns>The key the page showed, to compute codes with.</returns>
    public static async Task<string> SetUpAuthenticatorAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        var key = (await page.Locator("kbd.setup-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("recovery codes", new() { Exact = false }).First).ToBeVisibleAsync();
        return key;
    }

    /// <summary>On the "Confirm it is you" page: the code from the authenticator app, and on to the page that asked.</summary>
    public static async Task ConfirmWithAuthenticatorAsync(IPage page, string authenticatorKey)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it is you" })).ToBeVisibleAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(authenticatorKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    /// <summary>The first message to <paramref name="to"/> whose text contains <paramref name="containing"/>, as it reached the SMTP sink.</summary>
    public static async Task<MimeMessage> WaitForMailAsync(string to, string containing, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.EnumerateFiles(TestEnvironment.SmtpDirectory, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
                    && ((message.TextBody ?? "") + (message.HtmlBody ?? "")).Contains(containing, StringComparison.Ordinal))
                    return message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No email to {to} reached the SMTP sink within {timeout.TotalSeconds} s.");
    }

    [GeneratedRegex(@"(?<url>https?://[^)\s]+/Identity/Account/ConfirmEmail[^)\s]+)")]
    private static partial Regex ConfirmLink();
}
