using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;
using Portal.Infrastructure.Content;
using Portal.Tests.Common;
using Portal.Web.Accounts;

namespace Portal.Browser.Tests.Journeys;

/// <summary>
/// The Development demo as its people would use it, each from the home page on a phone: the care
/// worker sees what Demo Homecare requires, does a required module lesson by lesson (the quiz will
/// not open early) and gets a certificate in her name; her manager sees it in the matrix; the nurse
/// signs off a competency and the care worker sees who signed it. axe-core checks each page.
/// </summary>
[Collection(DemoPortal.Name)]
public sealed class CareWorkerJourneyTests(DemoBrowserFixture fixture)
{
    private static readonly ContentSet Content =
        new ContentStore(Path.Combine(TestEnvironment.RepositoryRoot(), "content"), TimeProvider.System, NullLogger<ContentStore>.Instance).Load();

    private static readonly LearningModule Module = Content.Modules[DemoLearning.NotStarted[0]];

    /// <summary>From the home page, as a person would: the Sign in link, the form, and back home.</summary>
    /// <param name="twoFactor">Staff: the second step with the demo authenticator key, as the README tells a visitor.</param>
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
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your home page", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheCareWorkerDoesWhatHerEmployerRequiresAndHerManagerSeesIt()
    {
        var phone = await fixture.NewPhonePageAsync();
        await SignInFromHomeAsync(phone, DemoAccounts.LearnerEmail);

        // First thing on her home page: what Demo Homecare requires, overdue first.
        var required = phone.Locator(".home-required");
        await Assertions.Expect(required.GetByRole(AriaRole.Heading, new() { Name = "What your employer requires" })).ToBeVisibleAsync();
        await Assertions.Expect(required).ToContainTextAsync($"{DemoAccounts.OrganisationName} requires");
        // Lee is also a new starter at the demo care home (the passport journey), so read Demo Homecare's own list.
        var homecare = required.GetByRole(AriaRole.Region, new() { Name = $"What {DemoAccounts.OrganisationName} requires" });
        await Assertions.Expect(homecare.Locator("li", new() { HasText = "Safeguarding adults" })).ToContainTextAsync("Overdue: ran out on");
        await Assertions.Expect(homecare.Locator("li", new() { HasText = Module.Title })).ToContainTextAsync("To do: not done yet");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.querySelector('main section').classList.contains('home-required')"),
            "What the employer requires is not the first section on the home page.");
        await phone.AssertNoSeriousIssuesAsync();

        await phone.GetByRole(AriaRole.Link, new() { Name = "Start what is required, overdue first" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".role-card__title").First).ToHaveTextAsync("Safeguarding adults");
        await phone.AssertNoSeriousIssuesAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = Module.Title, Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex($"/learn/{Module.Slug}/lessons/1$"));

        // Skipping to the quiz does not work: it sends her back to her lesson.
        await phone.GotoAsync($"/learn/{Module.Slug}/quiz");
        await Assertions.Expect(phone.GetByText("The quiz opens once you have read every lesson")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Check my answers" })).ToHaveCountAsync(0);
        await phone.AssertNoSeriousIssuesAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "Go to lesson 1" }).ClickAsync();
        for (var lesson = 1; lesson <= Module.Lessons.Count; lesson++)
        {
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = Module.Lessons[lesson - 1].Title, Level = 1 })).ToBeVisibleAsync();
            if (lesson == 2)
                await phone.AssertNoSeriousIssuesAsync();
            await phone.GetByRole(AriaRole.Button, new() { Name = lesson < Module.Lessons.Count ? "Next lesson" : "Next: the quiz" }).ClickAsync();
        }
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex($"/learn/{Module.Slug}/quiz$"));
        await phone.AssertNoSeriousIssuesAsync();
        // Each question sits inside its box on a phone: a long question wraps below the top border, not across it.
        var crossing = await phone.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('fieldset.quiz-question')].filter(f => {
                const legend = f.querySelector('legend').getBoundingClientRect(), box = f.getBoundingClientRect();
                return legend.top < box.top + parseFloat(getComputedStyle(f).borderTopWidth) || legend.right > box.right;
            }).map(f => f.querySelector('legend').textContent.trim())
            """);
        Assert.True(crossing.Length == 0, "Question text crosses its box's border: " + string.Join(" | ", crossing));
        foreach (var question in Module.Quiz.Questions)
        {
            var group = phone.GetByRole(AriaRole.Group, new() { Name = question.Text });
            foreach (var answer in question.Answers.Where(a => a.Correct))
                await group.GetByLabel(answer.Text, new() { Exact = true }).CheckAsync();
        }
        await phone.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();

        // The certificate carries her name.
        await Assertions.Expect(phone.GetByText("You passed")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Lee Learner" })).ToBeVisibleAsync();
        await phone.AssertNoSeriousIssuesAsync();
        await phone.GotoAsync("/");
        await Assertions.Expect(phone.Locator(".home-required li", new() { HasText = Module.Title })).ToHaveCountAsync(0);

        // Her manager, from his home page, sees it done in the matrix.
        var manager = await fixture.NewPhonePageAsync();
        await SignInFromHomeAsync(manager, "manager@demo.portal.test", twoFactor: true);
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = $"Your staff's training at {DemoAccounts.OrganisationName}" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByText("You hold")).ToHaveCountAsync(0);
        await manager.AssertNoSeriousIssuesAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Open the training matrix" }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Lee Learner" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".staff-topics li", new() { HasText = Module.Title })).ToContainTextAsync("Valid");
        await manager.AssertNoSeriousIssuesAsync();

        // For the inspector: the matrix as Excel, titled with the employer and the day, her row in words.
        await manager.GoBackAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Training matrix", Level = 1 })).ToBeVisibleAsync();
        var download = await manager.RunAndWaitForDownloadAsync(() => manager.GetByRole(AriaRole.Link, new() { Name = "Download as Excel" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"demo-matrix-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            var book = Workbook.Read(await File.ReadAllBytesAsync(file));
            Assert.StartsWith($"Training matrix: {DemoAccounts.OrganisationName}, as of ", book.Rows[0][0].Text, StringComparison.Ordinal);
            var column = book.Texts(2).ToList().IndexOf(Module.Title);
            Assert.StartsWith("Valid; done ", book.RowStartingWith("Lee Learner")[column].Text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TheNurseSignsOffAndTheCareWorkerSeesWhoSigned()
    {
        var nurse = await fixture.NewPhonePageAsync();
        await SignInFromHomeAsync(nurse, DemoAccounts.NurseEmail);
        await Assertions.Expect(nurse.GetByRole(AriaRole.Heading, new() { Name = "Sign-offs to do" })).ToBeVisibleAsync();
        await Assertions.Expect(nurse.Locator(".home-signoffs")).ToContainTextAsync("1 person is ready for you to observe");
        await nurse.AssertNoSeriousIssuesAsync();
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Sign off competencies" }).ClickAsync();
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Observe Lee Learner – Blood glucose monitoring" }).ClickAsync();
        await nurse.AssertNoSeriousIssuesAsync();
        foreach (var step in Content.Competencies["blood-glucose-monitoring"].Checklist)
            await nurse.GetByLabel(step).CheckAsync();
        await nurse.GetByLabel("Note (optional)").FillAsync("Tested Mr Shah's sugar calmly and explained the reading.");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Sign off Lee Learner" }).ClickAsync();
        await Assertions.Expect(nurse.GetByText("Blood glucose monitoring signed off for Lee Learner")).ToBeVisibleAsync();

        var phone = await fixture.NewPhonePageAsync();
        await SignInFromHomeAsync(phone, DemoAccounts.LearnerEmail);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Your training record and sign-offs" }).ClickAsync();
        var signOff = phone.Locator(".sign-off", new() { HasText = "Blood glucose monitoring" });
        await Assertions.Expect(signOff).ToContainTextAsync(new Regex("signed off by Nia Nurse on [0-9]{1,2} [A-Z][a-z]+ 20[0-9]{2}"));
        await Assertions.Expect(signOff).ToContainTextAsync("Tested Mr Shah's sugar");
        await Assertions.Expect(phone.Locator(".employer-requirements li", new() { HasText = "Blood glucose monitoring (sign-off)" })).ToContainTextAsync("Done: valid until");
        await phone.AssertNoSeriousIssuesAsync();
    }
}
