using Bunit;
using Portal.Domain.Training;
using Portal.Web.Components;

namespace Portal.Web.Tests.Components;

/// <summary>The lesson progress and the quiz questions, as components: words first, colour second, feedback only where earned.</summary>
public sealed class LearnComponentTests : IDisposable
{
    private readonly BunitContext _context = new();

    private static readonly QuizQuestion PickOne = new("who", "Who has a duty of care?",
    [
        new QuizAnswer("a", "Only managers.", false, "Everyone who gives care has one."),
        new QuizAnswer("b", "You.", true, "Yes, from your first day."),
    ]);

    private static readonly QuizQuestion TickAll = new("signs", "Which are part of it?",
    [
        new QuizAnswer("a", "Keeping people safe.", true, "Yes."),
        new QuizAnswer("b", "Reporting worries.", true, "Yes, always."),
        new QuizAnswer("c", "Doing whatever anyone says.", false, "No: you think and report."),
    ]);

    public void Dispose() => _context.Dispose();

    private IRenderedComponent<LessonProgress> Progress(int current, int reached) =>
        _context.Render<LessonProgress>(p => p
            .Add(c => c.LessonHref, number => $"/learn/duty-of-care/lessons/{number}")
            .Add(c => c.Titles, ["One", "Two", "Three"])
            .Add(c => c.Current, current)
            .Add(c => c.Reached, reached));

    [Fact]
    public void ProgressSaysWhereTheLearnerIsInWords()
    {
        var progress = Progress(current: 2, reached: 3);

        Assert.Equal("Lesson 2 of 3", progress.Find(".lesson-progress__text").TextContent);
        Assert.Equal("2", progress.Find("progress").GetAttribute("value"));
        Assert.Equal("4", progress.Find("progress").GetAttribute("max"));
        var current = progress.Find("[aria-current=step]");
        Assert.Equal("Two", current.TextContent.Trim());
        Assert.Empty(current.QuerySelectorAll("a"));
    }

    [Fact]
    public void LessonsAlreadyReadAreMarkedForScreenReadersTooAndLinked()
    {
        var progress = Progress(current: 3, reached: 3);

        var steps = progress.FindAll(".lesson-progress__step");
        Assert.Contains("(read)", steps[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/learn/duty-of-care/lessons/1", steps[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("(read)", steps[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("Quiz", steps[3].TextContent.Trim());
    }

    [Fact]
    public void OnTheQuizTheLastStepIsCurrent()
    {
        Assert.Equal("Quiz, after 3 lessons", Progress(current: 4, reached: 4).Find(".lesson-progress__text").TextContent);
    }

    [Fact]
    public void PickOneIsRadiosAndTickAllIsCheckboxesWithAHint()
    {
        var quiz = _context.Render<QuizQuestions>(p => p.Add(c => c.Questions, [PickOne, TickAll]));

        Assert.All(quiz.FindAll("#q-who input"), i => Assert.Equal("radio", i.GetAttribute("type")));
        Assert.All(quiz.FindAll("#q-signs input"), i => Assert.Equal("checkbox", i.GetAttribute("type")));
        Assert.Equal("answer.signs", quiz.Find("#q-signs-c").GetAttribute("name"));
        Assert.Equal("q-signs-hint", quiz.Find("#q-signs").GetAttribute("aria-describedby"));
        Assert.Equal("Tick all that apply.", quiz.Find("#q-signs-hint").TextContent);
        Assert.Null(quiz.Find("#q-who").GetAttribute("aria-describedby"));
        // Nothing is marked before the learner answers.
        Assert.Empty(quiz.FindAll(".quiz-answer__feedback"));
    }

    [Fact]
    public void AnUnansweredQuestionIsFlaggedAndOtherChoicesKept()
    {
        var quiz = _context.Render<QuizQuestions>(p => p
            .Add(c => c.Questions, [PickOne, TickAll])
            .Add(c => c.Chosen, new Dictionary<string, IReadOnlyCollection<string>> { ["who"] = ["b"] })
            .Add(c => c.Unanswered, new HashSet<string> { "signs" }));

        Assert.True(quiz.Find("#q-who-b").HasAttribute("checked"));
        Assert.Equal("Answer this question.", quiz.Find("#q-signs-error").TextContent);
        Assert.Equal("q-signs-hint q-signs-error", quiz.Find("#q-signs").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void MarkedAnswersShowFeedbackForWhatWasPickedOnly()
    {
        var scored = Assert.IsType<QuizOutcome.Scored>(new Quiz(1, [PickOne, TickAll]).Score(new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["who"] = ["a"],
            ["signs"] = ["a", "b"],
        }));

        var quiz = _context.Render<QuizQuestions>(p => p.Add(c => c.Questions, [PickOne, TickAll]).Add(c => c.Results, scored.Results));

        Assert.Equal("Not right this time.", quiz.Find("#q-who .quiz-question__result").TextContent);
        Assert.Equal("Right.", quiz.Find("#q-signs .quiz-question__result").TextContent);
        Assert.Equal(["Everyone who gives care has one."], quiz.FindAll("#q-who .quiz-answer__feedback").Select(f => f.TextContent));
        // The right answer to a question got wrong is not given away; only why the pick was wrong.
        Assert.DoesNotContain("Yes, from your first day.", quiz.Find("#q-who").TextContent, StringComparison.Ordinal);
        Assert.All(quiz.FindAll("input"), i => Assert.True(i.HasAttribute("disabled")));
    }
}
