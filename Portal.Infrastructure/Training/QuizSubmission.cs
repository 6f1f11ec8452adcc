using Portal.Domain.Training;

namespace Portal.Infrastructure.Training;

/// <summary>What became of a quiz form sent to the server.</summary>
public abstract record QuizSubmission
{
    private QuizSubmission()
    {
    }

    /// <summary>Marked but not passed, incomplete, or rejected as not this quiz's own answers; nothing recorded.</summary>
    public sealed record Marked(QuizOutcome Outcome) : QuizSubmission;

    /// <summary>Passed and recorded now.</summary>
    public sealed record Passed(Completion Completion, QuizOutcome.Scored Result) : QuizSubmission;

    /// <summary>This round was already passed (a double submit or another tab); the first record stands.</summary>
    public sealed record AlreadyPassed(Completion Completion) : QuizSubmission;

    /// <summary>The module's text changed since this round started; the round starts again, nothing recorded.</summary>
    public sealed record ModuleChanged : QuizSubmission;

    /// <summary>The form was not drawn from the module's current text (an old page, or edited); nothing recorded, nothing reset.</summary>
    public sealed record OutOfDate : QuizSubmission;

    /// <summary>Not every lesson of this round has been read yet; nothing recorded.</summary>
    /// <param name="Lesson">The lesson they are up to.</param>
    public sealed record LessonsUnread(int Lesson, int LessonCount) : QuizSubmission;

    /// <summary>No progress at all for this module: the form did not come from starting it.</summary>
    public sealed record NotStarted : QuizSubmission;
}
