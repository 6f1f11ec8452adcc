using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Learn;

/// <summary>A module's outline: what it covers, its lessons, and where the learner stands.</summary>
public sealed class ModuleModel(ContentStore content, TrainingService training) : PageModel
{
    public LearningModule Module { get; private set; } = null!;

    /// <summary>The learner's line on their record; null when signed out.</summary>
    public RecordEntry? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!content.Current.Modules.TryGetValue(slug, out var module))
            return NotFound();
        Module = module;
        if (User.IdIfSignedIn() is { } userId)
            Entry = (await training.GetRecordAsync(userId, content.Current, cancellationToken)).FirstOrDefault(e => e.ModuleSlug == slug);
        return Page();
    }

    /// <summary>Start, continue, or start a refresher; then go to the lesson the learner is up to.</summary>
    public async Task<IActionResult> OnPostStartAsync(string slug, CancellationToken cancellationToken)
    {
        if (!content.Current.Modules.TryGetValue(slug, out var module))
            return NotFound();
        if (User.IdIfSignedIn() is not { } userId)
            return Challenge();
        var result = await training.StartAsync(userId, module, cancellationToken);
        return await this.AnswerAsync(result, next => GoTo(this, module, next));
    }

    /// <summary>To the lesson the learner is up to, or the quiz once they are past the last one.</summary>
    internal static RedirectToPageResult GoTo(PageModel page, LearningModule module, int next) =>
        next > module.Lessons.Count
            ? page.RedirectToPage("/Learn/Quiz", new { slug = module.Slug })
            : page.RedirectToPage("/Learn/Lesson", new { slug = module.Slug, number = next });

    public string StartLabel => Entry switch
    {
        { NextLesson: { } lesson } when lesson > Module.Lessons.Count => "Continue to the quiz",
        { NextLesson: > 1 and var lesson } => $"Continue from lesson {lesson}",
        { NextLesson: 1 } => "Start",
        { Latest: not null } => "Do it again as a refresher",
        _ => "Start",
    };

    public bool LessonRead(int number) => Entry is { NextLesson: { } next } ? number < next : Entry?.Latest is not null;

    public bool HasCompletion => Entry?.Latest is not null;

    public TrainingStatus Status => Entry?.Status ?? TrainingStatus.NotStarted;
}
