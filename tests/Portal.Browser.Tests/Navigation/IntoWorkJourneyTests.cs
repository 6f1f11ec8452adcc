using Microsoft.Playwright;
using Portal.Browser.Tests.Support;

namespace Portal.Browser.Tests.Navigation;

/// <summary>
/// The whole way in, on phones over the demo data: a person asks for help; Nadia, the demo
/// navigator, takes them from the queue, agrees a step (apply for a job) and enrols them in the open
/// cohort; they apply from their home page; the demo recruiter hires them; and Nadia sees "started
/// work" once on the person's page and once on the cohort's. Axe-core on every page they reach.
/// </summary>
[Collection(DemoPortal.Name)]
public sealed class IntoWorkJourneyTests(DemoBrowserFixture portal)
{
    private const string DemoPassword = "Portal-demo-2026";
    private const string Job = "Home care worker, Headingley mornings";
    private const string Programme = "Care careers in six weeks";

    private async Task<IPage> StaffAsync(string email)
    {
        var page = await portal.NewPhonePageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Authenticator code").FillAsync(Portal.Tests.Common.Totp.Code(Portal.Web.Accounts.DemoAuthenticator.Key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task APersonAsksIsTakenEnrolledAppliesIsHiredAndTheNavigatorSeesStartedWorkOnce()
    {
        const string name = "Tia Ramsden";
        var email = $"tia.{Guid.NewGuid():N}"[..12] + "@example.com";
        var person = await portal.NewPhonePageAsync();
        await AccountSteps.SignUpAndConfirmAsync(person, email, name);
        await AccountSteps.SignInAsync(person, email);

        // The person asks from their home page.
        await person.GotoAsync("/");
        await person.GetByRole(AriaRole.Link, new() { Name = "I'd like someone to help me find work in care" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Get help to find work in care", Level = 1 })).ToBeVisibleAsync();
        await person.GetByLabel("What would you like help with?").FillAsync("I have looked after my grandad in Harehills and want to do it as a job.");
        await person.GetByLabel("I agree to the hub keeping this record to help me").CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Ask for help" }).ClickAsync();
        await Assertions.Expect(person.GetByText("Your request has gone to the hub")).ToBeVisibleAsync();
        await person.AssertNoSeriousIssuesAsync();

        // Nadia takes them from the queue, through the caseload link in the menu.
        var nadia = await StaffAsync("navigator@demo.portal.test");
        await nadia.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Caseload" }).ClickAsync();
        await Assertions.Expect(nadia.GetByRole(AriaRole.Heading, new() { Name = "Your caseload", Level = 1 })).ToBeVisibleAsync();
        await nadia.AssertNoSeriousIssuesAsync();
        await nadia.GetByRole(AriaRole.Button, new() { Name = $"Take – {name}" }).ClickAsync();
        await Assertions.Expect(nadia.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(nadia.GetByText("They are on your caseload now")).ToBeVisibleAsync();
        await nadia.AssertNoSeriousIssuesAsync();

        // A step they agree: apply for a job on the portal.
        await nadia.GetByText("Add a step").ClickAsync();
        await nadia.GetByLabel("Kind of step").SelectOptionAsync(new SelectOptionValue { Label = "Apply for a job" });
        await nadia.GetByLabel("Job (for an application step)").SelectOptionAsync(new SelectOptionValue { Label = $"{Job}, Demo Homecare" });
        await nadia.GetByRole(AriaRole.Button, new() { Name = "Add the step" }).ClickAsync();
        await Assertions.Expect(nadia.GetByText("Step added to their plan")).ToBeVisibleAsync();
        await Assertions.Expect(nadia.Locator(".plan-steps")).ToContainTextAsync($"Apply for a job: {Job}");

        // Enrolled in the open cohort from the same page, in one step.
        var cohort = nadia.GetByLabel("Enrol in a cohort");
        var option = cohort.Locator("option", new() { HasTextString = Programme });
        await cohort.SelectOptionAsync(new SelectOptionValue { Label = (await option.First.TextContentAsync())!.Trim() });
        await nadia.GetByRole(AriaRole.Button, new() { Name = "Enrol them" }).ClickAsync();
        await Assertions.Expect(nadia.GetByText("Enrolled. The cohort is on their programmes page")).ToBeVisibleAsync();
        await Assertions.Expect(nadia.Locator(".case-cohorts")).ToContainTextAsync(Programme);
        await nadia.AssertNoSeriousIssuesAsync();

        // The person sees their place, then applies from the step on their home page.
        await person.GotoAsync("/");
        await person.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Programmes" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Programmes into work", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(person.GetByText("You have a place on this one")).ToBeVisibleAsync();
        await person.AssertNoSeriousIssuesAsync();
        await person.GotoAsync("/");
        await person.Locator(".your-plan").GetByRole(AriaRole.Link, new() { Name = Job }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = Job, Level = 1 })).ToBeVisibleAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Apply for this job" }).ClickAsync();
        await Assertions.Expect(person.GetByText("Your application is sent")).ToBeVisibleAsync();
        await person.AssertNoSeriousIssuesAsync();

        // The demo recruiter moves them through to hired.
        var recruiter = await StaffAsync("recruiter@demo.portal.test");
        await recruiter.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Recruit" }).ClickAsync();
        await recruiter.GetByRole(AriaRole.Link, new() { Name = Job }).ClickAsync();
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = Job })).ToBeVisibleAsync();
        await recruiter.GetByRole(AriaRole.Link, new() { Name = "Applications", Exact = true }).First.ClickAsync();
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = "Applications" })).ToBeVisibleAsync();
        await Assertions.Expect(recruiter.Locator(".record-list")).ToContainTextAsync(name);
        foreach (var stage in new[] { "shortlisted", "interview", "offer", "hired" })
        {
            await recruiter.GetByRole(AriaRole.Button, new() { Name = $"Move to {stage} for {name}" }).ClickAsync();
            await Assertions.Expect(recruiter.GetByText($"Moved to {stage}")).ToBeVisibleAsync();
        }

        await recruiter.AssertNoSeriousIssuesAsync();

        // Nadia: the step ticked itself, and "started work" shows once on the person's page and once on the cohort's.
        await nadia.ReloadAsync();
        await Assertions.Expect(nadia.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(nadia.Locator(".plan-steps")).ToContainTextAsync($"Done: Apply for a job: {Job}");
        var outcomes = nadia.Locator(".case-outcomes li");
        await Assertions.Expect(outcomes.Filter(new() { HasTextString = "Started work" })).ToHaveCountAsync(1);
        await Assertions.Expect(outcomes.Filter(new() { HasTextString = "Started work" })).ToContainTextAsync("Started work at Demo Homecare");
        await nadia.AssertNoSeriousIssuesAsync();
        await nadia.Locator(".case-cohorts").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(nadia.GetByRole(AriaRole.Heading, new() { Name = "Outcomes", Exact = true })).ToBeVisibleAsync();
        var rows = nadia.Locator("#outcomes ~ table tbody tr").Filter(new() { HasTextString = name });
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Started work");
        await nadia.AssertNoSeriousIssuesAsync();
    }
}
