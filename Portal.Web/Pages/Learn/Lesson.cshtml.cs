using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Learn;

/// <summary>One lesson on one screen. "Next" is a form post, so the bookmark moves without any script.</summary>
public sealed class LessonModel(ContentStore content, TrainingService training) : PageModel
{
    public LearningModule Module { get; private set; } = null!;

    public Infrastructure.Content.Lesson Lesson { get; private set; } = null!;

    /// <summary>The furthest lesson reached, for the progress steps.</summary>
    public int Reached { get; private set; }

    /// <summary>The module's text changed since the learner started: their round starts again on the new text.</summary>
    public bool StartedOver { get; private set; }

    /// <summary>
    /// The copy a phone keeps for reading offline: nothing about where the learner is up to, which
    /// would be out of date by the time it is read, and no change to their progress.
    /// </summary>
    public bool Kept { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int number, bool kept, CancellationToken cancellationToken)
    {
        if (!Find(slug, number))
            return NotFound();
        Kept = kept;
        if (kept)
            return Page();
        var current = await training.GetCurrentProgressAsync(User.RequiredId(), Module, cancellationToken);
        StartedOver = current.StartedOver;
        Reached = current.Progress is { InProgress: true } progress ? progress.Lesson : 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!Find(slug, number))
            return NotFound();
        var result = await training.FinishLessonAsync(User.RequiredId(), Module, number, cancellationToken);
        return await this.AnswerAsync(result, next => ModuleModel.GoTo(this, Module, next), async () =>
        {
            // A post for a lesson not reached yet: out of order or made by hand.
            await OnGetAsync(slug, number, kept: false, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        });
    }

    private bool Find(string slug, int number)
    {
        if (!content.Current.Modules.TryGetValue(slug, out var module) || number < 1 || number > module.Lessons.Count)
            return false;
        Module = module;
        Lesson = module.Lessons[number - 1];
        return true;
    }
}
