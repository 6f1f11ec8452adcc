using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;

namespace Portal.Browser.Tests.Talent;

/// <summary>
/// An applicant and a recruiter walk the talent hub from the home page on a phone, over the
/// Development demo data, with axe-core on every page they reach. Each waits only for what the
/// person waits for: a heading, a message, an address.
/// </summary>
[Collection(DemoPortal.Name)]
public sealed class TalentDemoJourneyTests(DemoBrowserFixture portal)
{
    private const string Job = "Care worker, weekend evenings";
    private const string Pipeline = "Home care worker, Headingley mornings";
    private const string DemoPassword = "Portal-demo-2026";

    [Fact]
    public async Task AnApplicantFindsAJobByAnEverydayWordSignsUpFromItAppliesWithdrawsAndAppliesAgain()
    {
        var page = await portal.NewPhonePageAsync();
        var email = $"applicant.{Guid.NewGuid():N}@example.com";

        await page.GotoAsync("/");
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Jobs" }).ClickAsync();
        // The first visit shows jobs, not an error.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^\d+ jobs$") })).ToBeVisibleAsync();
        await page.GetByLabel("Words in the job").FillAsync("carer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("Search.Keyword=carer"));
        var first = page.Locator(".role-card").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        // On a phone the first result is on the first screen: the filters are folded away.
        var box = await first.BoundingBoxAsync();
        Assert.True(box is not null && box.Y < 844, $"The first result starts {box?.Y} px down, below the first screen");
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = Job }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Job, Level = 1 })).ToBeVisibleAsync();
        var jobPath = new Uri(page.Url).AbsolutePath;
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "create an account" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Sam Applicant");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AccountSteps.Password);
        await page.GetByLabel("Confirm password").FillAsync(AccountSteps.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();

        var mail = await AccountSteps.WaitForMailAsync(email, "ConfirmEmail", TimeSpan.FromSeconds(60));
        var link = Regex.Match(mail.TextBody ?? mail.HtmlBody ?? "", @"https?://[^\s)'""<>]+/Identity/Account/ConfirmEmail[^\s)'""<>]+").Value;
        await page.GotoAsync(System.Net.WebUtility.HtmlDecode(link));
        await Assertions.Expect(page.GetByText("Thank you for confirming your email")).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AccountSteps.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Back on the job they came for.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(jobPath) + "$"));
        await Assertions.Expect(page.GetByText("Thank you for confirming")).ToHaveCountAsync(0);
        await page.GetByLabel("A note to the employer (optional)").FillAsync("I can do weekend evenings in Adel.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply for this job" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your application is sent")).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Withdraw your application for {Job}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Withdraw your application?" })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw my application" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your application is withdrawn")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Status: Withdrawn")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Apply again for {Job}" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You withdrew your application on")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply again" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your application is sent")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Status: Submitted")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Applied again on "))).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
    }

    [Fact]
    public async Task ARecruiterMovesAnApplicantToHiredAndTheHiredPersonNoLongerShowsAsAFit()
    {
        var recruiter = await portal.NewPhonePageAsync();
        await recruiter.GotoAsync("/");
        await recruiter.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await recruiter.GetByLabel("Email address").FillAsync("recruiter@demo.portal.test");
        await recruiter.GetByLabel("Password").FillAsync(DemoPassword);
        await recruiter.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The second step, with the demo authenticator key the README gives.
        await recruiter.GetByLabel("Authenticator code").FillAsync(Portal.Tests.Common.Totp.Code(Portal.Web.Accounts.DemoAuthenticator.Key, DateTimeOffset.UtcNow));
        await recruiter.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await recruiter.AssertNoSeriousIssuesAsync();

        await recruiter.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Recruit" }).ClickAsync();
        await recruiter.GetByRole(AriaRole.Link, new() { Name = Pipeline }).ClickAsync();
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = Pipeline })).ToBeVisibleAsync();
        await recruiter.GetByRole(AriaRole.Link, new() { Name = "Applications", Exact = true }).First.ClickAsync();
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = "Applications" })).ToBeVisibleAsync();
        // The pipeline: somebody at every stage.
        foreach (var status in new[] { "Submitted", "Shortlisted", "Interview", "Offer", "Hired", "Rejected", "Withdrawn" })
            await Assertions.Expect(recruiter.Locator(".record-item strong", new() { HasTextString = status }).First).ToBeVisibleAsync();
        await recruiter.AssertNoSeriousIssuesAsync();

        await recruiter.GetByRole(AriaRole.Button, new() { Name = "Move to hired for Omar Hussain" }).ClickAsync();
        await Assertions.Expect(recruiter.GetByText("Moved to hired")).ToBeVisibleAsync();
        var applications = new Uri(recruiter.Url).AbsolutePath;
        await recruiter.GotoAsync(applications.Replace("/applications", "/people", StringComparison.Ordinal));
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = "Harry Wood" })).ToBeVisibleAsync();
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = "Omar Hussain" })).ToHaveCountAsync(0);
        await recruiter.AssertNoSeriousIssuesAsync();

        // Omar's own side: hired, and the job is not among the roles that fit him.
        var omar = await portal.NewPhonePageAsync();
        await omar.GotoAsync("/");
        await omar.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await omar.GetByLabel("Email address").FillAsync("omar.hussain@demo.portal.test");
        await omar.GetByLabel("Password").FillAsync(DemoPassword);
        await omar.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(omar.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await omar.GotoAsync("/applications");
        await Assertions.Expect(omar.GetByText("Status: Hired")).ToBeVisibleAsync();
        await Assertions.Expect(omar.GetByText(new Regex("^Hired on "))).ToBeVisibleAsync();
        await omar.GotoAsync("/profile/matches");
        await Assertions.Expect(omar.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(omar.GetByRole(AriaRole.Link, new() { Name = Pipeline })).ToHaveCountAsync(0);
        await omar.AssertNoSeriousIssuesAsync();
    }
}
