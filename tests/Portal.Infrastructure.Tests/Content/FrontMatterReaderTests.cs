using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>The reads later kinds (roles, modules with quizzes) build on, beyond what info pages use.</summary>
public sealed class FrontMatterReaderTests
{
    private readonly List<ContentError> _errors = [];

    [Fact]
    public void NumberOutsideItsRangeIsReportedWithItsLine()
    {
        var reader = Read("title: T\nminutes: 45\n");

        Assert.Equal(45, reader.RequiredInt("minutes", min: 1, max: 30));
        Assert.Equal(new ContentError("learn/a.md", 3, "'minutes' must be from 1 to 30, not 45"), Assert.Single(_errors));
    }

    [Fact]
    public void NumberThatIsNotANumberIsReportedWithItsLine()
    {
        Read("minutes: ten\n").RequiredInt("minutes", min: 1, max: 30);

        Assert.Equal(new ContentError("learn/a.md", 2, "'minutes' must be a whole number, not 'ten'"), Assert.Single(_errors));
    }

    [Fact]
    public void TextListIsReadInOrderAndEmptyWhenMissing()
    {
        var reader = Read("tags:\n  - safety\n  - moving people\n");

        Assert.Equal(["safety", "moving people"], reader.StringList("tags"));
        Assert.Empty(reader.StringList("roles"));
        Assert.Empty(_errors);
    }

    [Fact]
    public void ListItemThatIsNotTextIsReportedOnItsOwnLine()
    {
        Read("tags:\n  - safety\n  - [a, b]\n").StringList("tags");

        Assert.Equal(new ContentError("learn/a.md", 4, "each item in 'tags' must be text, not a list"), Assert.Single(_errors));
    }

    [Fact]
    public void NestedGroupsReportTheirOwnMissingAndUnknownKeysOnTheirOwnLines()
    {
        var reader = Read("""
            quiz:
              - question: Where do you wash your hands?
                answer: At the sink
              - question: When?
                anwser: Always
            """);

        var questions = reader.MappingList("quiz");
        var answers = questions.Select(q => (q.RequiredString("question", 200), q.RequiredString("answer", 200))).ToList();
        reader.ReportUnknownKeys();

        Assert.Equal([3, 5], questions.Select(q => q.Line));
        Assert.Equal(("Where do you wash your hands?", "At the sink"), answers[0]);
        Assert.Equal(
            [
                new ContentError("learn/a.md", 5, "'quiz[2].answer' is missing"),
                new ContentError("learn/a.md", 6, "unknown key 'quiz[2].anwser'; the keys allowed here are: question, answer"),
            ],
            _errors);
    }

    [Fact]
    public void NestedGroupIsReadWithItsLine()
    {
        var reader = Read("title: T\npass:\n  score: 4\n");

        var pass = Assert.IsType<FrontMatterReader>(reader.OptionalMapping("pass"));

        Assert.Equal((3, 4), (pass.Line, pass.RequiredInt("score", 1, 10)));
        Assert.Null(reader.OptionalMapping("missing"));
        Assert.Empty(_errors);
    }

    [Fact]
    public void FrontMatterThatIsNotKeyValueLinesIsReported()
    {
        Assert.Null(FrontMatterReader.Parse("learn/a.md", "- a\n- b\n", firstLine: 2, _errors));

        Assert.Equal(new ContentError("learn/a.md", 2, "front matter must be 'key: value' lines"), Assert.Single(_errors));
    }

    [Fact]
    public void KindCanReportItsOwnRuleOnAKeysLine()
    {
        var reader = Read("title: T\nlevel: 9\n");

        reader.Error("level", "there is no level 9");

        Assert.Equal(new ContentError("learn/a.md", 3, "there is no level 9"), Assert.Single(_errors));
    }

    private FrontMatterReader Read(string yaml) =>
        FrontMatterReader.Parse("learn/a.md", yaml, firstLine: 2, _errors) ?? throw new InvalidOperationException(string.Join('\n', _errors));
}
