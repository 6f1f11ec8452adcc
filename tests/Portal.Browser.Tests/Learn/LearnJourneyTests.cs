using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;
using Portal.Infrastructure.Content;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Learn;

/// <summary>
/// A care worker on a phone: starts a module, leaves after lesson 2, comes back on another device at
/// lesson 3, fails the quiz once, passes, sees it on the record, opens the certificate and has it
/// checked by someone signed out. axe-core checks every page on the way.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class LearnJourneyTests(BrowserFixture fixture)
{
    private const string Slug = "duty-of-care";

    private static readonly LearningModule Module =
        new ContentStore(Path.Combine(TestEnvironment.RepositoryRoot(), "content"), TimeProvider.System, NullLogger<ContentStore>.Instance)
            .Load().Modules[Slug];

    [Fact]
    public async Task StartLeaveResumeFailPassAndVerifyOnAPhone()
    {
        var email = $"learner.{Guid.NewGuid():N}@example.com";
        var phone = await fixture.NewPhonePageAsync();
        await AccountSteps.SignUpAndConfirmAsync(phone, email, name: "Amina Yusuf");
        await AccountSteps.SignInAsync(phone, email);

        await phone.GotoAsync("/learn");
        await phone.AssertNoSeriousIssuesAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = Module.Title, Exact = true }).ClickAsync();
        await phone.AssertNoSeriousIssuesAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex($"/learn/{Slug}/lessons/1$"));
        await Assertions.Expect(phone.GetByText($"Lesson 1 of {Module.Lessons.Count}")).ToBeVisibleAsync();
        await phone.AssertNoSeriousIssuesAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Next lesson" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = Module.Lessons[1].Title, Level = 1 })).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Next lesson" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex($"/learn/{Slug}/lessons/3$"));
        // The shift calls: the phone is put away.
        await phone.Context.CloseAsync();

        var otherPhone = await fixture.NewPhonePageAsync();
        await AccountSteps.SignInAsync(otherPhone, email);
        // The home page offers the way back in.
        await otherPhone.GotoAsync("/");
        await Assertions.Expect(otherPhone.GetByText($"{Module.Title}: lesson 3 of {Module.Lessons.Count}")).ToBeVisibleAsync();
        await otherPhone.AssertNoSeriousIssuesAsync();
        await otherPhone.GotoAsync($"/learn/{Slug}");
        await otherPhone.GetByRole(AriaRole.Button, new() { Name = "Continue from lesson 3" }).ClickAsync();
        await Assertions.Expect(otherPhone.GetByRole(AriaRole.Heading, new() { Name = Module.Lessons[2].Title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(otherPhone.GetByText($"Lesson 3 of {Module.Lessons.Count}")).ToBeVisibleAsync();
        await otherPhone.AssertNoSeriousIssuesAsync();
        for (var lesson = 3; lesson < Module.Lessons.Count; lesson++)
            await otherPhone.GetByRole(AriaRole.Button, new() { Name = "Next lesson" }).ClickAsync();
        await otherPhone.GetByRole(AriaRole.Button, new() { Name = "Next: the quiz" }).ClickAsync();
        await Assertions.Expect(otherPhone).ToHaveURLAsync(new Regex($"/learn/{Slug}/quiz$"));
        await otherPhone.AssertNoSeriousIssuesAsync();

        await AnswerAsync(otherPhone, right: false);
        await Assertions.Expect(otherPhone.GetByText($"You got 0 out of {Module.Quiz.Questions.Count}")).ToBeVisibleAsync();
        await otherPhone.AssertNoSeriousIssuesAsync();
        await otherPhone.GetByRole(AriaRole.Link, new() { Name = "Try the quiz again" }).ClickAsync();
        await AnswerAsync(otherPhone, right: true);

        await Assertions.Expect(otherPhone.GetByText("You passed")).ToBeVisibleAsync();
        await Assertions.Expect(otherPhone.GetByRole(AriaRole.Heading, new() { Name = "Amina Yusuf" })).ToBeVisibleAsync();
        await otherPhone.AssertNoSeriousIssuesAsync();
        var verifyUrl = await otherPhone.Locator(".certificate__verify a").TextContentAsync();

        await otherPhone.GotoAsync("/learn/record");
        var entry = otherPhone.Locator(".record-item", new() { Has = otherPhone.GetByRole(AriaRole.Link, new() { Name = Module.Title, Exact = true }) });
        await Assertions.Expect(entry.Locator(".status")).ToHaveTextAsync("Valid");
        await otherPhone.AssertNoSeriousIssuesAsync();

        // Reminders only outside a night shift.
        await otherPhone.GotoAsync("/profile/reminders");
        await otherPhone.AssertNoSeriousIssuesAsync();
        await otherPhone.GetByLabel("From").FillAsync("19:00");
        await otherPhone.GetByLabel("Until").FillAsync("08:00");
        await otherPhone.GetByRole(AriaRole.Button, new() { Name = "Save my choices" }).ClickAsync();
        await Assertions.Expect(otherPhone.GetByText("Your reminder choices are saved.")).ToBeVisibleAsync();
        await Assertions.Expect(otherPhone.GetByLabel("From")).ToHaveValueAsync("19:00");
        await otherPhone.AssertNoSeriousIssuesAsync();

        var stranger = await fixture.NewPhonePageAsync();
        await stranger.GotoAsync(new Uri(verifyUrl!).PathAndQuery);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "This certificate is genuine" })).ToBeVisibleAsync();
        await Assertions.Expect(stranger.Locator(".verify-result")).ToContainTextAsync("Amina Yusuf");
        await Assertions.Expect(stranger.Locator(".verify-result")).Not.ToContainTextAsync(email);
        await stranger.AssertNoSeriousIssuesAsync();
    }

    /// <summary>Ticks the right answers, or the first wrong one for every question, and sends the quiz.</summary>
    private static async Task AnswerAsync(IPage page, bool right)
    {
        foreach (var question in Module.Quiz.Questions)
        {
            var group = page.GetByRole(AriaRole.Group, new() { Name = question.Text });
            var answers = right ? question.Answers.Where(a => a.Correct) : question.Answers.Where(a => !a.Correct).Take(1);
            foreach (var answer in answers)
                await group.GetByLabel(answer.Text, new() { Exact = true }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
    }
}
