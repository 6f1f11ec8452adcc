namespace Portal.Domain.Training;

/// <summary>
/// A question with one or more right answers. With several, the learner must pick all of them and
/// none of the others: partly right counts as wrong, as it would when doing the task.
/// </summary>
public sealed record QuizQuestion(string Id, string Text, IReadOnlyList<QuizAnswer> Answers)
{
    public bool HasSeveralCorrectAnswers => Answers.Count(a => a.Correct) > 1;

    public QuizAnswer? Answer(string id) => Answers.FirstOrDefault(a => a.Id == id);
}
