using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Talent;

/// <summary>
/// A recruiter asks for their employer to be set up and an admin approves it; the recruiter posts and publishes a
/// vacancy on a phone; someone signed out finds it by postcode, applies, and hears about the interview by email.
/// axe-core checks every page on the way.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class TalentJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AdminApprovesRecruiterPostsApplicantFindsByPostcodeAndApplies()
    {
        var adminEmail = $"admin.{Guid.NewGuid():N}@example.com";
        var key = await ServerAccounts.CreateAdminAsync(fixture.Server, adminEmail, "Ada Admin");
        var recruiterEmail = $"recruiter.{Guid.NewGuid():N}@example.com";
        var organisation = $"Kirkstall Homecare {Guid.NewGuid().ToString("N")[..6]}";
        var title = $"Home care worker, Kirkstall {Guid.NewGuid().ToString("N")[..6]}";

        // The recruiter makes their own account the ordinary way and asks for their employer to be set up.
        var recruiter = await fixture.NewPhonePageAsync();
        await AccountSteps.SignUpAndConfirmAsync(recruiter, recruiterEmail, name: "Rita Recruiter");
        await AccountSteps.SignInAsync(recruiter, recruiterEmail);
        await recruiter.GotoAsync("/");
        await recruiter.GetByRole(AriaRole.Link, new() { Name = "Set your organisation up on the portal" }).ClickAsync();
        await recruiter.AssertNoSeriousIssuesAsync();
        await recruiter.GetByLabel("Name", new() { Exact = true }).FillAsync(organisation);
        await recruiter.GetByLabel("Care provider").CheckAsync();
        await recruiter.GetByLabel("Postcode").FillAsync("LS5 3AA");
        await recruiter.GetByLabel("Recruit: post jobs and run applications").CheckAsync();
        await recruiter.GetByLabel("Anything the admin should know (optional)").FillAsync("I am the registered manager.");
        await recruiter.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(recruiter.GetByText("Status: waiting for an admin")).ToBeVisibleAsync();
        await recruiter.AssertNoSeriousIssuesAsync();

        var admin = await fixture.NewPhonePageAsync();
        await admin.GotoAsync("/Identity/Account/Login");
        await admin.GetByLabel("Email address").FillAsync(adminEmail);
        await admin.GetByLabel("Password").FillAsync(AccountSteps.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await admin.GetByLabel("Authenticator code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        // The admin was emailed about the request and approves it.
        var toApprove = await AccountSteps.WaitForMailAsync(adminEmail, organisation, TimeSpan.FromSeconds(60));
        await admin.GotoAsync(new Uri(Regex.Match(toApprove.TextBody!, @"https?://\S+/admin/organisations\S*", RegexOptions.IgnoreCase).Value).PathAndQuery);
        await admin.AssertNoSeriousIssuesAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Approve {organisation}" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = organisation })).ToBeVisibleAsync();
        await admin.AssertNoSeriousIssuesAsync();

        // The recruiter follows the link in the approval email that reached the SMTP sink.
        var approval = await AccountSteps.WaitForMailAsync(recruiterEmail, "is now set up", TimeSpan.FromSeconds(60));
        await recruiter.GotoAsync(new Uri(Regex.Match(approval.TextBody!, @"https?://\S+/organisations/request", RegexOptions.IgnoreCase).Value).PathAndQuery);
        await recruiter.GetByRole(AriaRole.Button, new() { Name = $"Start recruiting for {organisation}" }).ClickAsync();
        // Recruiting means seeing other people's details: the recruiter, with only a password so far, sets up a second step.
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = "Confirm it is you" })).ToBeVisibleAsync();
        await recruiter.AssertNoSeriousIssuesAsync();
        var recruiterKey = await AccountSteps.SetUpAuthenticatorAsync(recruiter);
        await recruiter.GotoAsync("/recruit");
        await AccountSteps.ConfirmWithAuthenticatorAsync(recruiter, recruiterKey);
        await Assertions.Expect(recruiter).ToHaveURLAsync(new Regex("/recruit$"));

        await recruiter.GotoAsync("/recruit");
        await recruiter.AssertNoSeriousIssuesAsync();
        await recruiter.GetByRole(AriaRole.Link, new() { Name = "Post a vacancy" }).ClickAsync();
        await recruiter.AssertNoSeriousIssuesAsync();
        await recruiter.GetByLabel("Job", new() { Exact = true }).SelectOptionAsync("care-worker");
        await recruiter.GetByLabel("Title").FillAsync(title);
        await recruiter.GetByLabel("Description").FillAsync("Visit people in Kirkstall and Bramley. Walking rounds; **paid for the whole shift**.");
        await recruiter.GetByLabel("Postcode where the work is").FillAsync("LS5 3AB");
        await recruiter.GetByLabel("Hourly pay (£)").FillAsync("13.75");
        await recruiter.GetByLabel("Hours a week").FillAsync("30");
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday" })
            await recruiter.GetByLabel(day).CheckAsync();
        await recruiter.GetByLabel("Early").CheckAsync();
        await recruiter.GetByLabel("Paid for the whole shift, gaps between visits included").CheckAsync();
        await recruiter.GetByLabel("Guaranteed hours (not zero-hours)").CheckAsync();
        await recruiter.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Assertions.Expect(recruiter.GetByText("saved as a draft")).ToBeVisibleAsync();
        await recruiter.AssertNoSeriousIssuesAsync();
        await recruiter.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(recruiter.GetByText("Published: applicants can find it")).ToBeVisibleAsync();

        var applicant = await fixture.NewPhonePageAsync();
        await applicant.GotoAsync("/jobs");
        await applicant.GetByLabel("Words in the job").FillAsync(title);
        // The filters are folded away on a phone; the applicant opens them.
        await applicant.GetByText("Filters: job, distance, pay, shifts").ClickAsync();
        await applicant.GetByLabel("Your postcode").FillAsync("LS4 2AA");
        await applicant.GetByLabel("Distance").SelectOptionAsync("5");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "1 job" })).ToBeVisibleAsync();
        await Assertions.Expect(applicant.GetByText("Real Living Wage or above")).ToBeVisibleAsync();
        await applicant.AssertNoSeriousIssuesAsync();
        await applicant.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(applicant).ToHaveURLAsync(new Regex("/jobs/[0-9a-f-]{36}$"));
        await Assertions.Expect(applicant.Locator(".lead")).ToContainTextAsync(organisation);
        await applicant.AssertNoSeriousIssuesAsync();
        var jobUrl = applicant.Url;

        // They make an account and a profile, are matched and invited, apply, and follow the application as the recruiter moves it on.
        var applicantEmail = $"applicant.{Guid.NewGuid():N}@example.com";
        await AccountSteps.SignUpAndConfirmAsync(applicant, applicantEmail, name: "Sam Applicant");
        await AccountSteps.SignInAsync(applicant, applicantEmail);
        await applicant.GotoAsync("/profile");
        await applicant.AssertNoSeriousIssuesAsync();
        await applicant.GetByLabel("Your postcode").FillAsync("LS5 1AA");
        await applicant.GetByLabel("Monday").CheckAsync();
        await applicant.GetByLabel("Early").CheckAsync();
        await applicant.GetByLabel("Lowest hourly pay you would take (optional)").FillAsync("13.00");
        await applicant.GetByLabel("An enhanced DBS check on the update service").CheckAsync();
        await applicant.GetByLabel("Let employers find me for jobs that fit").CheckAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await Assertions.Expect(applicant.GetByText("Your profile is saved")).ToBeVisibleAsync();
        await applicant.AssertNoSeriousIssuesAsync();

        // Saving the profile queued a rematch on the portal's own Hangfire server: the job shows as a
        // role that fits, with the reasons, and the applicant among the people who fit it.
        await applicant.GotoAsync("/profile/matches");
        for (var tries = 0; tries < 30 && await applicant.GetByRole(AriaRole.Link, new() { Name = title }).CountAsync() == 0; tries++)
        {
            await Task.Delay(1000);
            await applicant.ReloadAsync();
        }
        await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(applicant.GetByText("it pays £13.75 an hour, at least the £13.00 you asked")).ToBeVisibleAsync();
        await applicant.AssertNoSeriousIssuesAsync();
        var vacancyPath = new Uri(jobUrl).AbsolutePath.Replace("/jobs/", "/recruit/vacancies/", StringComparison.Ordinal);
        await recruiter.GotoAsync(vacancyPath + "/people");
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = "Sam Applicant" })).ToBeVisibleAsync();
        await recruiter.AssertNoSeriousIssuesAsync();
        await recruiter.GetByRole(AriaRole.Button, new() { Name = "Invite to apply – Sam Applicant" }).ClickAsync();
        await Assertions.Expect(recruiter.GetByText("Invitation sent")).ToBeVisibleAsync();
        await AccountSteps.WaitForMailAsync(applicantEmail, "thinks you would fit it", TimeSpan.FromSeconds(60));
        await applicant.GotoAsync(jobUrl);
        await applicant.GetByLabel("A note to the employer (optional)").FillAsync("I live in Bramley and can walk to visits.");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Apply for this job" }).ClickAsync();
        await Assertions.Expect(applicant.GetByText("Your application is sent")).ToBeVisibleAsync();
        await applicant.AssertNoSeriousIssuesAsync();
        // Applied is no longer "fits": the recruiter follows them under applications instead.
        await recruiter.GotoAsync(vacancyPath + "/people");
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = "People who fit" })).ToBeVisibleAsync();
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = "Sam Applicant" })).ToHaveCountAsync(0);

        await recruiter.GotoAsync(vacancyPath + "/applications");
        await Assertions.Expect(recruiter.GetByRole(AriaRole.Heading, new() { Name = "Sam Applicant" })).ToBeVisibleAsync();
        await Assertions.Expect(recruiter.GetByText("DBS on the update service (said")).ToBeVisibleAsync();
        await recruiter.AssertNoSeriousIssuesAsync();
        await recruiter.GetByRole(AriaRole.Button, new() { Name = "Move to shortlisted for Sam Applicant" }).ClickAsync();
        await recruiter.GetByRole(AriaRole.Button, new() { Name = "Move to interview for Sam Applicant" }).ClickAsync();
        await Assertions.Expect(recruiter.GetByText("Moved to interview")).ToBeVisibleAsync();

        await applicant.GotoAsync("/applications");
        await Assertions.Expect(applicant.GetByText("Status: Interview")).ToBeVisibleAsync();
        await applicant.AssertNoSeriousIssuesAsync();
        // Keep the search as a job alert for next time.
        await applicant.GotoAsync("/jobs?Search.Postcode=LS4&Search.Miles=5");
        await applicant.GetByLabel("Name for this alert").FillAsync("Jobs near LS4");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Save job alert" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = "Jobs near LS4" })).ToBeVisibleAsync();
        await applicant.AssertNoSeriousIssuesAsync();
        var mail = await AccountSteps.WaitForMailAsync(applicantEmail, "would like to interview you", TimeSpan.FromSeconds(60));
        Assert.Contains(title, mail.Subject, StringComparison.Ordinal);
    }
}
