using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Infrastructure.Content;

namespace Portal.Browser.Tests.Learn;

/// <summary>What a learner does with a kept module and no signal, shared by the offline journeys.</summary>
internal static class OfflineSteps
{
    /// <summary>Waits until the service worker controls the page (the first visit registers it; it claims the page when active).</summary>
    public static async Task WaitForWorkerAsync(IPage page)
    {
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
    }

    /// <summary>From the first lesson, every lesson and then the quiz answered rightly, as the learner sees it offline; returns when she finished.</summary>
    public static async Task<DateTime> ReadEveryLessonAndAnswerTheQuizAsync(IPage phone, LearningModule module)
    {
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = module.Lessons[0].Title, Level = 1 })).ToBeVisibleAsync();
        for (var lesson = 1; lesson < module.Lessons.Count; lesson++)
        {
            await phone.GetByRole(AriaRole.Button, new() { Name = "Next lesson" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = module.Lessons[lesson].Title, Level = 1 })).ToBeVisibleAsync();
        }
        await phone.GetByRole(AriaRole.Button, new() { Name = "Next: the quiz" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex($"/learn/{module.Slug}/quiz$"));
        await Assertions.Expect(phone.GetByText("No signal? Answer anyway")).ToBeVisibleAsync();
        foreach (var question in module.Quiz.Questions)
        {
            var group = phone.GetByRole(AriaRole.Group, new() { Name = question.Text });
            foreach (var answer in question.Answers.Where(a => a.Correct))
                await group.GetByLabel(answer.Text, new() { Exact = true }).CheckAsync();
        }
        var finished = DateTime.UtcNow;
        await phone.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Your answers are waiting to send" })).ToBeVisibleAsync();
        return finished;
    }
}
