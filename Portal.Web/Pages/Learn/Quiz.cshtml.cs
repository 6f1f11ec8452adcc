using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;
using Portal.Web.Components;

namespace Portal.Web.Pages.Learn;

/// <summary>
/// The end-of-module quiz. The form carries the module version and round it was drawn for; the
/// server marks it against those and records a completion only for a pass of this round.
/// </summary>
public sealed class QuizModel(ContentStore content, TrainingService training) : PageModel
{
    public LearningModule Module { get; private set; } = null!;

    [BindProperty]
    public QuizInput Input { get; set; } = new();

    public ModuleProgress? Progress { get; private set; }

    /// <summary>What to tell the learner at the top of the page, if anything.</summary>
    public string? Message { get; private set; }

    /// <summary>Set after a marked attempt that did not pass.</summary>
    public QuizOutcome.Scored? Failed { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Chosen { get; private set; } = new Dictionary<string, IReadOnlyCollection<string>>();

    public IReadOnlySet<string> Unanswered { get; private set; } = new HashSet<string>();

    /// <summary>The form can be answered: there is a round in progress on the current text.</summary>
    public bool CanAnswer => Progress is { InProgress: true } && Progress.ContentVersion == Module.Version && Progress.HasReadEveryLesson(Module.Lessons.Count);

    /// <summary>A round in progress on the current text that has lessons still to read.</summary>
    public bool LessonsToRead => Progress is { InProgress: true } && Progress.ContentVersion == Module.Version && !Progress.HasReadEveryLesson(Module.Lessons.Count);

    public sealed class QuizInput
    {
        public string Version { get; set; } = "";

        public int Round { get; set; }
    }

    /// <summary>
    /// The copy a phone keeps: the questions (never the answers) ready to answer offline, whatever the
    /// learner's progress when it was kept. The server checks the lessons when the answers arrive.
    /// </summary>
    public bool Kept { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, bool kept, CancellationToken cancellationToken)
    {
        if (!content.Current.Modules.TryGetValue(slug, out var module))
            return NotFound();
        Module = module;
        if (kept)
        {
            Kept = true;
            UseProgress(null);
            return Page();
        }
        var current = await training.GetCurrentProgressAsync(User.RequiredId(), module, cancellationToken);
        if (current.StartedOver)
            Message = "This module has been updated since you started it. Please read the lessons again first: your place has gone back to lesson 1.";
        UseProgress(current.Progress);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!content.Current.Modules.TryGetValue(slug, out var module))
            return NotFound();
        Module = module;
        var userId = User.RequiredId();
        var answers = ReadAnswers();
        var result = await training.SubmitQuizAsync(userId, module, Input.Version, Input.Round, answers, cancellationToken);
        switch (result)
        {
            case QuizSubmission.Passed passed:
                TempData["StatusMessage"] = $"You passed: {passed.Result.Score} out of {passed.Result.OutOf}. Well done. This is your certificate.";
                return RedirectToPage("/Learn/Certificate", new { id = passed.Completion.Id });
            case QuizSubmission.AlreadyPassed already:
                TempData["StatusMessage"] = "You had already passed this quiz, so your first result stands. This is your certificate.";
                return RedirectToPage("/Learn/Certificate", new { id = already.Completion.Id });
            case QuizSubmission.ModuleChanged:
                Message = "This module has been updated since you started it, so we could not mark these answers. Please read the lessons again first: your place has gone back to lesson 1.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case QuizSubmission.OutOfDate:
                Message = "This quiz page is out of date, so we could not mark these answers. Nothing has been recorded. Please answer the quiz on this page again.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case QuizSubmission.LessonsUnread unread:
                Message = $"Read every lesson before the quiz: you are up to lesson {unread.Lesson} of {unread.LessonCount}. Nothing has been recorded.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case QuizSubmission.NotStarted:
                Message = "Start the module before taking its quiz.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case QuizSubmission.Marked { Outcome: QuizOutcome.Scored scored }:
                Failed = scored;
                Message = $"You got {scored.Score} out of {scored.OutOf}. You need {scored.PassMark} to pass. Read the feedback below, then try again: nothing has been recorded yet.";
                break;
            case QuizSubmission.Marked { Outcome: QuizOutcome.Incomplete incomplete }:
                Chosen = answers;
                Unanswered = incomplete.Unanswered.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
                break;
            case QuizSubmission.Marked { Outcome: QuizOutcome.Rejected rejected }:
                Message = $"We could not mark these answers. {rejected.Reason} Nothing has been recorded. Please answer the quiz on this page again.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }
        UseProgress(await training.FindProgressAsync(userId, Module.Slug, cancellationToken));
        return Page();
    }

    private void UseProgress(ModuleProgress? progress)
    {
        Progress = progress;
        Input = new QuizInput { Version = Module.Version, Round = progress?.Round ?? 0 };
    }

    /// <summary>Every "answer.{question}" field, as sent: checking them is the quiz's job, not the binder's.</summary>
    private Dictionary<string, IReadOnlyCollection<string>> ReadAnswers()
    {
        var prefix = QuizQuestions.FieldName("");
        return Request.Form
            .Where(field => field.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(
                field => field.Key[prefix.Length..],
                field => (IReadOnlyCollection<string>)[.. field.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
                StringComparer.Ordinal);
    }
}
