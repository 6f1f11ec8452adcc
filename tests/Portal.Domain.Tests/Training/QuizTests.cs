using Portal.Domain.Training;

namespace Portal.Domain.Tests.Training;

public sealed class QuizTests
{
    private static readonly Quiz Quiz = new(passMark: 2,
    [
        new QuizQuestion("who", "Who has a duty of care?",
        [
            new QuizAnswer("a", "Only managers.", false, "No."),
            new QuizAnswer("b", "You.", true, "Yes."),
        ]),
        new QuizQuestion("when", "When does it apply?",
        [
            new QuizAnswer("a", "Always at work.", true, "Yes."),
            new QuizAnswer("b", "Only on nights.", false, "No."),
        ]),
        new QuizQuestion("signs", "Which are part of it?",
        [
            new QuizAnswer("a", "Keeping people safe.", true, "Yes."),
            new QuizAnswer("b", "Reporting worries.", true, "Yes."),
            new QuizAnswer("c", "Doing whatever anyone says.", false, "No."),
        ]),
    ]);

    private static Dictionary<string, IReadOnlyCollection<string>> Answers(params (string Question, string[] Answers)[] answers) =>
        answers.ToDictionary(a => a.Question, a => (IReadOnlyCollection<string>)a.Answers);

    [Fact]
    public void AllRightPasses()
    {
        var outcome = Assert.IsType<QuizOutcome.Scored>(Quiz.Score(Answers(("who", ["b"]), ("when", ["a"]), ("signs", ["a", "b"]))));

        Assert.Equal((3, 3, true), (outcome.Score, outcome.OutOf, outcome.Passed));
        Assert.All(outcome.Results, r => Assert.True(r.Right));
    }

    [Fact]
    public void ThePassMarkIsEnoughToPass()
    {
        var outcome = Assert.IsType<QuizOutcome.Scored>(Quiz.Score(Answers(("who", ["a"]), ("when", ["a"]), ("signs", ["a", "b"]))));

        Assert.Equal((2, true), (outcome.Score, outcome.Passed));
        Assert.False(outcome.Results[0].Right);
    }

    [Fact]
    public void BelowThePassMarkFailsWithEachQuestionMarked()
    {
        var outcome = Assert.IsType<QuizOutcome.Scored>(Quiz.Score(Answers(("who", ["a"]), ("when", ["b"]), ("signs", ["a", "b"]))));

        Assert.Equal((1, false), (outcome.Score, outcome.Passed));
        Assert.Equal([false, false, true], outcome.Results.Select(r => r.Right));
        Assert.Equal(["a"], outcome.Results[0].Chosen);
    }

    [Fact]
    public void PartlyRightOnATickAllQuestionIsWrong()
    {
        var missedOne = Assert.IsType<QuizOutcome.Scored>(Quiz.Score(Answers(("who", ["b"]), ("when", ["a"]), ("signs", ["a"]))));
        var oneTooMany = Assert.IsType<QuizOutcome.Scored>(Quiz.Score(Answers(("who", ["b"]), ("when", ["a"]), ("signs", ["a", "b", "c"]))));

        Assert.False(missedOne.Results[2].Right);
        Assert.False(oneTooMany.Results[2].Right);
    }

    [Fact]
    public void AnUnknownQuestionIsRejected()
    {
        var outcome = Quiz.Score(Answers(("who", ["b"]), ("when", ["a"]), ("signs", ["a", "b"]), ("bonus", ["a"])));

        Assert.Contains("a question this quiz does not have ('bonus')", Assert.IsType<QuizOutcome.Rejected>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnswerFromAnotherQuestionIsRejected()
    {
        // 'c' exists, but only on the 'signs' question.
        var outcome = Quiz.Score(Answers(("who", ["c"]), ("when", ["a"]), ("signs", ["a", "b"])));

        Assert.Contains("an answer ('c') that does not belong to the question \"Who has a duty of care?\"", Assert.IsType<QuizOutcome.Rejected>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoAnswersToAPickOneQuestionAreRejected()
    {
        var outcome = Quiz.Score(Answers(("who", ["a", "b"]), ("when", ["a"]), ("signs", ["a", "b"])));

        Assert.IsType<QuizOutcome.Rejected>(outcome);
    }

    [Fact]
    public void UnansweredQuestionsAreNamedAndNothingIsMarked()
    {
        var outcome = Quiz.Score(Answers(("who", ["b"]), ("signs", [])));

        Assert.Equal(["when", "signs"], Assert.IsType<QuizOutcome.Incomplete>(outcome).Unanswered.Select(q => q.Id));
    }

    [Fact]
    public void ATamperedValueIsNotEchoedInFull()
    {
        var outcome = Quiz.Score(Answers((new string('x', 500), ["a"])));

        Assert.True(Assert.IsType<QuizOutcome.Rejected>(outcome).Reason.Length < 200);
    }

    [Fact]
    public void APassMarkAboveTheQuestionCountCannotBeBuilt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quiz(4, Quiz.Questions));
    }
}
