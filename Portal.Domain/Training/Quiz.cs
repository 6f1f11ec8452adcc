namespace Portal.Domain.Training;

/// <summary>A module's end-of-module quiz. Scoring is pure: the same answers always give the same result.</summary>
public sealed class Quiz
{
    public Quiz(int passMark, IReadOnlyList<QuizQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (questions.Count == 0)
            throw new ArgumentException("A quiz needs at least one question.", nameof(questions));
        ArgumentOutOfRangeException.ThrowIfLessThan(passMark, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passMark, questions.Count);
        PassMark = passMark;
        Questions = questions;
    }

    /// <summary>How many questions must be right to pass.</summary>
    public int PassMark { get; }

    public IReadOnlyList<QuizQuestion> Questions { get; }

    /// <summary>
    /// Scores a submission: question id to the answer ids picked. Anything that could not have come
    /// from this quiz's own form is rejected whole, so a tampered or out-of-date form never scores.
    /// </summary>
    public QuizOutcome Score(IReadOnlyDictionary<string, IReadOnlyCollection<string>> submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        foreach (var (questionId, answerIds) in submission)
        {
            var question = Questions.FirstOrDefault(q => q.Id == questionId);
            if (question is null)
                return new QuizOutcome.Rejected($"The answers sent include a question this quiz does not have ('{Shorten(questionId)}').");
            if (answerIds.FirstOrDefault(id => question.Answer(id) is null) is { } stray)
                return new QuizOutcome.Rejected($"The answers sent include an answer ('{Shorten(stray)}') that does not belong to the question \"{question.Text}\".");
            if (!question.HasSeveralCorrectAnswers && answerIds.Distinct().Count() > 1)
                return new QuizOutcome.Rejected($"The question \"{question.Text}\" takes one answer, but several were sent.");
        }

        var unanswered = Questions.Where(q => !submission.TryGetValue(q.Id, out var ids) || ids.Count == 0).ToList();
        if (unanswered.Count > 0)
            return new QuizOutcome.Incomplete(unanswered);

        var results = Questions.Select(question =>
        {
            var chosen = submission[question.Id].ToHashSet(StringComparer.Ordinal);
            var right = question.Answers.All(a => a.Correct == chosen.Contains(a.Id));
            return new QuestionResult(question, chosen, right);
        }).ToList();
        var score = results.Count(r => r.Right);
        return new QuizOutcome.Scored(score, Questions.Count, PassMark, score >= PassMark, results);
    }

    // Echoing a tampered value back in full would let a page be stuffed with any text.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
