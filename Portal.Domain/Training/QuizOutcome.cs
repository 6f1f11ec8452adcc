namespace Portal.Domain.Training;

/// <summary>What became of a quiz submission.</summary>
public abstract record QuizOutcome
{
    private QuizOutcome()
    {
    }

    /// <summary>Every question answered and marked.</summary>
    public sealed record Scored(int Score, int OutOf, int PassMark, bool Passed, IReadOnlyList<QuestionResult> Results) : QuizOutcome;

    /// <summary>Some questions have no answer; nothing was marked.</summary>
    public sealed record Incomplete(IReadOnlyList<QuizQuestion> Unanswered) : QuizOutcome;

    /// <summary>The submission could not have come from this quiz's form; nothing was marked.</summary>
    public sealed record Rejected(string Reason) : QuizOutcome;
}
