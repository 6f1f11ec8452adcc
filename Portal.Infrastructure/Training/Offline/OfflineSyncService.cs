using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Training;
using Portal.Domain.Training.Offline;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;

namespace Portal.Infrastructure.Training.Offline;

/// <summary>
/// Takes what a learner did offline (lessons read, quizzes answered) and records it as the online
/// pages would have: lessons in order, the quiz marked here against the text they read, a pass
/// recorded once. Each item is answered once and the answer kept under the phone's key, so a retry
/// after a dropped signal is answered the same and records nothing more.
/// </summary>
public sealed class OfflineSyncService(
    PortalDbContext db,
    ContentStore content,
    ModuleVersions versions,
    Rematch rematch,
    TimeProvider clock,
    IOptions<OfflineOptions> options)
{
    private const string Retake =
        "This module was updated while you were offline, and the version you used has been replaced for too long to count. " +
        "Please read the lessons and take the quiz again: it only takes a few minutes.";

    /// <summary>Answers every item in the order the phone did them; only the signed-in person's own record changes.</summary>
    public async Task<Result<IReadOnlyList<OfflineAnswer>>> SyncAsync(string userId, IReadOnlyList<OfflineItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > options.Value.OfflineSyncBatch)
            return Result.Invalid("items", $"Send at most {options.Value.OfflineSyncBatch} items at a time.");
        if (items.FirstOrDefault(i => Problem(i) is not null) is { } bad)
            return Result.Invalid("items", Problem(bad)!);
        if (items.Select(i => i.Key).Distinct().Count() != items.Count)
            return Result.Invalid("items", "Each item needs its own key.");

        var answers = new List<OfflineAnswer>(items.Count);
        foreach (var item in items)
            answers.Add(await AnswerAsync(userId, item, cancellationToken));
        return Result.Done<IReadOnlyList<OfflineAnswer>>(answers);
    }

    private static string? Problem(OfflineItem item) => item switch
    {
        { Key: var key } when key == Guid.Empty => "An item has no key.",
        { Module: null or "" } or { Module.Length: > ModuleProgress.MaxSlugLength } => "An item names no module.",
        { Version: null or "" } or { Version.Length: > ModuleProgress.MaxVersionLength } => "An item names no module version.",
        { Kind: OfflineItemKind.Lesson, Lesson: < 1 } => "A lesson item has no lesson number.",
        { Kind: OfflineItemKind.Quiz, Answers: null } => "A quiz item has no answers.",
        { Kind: not (OfflineItemKind.Lesson or OfflineItemKind.Quiz) } => "An item is neither a lesson nor a quiz.",
        _ => null,
    };

    private async Task<OfflineAnswer> AnswerAsync(string userId, OfflineItem item, CancellationToken cancellationToken)
    {
        if (await AnsweredAsync(userId, item.Key, cancellationToken) is { } before)
            return before;

        var now = clock.GetUtcNow().UtcDateTime;
        var (outcome, message, round) = await RecordAsync(userId, item, now, cancellationToken);
        db.Add(OfflineReceipt.For(item.Key, userId, item.Module, item.Kind, outcome, message, round, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same item in another request a moment ago (its key), or this round passed there
            // (the completion's round): theirs stands, and the answer is theirs.
            db.ChangeTracker.Clear();
            if (await AnsweredAsync(userId, item.Key, cancellationToken) is { } winner)
                return winner;
            if (item.Kind == OfflineItemKind.Quiz && round is { } passed && await CompletionIdAsync(userId, item.Module, passed, cancellationToken) is { } id)
                return new OfflineAnswer(item.Key, OfflineOutcome.AlreadyPassed, "You had already passed this module, so your first result stands.", Repeat: false, id);
            throw;
        }
        if (outcome == OfflineOutcome.Recorded && item.Kind == OfflineItemKind.Quiz)
            rematch.PersonChanged(userId);
        var completionId = round is { } r ? await CompletionIdAsync(userId, item.Module, r, cancellationToken) : null;
        return new OfflineAnswer(item.Key, outcome, message, Repeat: false, completionId);
    }

    /// <summary>The answer already given to this key. A key someone else sent is refused without saying whose.</summary>
    private async Task<OfflineAnswer?> AnsweredAsync(string userId, Guid key, CancellationToken cancellationToken)
    {
        var receipt = await db.Set<OfflineReceipt>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (receipt is null)
            return null;
        if (receipt.UserId != userId)
            return new OfflineAnswer(key, OfflineOutcome.Refused, "This item could not be recorded. Nothing has changed.", Repeat: true, null);
        var completionId = receipt.Round is { } round ? await CompletionIdAsync(userId, receipt.ModuleSlug, round, cancellationToken) : null;
        return new OfflineAnswer(key, receipt.Outcome, receipt.Message, Repeat: true, completionId);
    }

    private Task<long?> CompletionIdAsync(string userId, string slug, int round, CancellationToken cancellationToken) =>
        db.Set<Completion>().Where(c => c.UserId == userId && c.ModuleSlug == slug && c.Round == round)
            .Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Changes the tracked progress and adds a completion as the item calls for; the caller saves.</summary>
    private async Task<(OfflineOutcome Outcome, string Message, int? Round)> RecordAsync(string userId, OfflineItem item, DateTime now, CancellationToken cancellationToken)
    {
        var oldest = options.Value.OfflineOldestFinish;
        var current = content.Current.Modules.GetValueOrDefault(item.Module);
        LearningModule? text;
        if (current is not null && current.Version == item.Version)
            text = current;
        else if (await versions.SupersededAsync(db, item.Module, item.Version, cancellationToken) is { } old)
            text = OfflineTiming.VersionStillCounts(old.SupersededAtUtc, now, options.Value.OfflineVersionWindow) ? old.Module : null;
        else
            text = null;
        if (text is null)
            return current is null
                ? (OfflineOutcome.Refused, "This module is no longer offered, so it could not be recorded.", null)
                : (OfflineOutcome.Retake, Retake, null);

        var progress = await db.Set<ModuleProgress>().FirstOrDefaultAsync(p => p.UserId == userId && p.ModuleSlug == item.Module, cancellationToken);
        if (progress is null)
        {
            if (item.Kind == OfflineItemKind.Quiz)
                return (OfflineOutcome.Refused, "Read every lesson before the quiz. Nothing has been recorded.", null);
            progress = ModuleProgress.Start(userId, item.Module, item.Version, OfflineTiming.Clamp(item.At.UtcDateTime, now - oldest, now, oldest));
            db.Add(progress);
        }
        else if (!progress.InProgress)
        {
            return item.Kind == OfflineItemKind.Lesson
                ? (OfflineOutcome.Recorded, "You had already passed this module; reading it again changes nothing.", null)
                : (OfflineOutcome.AlreadyPassed, "You had already passed this module, so your first result stands.", progress.Round);
        }
        else if (progress.ContentVersion != item.Version)
        {
            // Online, the next page would put the round on the current text anyway; a round already on
            // newer text than the phone's was carried on elsewhere, and the phone's copy is out of date.
            if (item.Version != current?.Version)
                return (OfflineOutcome.Retake, Retake, null);
            progress.StartOverOnNewVersion(item.Version, OfflineTiming.Clamp(item.At.UtcDateTime, now - oldest, now, oldest));
        }

        var at = OfflineTiming.Clamp(item.At.UtcDateTime, progress.StartedAtUtc, now, oldest);
        if (item.Kind == OfflineItemKind.Lesson)
        {
            if (item.Lesson > text.Lessons.Count)
                return (OfflineOutcome.Refused, "This module has no such lesson. Nothing has been recorded.", null);
            if (!progress.HasReached(item.Lesson))
                return (OfflineOutcome.Refused, $"The lessons go in order: lesson {item.Lesson} was read before lesson {progress.Lesson}. Nothing has been recorded.", null);
            progress.FinishLesson(item.Lesson, text.Lessons.Count, at);
            return (OfflineOutcome.Recorded, $"Lesson {item.Lesson} of {text.Title} is on your record.", null);
        }

        if (!progress.HasReadEveryLesson(text.Lessons.Count))
            return (OfflineOutcome.Refused, $"Read every lesson before the quiz: you are up to lesson {progress.Lesson} of {text.Lessons.Count}. Nothing has been recorded.", null);
        switch (text.Quiz.Score(item.Answers!))
        {
            case QuizOutcome.Scored { Passed: true } pass:
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
                db.Add(Completion.Record(progress, pass, TrainingService.NewVerificationCode(), at, name));
                progress.MarkPassed(at);
                return (OfflineOutcome.Recorded, $"You passed {text.Title}: {pass.Score} out of {pass.OutOf}. Well done.", progress.Round);
            case QuizOutcome.Scored scored:
                return (OfflineOutcome.NotPassed, $"{text.Title}: you got {scored.Score} out of {scored.OutOf}, and you need {scored.PassMark} to pass. Nothing has been recorded yet: try the quiz again.", null);
            case QuizOutcome.Incomplete:
                return (OfflineOutcome.Refused, $"{text.Title}: some questions had no answer, so the quiz could not be marked. Please answer it again.", null);
            case QuizOutcome.Rejected rejected:
                return (OfflineOutcome.Refused, $"{text.Title}: we could not mark these answers. {rejected.Reason}", null);
            default:
                throw new InvalidOperationException("A quiz outcome this service does not know.");
        }
    }
}
