using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Learn;

/// <summary>
/// A lesson's and the quiz's progress steps are drawn once per point in a module and kept (issue 25):
/// two learners at different points each see their own, a learner who reads on sees it at once,
/// and an edited module shows its new titles once the content is loaded again.
/// </summary>
public sealed class LessonProgressKeptTests(ContentCopyFactory app) : IClassFixture<ContentCopyFactory>
{
    private const string Slug = "duty-of-care";

    private LearningModule Module => app.Services.GetRequiredService<ContentStore>().Current.Modules[Slug];

    /// <summary>How many rendered page parts the portal keeps: one more means a drawing was made and kept.</summary>
    private int Kept() => ((MemoryCache)app.Services.GetRequiredService<CacheTagHelperMemoryCacheFactory>().Cache).Count;

    private static async Task StartAsync(HttpClient learner) =>
        Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync(await learner.GetPageAsync($"/learn/{Slug}"), new Dictionary<string, string>())).StatusCode);

    private static async Task ReadAsync(HttpClient learner, int lesson) =>
        Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync(await learner.GetPageAsync($"/learn/{Slug}/lessons/{lesson}"), new Dictionary<string, string>())).StatusCode);

    private static async Task<IElement> StepsAsync(HttpClient learner, string path) =>
        (await learner.GetPageAsync(path)).QuerySelector("nav.lesson-progress") ?? throw new InvalidOperationException($"No progress steps on {path}.");

    /// <summary>The steps marked as read, by title.</summary>
    private static List<string> Read(IElement steps) =>
        [.. steps.QuerySelectorAll("li.lesson-progress__step--done").Select(li => li.QuerySelector("a")!.TextContent.Trim())];

    [Fact]
    public async Task EachLearnerSeesTheirOwnPlaceAndReadingOnShowsAtOnce()
    {
        var ahead = await app.AsNewUserAsync(PortalRoles.Learner);
        var behind = await app.AsNewUserAsync(PortalRoles.Learner);
        await StartAsync(ahead);
        await ReadAsync(ahead, 1);
        await ReadAsync(ahead, 2);
        await StartAsync(behind);
        var lessonOne = $"/learn/{Slug}/lessons/1";

        var aheadSteps = await StepsAsync(ahead, lessonOne);
        var behindSteps = await StepsAsync(behind, lessonOne);
        var kept = Kept();

        Assert.Equal([Module.Lessons[1].Title], Read(aheadSteps));
        Assert.Empty(Read(behindSteps));
        Assert.Equal($"Lesson 1 of {Module.Lessons.Count}", behindSteps.QuerySelector(".lesson-progress__text")!.TextContent);
        // Shown again, and to someone else at the same point: drawn from what was kept.
        Assert.Equal(aheadSteps.OuterHtml, (await StepsAsync(ahead, lessonOne)).OuterHtml);
        var third = await app.AsNewUserAsync(PortalRoles.Learner);
        await StartAsync(third);
        Assert.Equal(behindSteps.OuterHtml, (await StepsAsync(third, lessonOne)).OuterHtml);
        Assert.Equal(kept, Kept());

        // The learner behind reads on: her own next view shows it, and the others' are as they were.
        await ReadAsync(behind, 1);
        await ReadAsync(behind, 2);
        Assert.Equal([Module.Lessons[1].Title], Read(await StepsAsync(behind, lessonOne)));
        Assert.Empty(Read(await StepsAsync(third, lessonOne)));
        Assert.Equal("step", (await StepsAsync(behind, $"/learn/{Slug}/lessons/3")).QuerySelector("li:nth-child(3)")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task TheQuizStepsAreTheirOwnAndAnEditedModuleShowsItsNewTitles()
    {
        var learner = await app.AsNewUserAsync(PortalRoles.Learner);
        await StartAsync(learner);
        foreach (var lesson in Module.Lessons)
            await ReadAsync(learner, lesson.Number);
        var quiz = await StepsAsync(learner, $"/learn/{Slug}/quiz");
        Assert.Equal($"Quiz, after {Module.Lessons.Count} lessons", quiz.QuerySelector(".lesson-progress__text")!.TextContent);
        Assert.Equal(Module.Lessons.Count, Read(quiz).Count);

        var title = Module.Lessons[1].Title;
        var file = Path.Combine(app.ContentCopy, "learn", $"{Slug}.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace($"## {title}", $"## {title} (and yours)", StringComparison.Ordinal));
        Assert.Contains(title, (await StepsAsync(learner, $"/learn/{Slug}/lessons/1")).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain($"{title} (and yours)", (await StepsAsync(learner, $"/learn/{Slug}/lessons/1")).TextContent, StringComparison.Ordinal);

        app.Services.GetRequiredService<ContentStore>().Load();

        Assert.Contains($"{title} (and yours)", (await StepsAsync(learner, $"/learn/{Slug}/lessons/1")).TextContent, StringComparison.Ordinal);
        Assert.Contains($"{title} (and yours)", (await StepsAsync(learner, $"/learn/{Slug}/quiz")).TextContent, StringComparison.Ordinal);
    }
}
