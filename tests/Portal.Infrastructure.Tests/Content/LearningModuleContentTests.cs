namespace Portal.Infrastructure.Tests.Content;

/// <summary>Training modules: lessons split at headings, and a hand-written quiz checked so it can always be passed.</summary>
public sealed class LearningModuleContentTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private static string With(string find, string replace)
    {
        Assert.Contains(find, TempContent.ValidModuleFrontMatter, StringComparison.Ordinal);
        return TempContent.ValidModuleFrontMatter.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidModuleHasItsLessonsAndQuiz()
    {
        var module = _content.Module("duty-of-care").Load().Modules["duty-of-care"];

        Assert.Equal(["What it is", "When it is hard", "Who to ask"], module.Lessons.Select(l => l.Title));
        Assert.Equal([1, 2, 3], module.Lessons.Select(l => l.Number));
        Assert.Equal("<p>Text two.</p>\n", module.Lessons[1].Html);
        Assert.Equal(36, module.RefreshMonths);
        Assert.Equal([3], module.CareCertificateStandards);
        Assert.Equal(2, module.Quiz.PassMark);
        Assert.Equal(["who", "when", "signs"], module.Quiz.Questions.Select(q => q.Id));
        Assert.True(module.Quiz.Questions[2].HasSeveralCorrectAnswers);
        Assert.False(module.Quiz.Questions[0].HasSeveralCorrectAnswers);
    }

    [Fact]
    public void RefreshNoneMeansOnceIsEnough()
    {
        var module = _content.Module("duty-of-care", With("refresh-months: 36", "refresh-months: none")).Load().Modules["duty-of-care"];

        Assert.Null(module.RefreshMonths);
    }

    /// <summary>One mistake in a valid module's quiz: the one error it causes, on the line a writer would fix.</summary>
    [Theory]
    [InlineData("a question with no correct answer, on its answers line",
        "text: You.\n        correct: true\n", "text: You.\n", 12, "the question 'who' has no correct answer")]
    [InlineData("a repeated question id, naming the first",
        "- id: when", "- id: who", 20, "the question id 'who' is already used on line 10")]
    [InlineData("a repeated answer id within a question",
        "      - id: b\n        text: You.", "      - id: a\n        text: You.", 16, "the answer id 'a' is already used on line 13")]
    [InlineData("a pass mark above the number of questions, which nobody could reach",
        "pass-mark: 2", "pass-mark: 4", 8, "'pass-mark' is 4 but the quiz has 3 questions, so nobody could pass")]
    [InlineData("an answer without feedback",
        "        feedback: No, everyone who gives care does.\n", "", 13, "'quiz[1].answers[1].feedback' is missing")]
    public void AQuizMistakeIsReportedOnItsLine(string mistake, string find, string replace, int line, string message)
    {
        _ = mistake; // names the case in the test list
        _content.Module("duty-of-care", With(find, replace));

        var error = _content.SingleError();

        Assert.Equal(("learn/duty-of-care.md", line), (error.File, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooFewQuestionsAreReported()
    {
        var twoQuestions = TempContent.ValidModuleFrontMatter[..TempContent.ValidModuleFrontMatter.IndexOf("  - id: signs", StringComparison.Ordinal)];
        _content.Module("duty-of-care", twoQuestions.Replace("pass-mark: 2", "pass-mark: 1", StringComparison.Ordinal) + TempContent.Provenance);

        Assert.Contains("the quiz has 2 questions; write from 3 to 6", _content.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTopicsAndStandardsNameWhatIsAllowed()
    {
        _content.Module("duty-of-care", With("topics: [role-and-values]", "topics: [kindness]").Replace("care-certificate: [3]", "care-certificate: [17]", StringComparison.Ordinal));

        var errors = _content.Errors();

        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("'kindness' in 'topics' is not one of role-and-values", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.Message.Contains("'17' in 'care-certificate' is not a Care Certificate standard", StringComparison.Ordinal));
    }

    [Fact]
    public void TextBeforeTheFirstLessonIsReportedOnItsLine()
    {
        _content.Module("duty-of-care", body: "\nAn introduction.\n\n## One\n\nA.\n\n## Two\n\nB.\n\n## Three\n\nC.\n");

        var error = _content.SingleError();

        // The front matter closes on line 48; the body's first line is blank.
        Assert.Equal(50, error.Line);
        Assert.Contains("text before the first lesson", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooFewLessonsAreReported()
    {
        _content.Module("duty-of-care", body: "## One\n\nA.\n\n## Two\n\nB.\n");

        Assert.Contains("the module has 2 lessons; write from 3 to 6", _content.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyLessonIsReportedOnItsHeading()
    {
        _content.Module("duty-of-care", body: "## One\n\nA.\n\n## Two\n\n## Three\n\nC.\n");

        var error = _content.SingleError();

        Assert.Equal(53, error.Line);
        Assert.Contains("the lesson 'Two' has no text under its heading", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeadingInsideACodeBlockIsNotALesson()
    {
        var module = _content.Module("duty-of-care", body: "## One\n\n```\n## not a lesson\n```\n\n## Two\n\nB.\n\n## Three\n\nC.\n").Load().Modules["duty-of-care"];

        Assert.Equal(3, module.Lessons.Count);
        Assert.Contains("## not a lesson", module.Lessons[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangedModuleHasANewVersion()
    {
        var before = _content.Module("duty-of-care").Load().Modules["duty-of-care"].Version;
        var after = _content.Module("duty-of-care", body: TempContent.ValidModuleBody + "\nOne more line.\n").Load().Modules["duty-of-care"].Version;

        Assert.NotEqual(before, after);
    }
}
