using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;
using Portal.Tests.Common;
using Portal.Web.Accounts;

namespace Portal.Browser.Tests.Passport;

/// <summary>
/// The training passport on phones over the demo data: the learner takes a badge image of a module
/// he passed, shows it off (public page, share link, /verify), and the manager of another employer,
/// where he is a new starter, recognises it by uploading the image; her matrix then shows the
/// training as recognised. axe-core on every passport page on the way.
/// </summary>
[Collection(DemoPortal.Name)]
public sealed class PassportJourneyTests(DemoBrowserFixture portal)
{
    private const string Module = "Duty of care";

    private static async Task SignInFromHomeAsync(IPage page, string email, bool twoFactor = false)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (twoFactor)
        {
            await page.GetByLabel("Authenticator code").FillAsync(Totp.Code(DemoAuthenticator.Key, DateTimeOffset.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheLearnersBadgeImageIsRecognisedByTheManagerOfAnotherEmployer()
    {
        var phone = await portal.NewPhonePageAsync();
        await SignInFromHomeAsync(phone, DemoAccounts.LearnerEmail);
        await phone.GotoAsync("/passport");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = Module })).ToBeVisibleAsync();
        await phone.AssertNoSeriousIssuesAsync();
        var card = phone.Locator("li", new() { Has = phone.GetByRole(AriaRole.Heading, new() { Name = Module }) });
        var download = await phone.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Badge image (.png)" }).ClickAsync());
        var badge = await download.PathAsync();
        Assert.True(new FileInfo(badge).Length > 0);

        // The public page with its QR code.
        await card.GetByRole(AriaRole.Link, new() { Name = "Public link and QR code" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = Module })).ToBeVisibleAsync();
        await phone.AssertNoSeriousIssuesAsync();

        // A share link for it, opened as the employer would.
        await phone.GoBackAsync();
        await card.GetByLabel("Include in a share link").CheckAsync();
        await phone.GetByLabel("Last day the link works").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Make a share link" }).ClickAsync();
        var link = await phone.Locator("a.share-link").GetAttributeAsync("href");
        await phone.GotoAsync(link!);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Training passport of Lee Learner" })).ToBeVisibleAsync();
        await phone.AssertNoSeriousIssuesAsync();

        // Anyone checks the badge image at /verify.
        await phone.GotoAsync("/verify");
        await phone.AssertNoSeriousIssuesAsync();
        await phone.GetByLabel("Or the badge image").SetInputFilesAsync(badge);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Check the credential" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "This credential is genuine and valid" })).ToBeVisibleAsync();
        await phone.AssertNoSeriousIssuesAsync();
        await AccountSteps.SignOutAsync(phone);

        // The care home's manager, where he has just started, recognises it from the image.
        var manager = await portal.NewPhonePageAsync();
        await SignInFromHomeAsync(manager, DemoPassport.CareHomeManagerEmail, twoFactor: true);
        await manager.GotoAsync("/manage/matrix");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Lee Learner" }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Recognise training from a passport" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Recognise training from a passport" })).ToBeVisibleAsync();
        await manager.AssertNoSeriousIssuesAsync();
        await manager.GetByLabel("Or a badge image (.png) from their passport").SetInputFilesAsync(badge);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Check their training" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".found-credentials")).ToContainTextAsync("Counts as");
        await manager.AssertNoSeriousIssuesAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Recognise this training for Lee Learner" }).ClickAsync();
        await Assertions.Expect(manager.Locator("[role=status]:not([hidden])")).ToContainTextAsync("Recognised");
        await Assertions.Expect(manager.Locator(".staff-topics li", new() { HasText = Module }).First).ToContainTextAsync(new Regex("Recognised from .+"));
        await manager.AssertNoSeriousIssuesAsync();
        await manager.GotoAsync("/manage/matrix");
        await Assertions.Expect(manager.Locator("tbody tr", new() { HasText = "Lee Learner" })).ToContainTextAsync("recognised from");
    }
}
