using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;
using Portal.Infrastructure.Content;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Compliance;

/// <summary>
/// A manager sets what an Enhanced care worker needs, invites one, the worker completes the two
/// modules on their phone, a community nurse observes and signs off blood glucose monitoring on
/// hers, and the manager sees the matrix change and downloads the Excel file, whose cells are read
/// back. axe-core checks every page on the way.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class ComplianceJourneyTests(BrowserFixture fixture)
{
    private static readonly ContentSet Content =
        new ContentStore(Path.Combine(TestEnvironment.RepositoryRoot(), "content"), TimeProvider.System, NullLogger<ContentStore>.Instance).Load();

    private static readonly string[] Modules = ["delegated-healthcare-activities", "blood-glucose-monitoring"];

    [Fact]
    public async Task ManagerSetsRequiredTrainingWorkerLearnsNurseSignsOffManagerDownloadsTheMatrix()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisation = $"Roundhay Care {suffix}";
        var managerEmail = $"manager.{suffix}@example.com";
        var nurseEmail = $"nurse.{suffix}@example.com";
        var workerEmail = $"worker.{suffix}@example.com";
        await ServerAccounts.CreateManagerAsync(fixture.Server, managerEmail, "Mo Manager", organisation);

        // The manager, on a laptop, sets what an Enhanced care worker needs here.
        var manager = await fixture.NewLaptopPageAsync();
        await AccountSteps.SignInWithAuthenticatorAsync(manager, managerEmail, ServerAccounts.AuthenticatorKey);
        await manager.GotoAsync("/manage");
        await manager.AssertNoSeriousIssuesAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Required training and refresh intervals" }).ClickAsync();
        await manager.GetByLabel("Job", new() { Exact = true }).SelectOptionAsync("enhanced-care-worker");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Show this job" }).ClickAsync();
        await manager.AssertNoSeriousIssuesAsync();
        foreach (var box in await manager.Locator("input[name=topic]").AllAsync())
            await box.UncheckAsync();
        foreach (var module in Modules)
            await manager.Locator($"input[name=topic][value='module:{module}']").CheckAsync();
        await manager.Locator("input[name=topic][value='competency:blood-glucose-monitoring']").CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save required training for enhanced care worker" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Required training for Enhanced care worker saved: 3 topics.")).ToBeVisibleAsync();

        // ...and invites a new Enhanced care worker.
        await manager.GotoAsync("/manage");
        await manager.GetByLabel("Their email address").FillAsync(workerEmail);
        await manager.GetByLabel("Their job").SelectOptionAsync("enhanced-care-worker");
        await manager.GetByLabel("Team or neighbourhood (optional)").FillAsync("North");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(manager.GetByText($"Invitation sent to {workerEmail}")).ToBeVisibleAsync();

        // The worker joins on their phone and does the two modules in gaps between visits.
        var worker = await fixture.NewPhonePageAsync();
        await AccountSteps.SignUpAndConfirmAsync(worker, workerEmail, name: "Wes Worker");
        await AccountSteps.SignInAsync(worker, workerEmail);
        var invitation = await AccountSteps.WaitForMailAsync(workerEmail, "/invitations/", TimeSpan.FromSeconds(60));
        await worker.GotoAsync(new Uri(Regex.Match(invitation.TextBody!, @"https?://\S+/invitations/[0-9a-f]+").Value).PathAndQuery);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Accept and join" }).ClickAsync();
        await Assertions.Expect(worker).ToHaveURLAsync(new Regex("/learn/record$"));
        foreach (var module in Modules)
            await CompleteAsync(worker, Content.Modules[module]);

        // The matrix shows the training held and the sign-off still missing.
        await manager.GotoAsync("/manage/matrix");
        var row = manager.Locator("tbody tr", new() { HasText = "Wes Worker" });
        await Assertions.Expect(row.Locator("td.mx").Nth(2)).ToContainTextAsync("Missing");
        await Assertions.Expect(row.Locator("td.mx-valid")).ToHaveCountAsync(2);
        await Assertions.Expect(manager.GetByText("66% compliant")).ToBeVisibleAsync();
        await manager.AssertNoSeriousIssuesAsync();

        // The community nurse observes on her phone and signs off every step.
        await ServerAccounts.CreatePractitionerAsync(fixture.Server, await OrganisationOfAsync(manager), nurseEmail, "Nia Nurse");
        var nurse = await fixture.NewPhonePageAsync();
        await AccountSteps.SignInAsync(nurse, nurseEmail);
        await nurse.GotoAsync("/");
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Sign off competencies" }).ClickAsync();
        await nurse.AssertNoSeriousIssuesAsync();
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Observe Wes Worker – Blood glucose monitoring" }).ClickAsync();
        await nurse.AssertNoSeriousIssuesAsync();
        var checklist = Content.Competencies["blood-glucose-monitoring"].Checklist;
        foreach (var step in checklist.Skip(1))
            await nurse.GetByLabel(step).CheckAsync();
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Sign off Wes Worker" }).ClickAsync();
        await Assertions.Expect(nurse.GetByText("1 of 8 are not ticked")).ToBeVisibleAsync();
        await nurse.AssertNoSeriousIssuesAsync();
        await nurse.GetByLabel(checklist[0]).CheckAsync();
        await nurse.GetByLabel("Note (optional)").FillAsync("Tested Mrs Khan's sugar calmly; explained the reading.");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Sign off Wes Worker" }).ClickAsync();
        await Assertions.Expect(nurse.GetByText("Blood glucose monitoring signed off for Wes Worker")).ToBeVisibleAsync();

        // The manager sees the matrix change and downloads it for the inspector.
        await manager.ReloadAsync();
        await Assertions.Expect(row.Locator("td.mx-valid")).ToHaveCountAsync(3);
        await Assertions.Expect(manager.GetByText("100% compliant")).ToBeVisibleAsync();
        var download = await manager.RunAndWaitForDownloadAsync(() => manager.GetByRole(AriaRole.Link, new() { Name = "Download as Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"matrix-{suffix}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            var book = Workbook.Read(await File.ReadAllBytesAsync(file));
            Assert.StartsWith("Training matrix: ", book.Rows[0][0].Text, StringComparison.Ordinal);
            var header = book.Texts(2);
            Assert.Equal(["Name", "Job", "Team", "Held"], header.Take(4));
            var worker0 = book.RowStartingWith("Wes Worker").Select(c => c.Text).ToList();
            Assert.Equal("Enhanced care worker", worker0[1]);
            Assert.Equal("North", worker0[2]);
            Assert.Equal("3 of 3", worker0[3]);
            var glucose = header.ToList().IndexOf("Blood glucose monitoring (sign-off)");
            var today = DateTime.UtcNow;
            Assert.Equal($"Valid; done {today:yyyy-MM-dd}; expires {today.AddMonths(12):yyyy-MM-dd}", worker0[glucose]);
            Assert.StartsWith("Valid; done ", worker0[header.ToList().IndexOf("Blood glucose monitoring")], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        // On a phone, the manager opens the worker's own page instead of the wide matrix.
        var managerPhone = await fixture.NewPhonePageAsync();
        await AccountSteps.SignInWithAuthenticatorAsync(managerPhone, managerEmail, ServerAccounts.AuthenticatorKey);
        await managerPhone.GotoAsync("/manage/matrix");
        // Nothing in the wide matrix makes the phone's page wider than the phone.
        Assert.Equal(390, await managerPhone.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        await managerPhone.GetByRole(AriaRole.Link, new() { Name = "Wes Worker" }).ClickAsync();
        await Assertions.Expect(managerPhone.GetByRole(AriaRole.Heading, new() { Name = "Required training: 3 of 3 held" })).ToBeVisibleAsync();
        await Assertions.Expect(managerPhone.GetByText("Blood glucose monitoring: signed off")).ToBeVisibleAsync();
        await managerPhone.AssertNoSeriousIssuesAsync();
    }

    /// <summary>The organisation on the matrix page's hidden filter field.</summary>
    private static async Task<Guid> OrganisationOfAsync(IPage manager) =>
        Guid.Parse((await manager.Locator("input[name=org]").GetAttributeAsync("value"))!);

    /// <summary>Reads every lesson and passes the quiz.</summary>
    private static async Task CompleteAsync(IPage page, LearningModule module)
    {
        await page.GotoAsync($"/learn/{module.Slug}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        for (var lesson = 1; lesson < module.Lessons.Count; lesson++)
            await page.GetByRole(AriaRole.Button, new() { Name = "Next lesson" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: the quiz" }).ClickAsync();
        foreach (var question in module.Quiz.Questions)
        {
            var group = page.GetByRole(AriaRole.Group, new() { Name = question.Text });
            foreach (var answer in question.Answers.Where(a => a.Correct))
                await group.GetByLabel(answer.Text, new() { Exact = true }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You passed")).ToBeVisibleAsync();
    }
}
