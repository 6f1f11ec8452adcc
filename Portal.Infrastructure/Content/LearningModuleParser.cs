using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Domain.Training;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Training modules. The body is split into lessons at each '## ' heading; the quiz is read from the
/// front matter, where an author writes it by hand, and checked so that it can always be passed.
/// </summary>
internal sealed partial class LearningModuleParser(MarkdownRenderer markdown) : ContentParser<LearningModule>("learn")
{
    private const int MinLessons = 3;
    private const int MaxLessons = 6;
    private const int MinQuestions = 3;
    private const int MaxQuestions = 6;
    private const int MinAnswers = 2;
    private const int MaxAnswers = 6;
    private const int MaxLessonTitleLength = 80;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    /// <summary>Addresses under /learn/ that belong to pages, not modules.</summary>
    public static IReadOnlyList<string> ReservedSlugs { get; } = ["record", "certificates", "offline"];

    protected override LearningModule? Parse(ContentDocument document, string slug)
    {
        var frontMatter = document.FrontMatter;
        if (ReservedSlugs.Contains(slug))
            frontMatter.ErrorAt(1, $"'{slug}' cannot be a module's slug: /learn/{slug} is another page; rename the file");
        var title = frontMatter.RequiredString("title", maxLength: 80);
        var summary = frontMatter.RequiredString("summary", maxLength: 200);
        var minutes = frontMatter.RequiredInt("minutes", 3, 10);
        var topics = frontMatter.ChoiceList("topics", LearnVocabulary.Topics, required: true);
        if (topics.Count > 3)
            frontMatter.Error("topics", $"'topics' lists {topics.Count}; choose the three that fit best");
        if (topics.Distinct().Count() != topics.Count)
            frontMatter.Error("topics", "'topics' names the same topic twice");
        var standards = Standards(frontMatter);
        var refreshMonths = RefreshMonths(frontMatter);
        var passMark = frontMatter.RequiredInt("pass-mark", 1, MaxQuestions);
        var questions = Questions(frontMatter);
        if (questions is not null && passMark > questions.Count)
            frontMatter.Error("pass-mark", $"'pass-mark' is {passMark} but the quiz has {questions.Count} questions, so nobody could pass; lower it");
        var lessons = Lessons(document);
        var provenance = Provenance.Read(frontMatter);

        if (questions is null || passMark < 1 || passMark > questions.Count || lessons is null)
            return null;
        return new LearningModule(slug, title, summary, minutes, topics, standards, refreshMonths, lessons,
            new Quiz(passMark, questions), document.Version, document.File)
        {
            Provenance = provenance,
        };
    }

    private static List<int> Standards(FrontMatterReader frontMatter)
    {
        var standards = new List<int>();
        foreach (var item in frontMatter.StringList("care-certificate"))
        {
            if (int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && LearnVocabulary.CareCertificateStandards.ContainsKey(number))
            {
                if (standards.Contains(number))
                    frontMatter.Error("care-certificate", $"'care-certificate' lists standard {number} twice");
                else
                    standards.Add(number);
            }
            else
            {
                frontMatter.Error("care-certificate", $"'{item}' in 'care-certificate' is not a Care Certificate standard; use the numbers 1 to 16");
            }
        }
        standards.Sort();
        return standards;
    }

    private static int? RefreshMonths(FrontMatterReader frontMatter)
    {
        var text = frontMatter.RequiredString("refresh-months", maxLength: 10);
        if (text.Length == 0 || text == "none")
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months is >= 1 and <= 120)
            return months;
        frontMatter.Error("refresh-months", $"'refresh-months' must be a number of months from 1 to 120, or none, not '{text}'");
        return null;
    }

    /// <summary>The quiz, or null when it is too broken to build (the reasons are already reported).</summary>
    private static List<QuizQuestion>? Questions(FrontMatterReader frontMatter)
    {
        var readers = frontMatter.MappingList("quiz");
        if (readers.Count is < MinQuestions or > MaxQuestions)
        {
            frontMatter.Error("quiz", $"the quiz has {readers.Count} questions; write from {MinQuestions} to {MaxQuestions}");
            if (readers.Count == 0)
                return null;
        }

        var questions = new List<QuizQuestion>();
        var broken = false;
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reader in readers)
        {
            var id = Id(reader, "id");
            var text = reader.RequiredString("question", maxLength: 300);
            if (id.Length > 0 && !firstLineOfId.TryAdd(id, reader.LineOf("id")))
                reader.Error("id", $"the question id '{id}' is already used on line {firstLineOfId[id]}; each question needs its own id");
            var answers = Answers(reader);
            if (answers is not null && answers.Count > 0 && !answers.Any(a => a.Correct))
                reader.Error("answers", $"the question '{id}' has no correct answer; mark at least one with 'correct: true'");
            if (id.Length == 0 || text.Length == 0 || answers is null || !answers.Any(a => a.Correct))
                broken = true;
            else
                questions.Add(new QuizQuestion(id, text, answers));
        }
        return broken || questions.Count == 0 ? null : questions;
    }

    private static List<QuizAnswer>? Answers(FrontMatterReader question)
    {
        var readers = question.MappingList("answers");
        if (readers.Count is < MinAnswers or > MaxAnswers)
            question.Error("answers", $"a question needs from {MinAnswers} to {MaxAnswers} answers, not {readers.Count}");

        var answers = new List<QuizAnswer>();
        var broken = readers.Count == 0;
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reader in readers)
        {
            var id = Id(reader, "id");
            if (id.Length > 0 && !firstLineOfId.TryAdd(id, reader.LineOf("id")))
                reader.Error("id", $"the answer id '{id}' is already used on line {firstLineOfId[id]}; each answer to a question needs its own id");
            var text = reader.RequiredString("text", maxLength: 200);
            var correct = reader.OptionalBool("correct", missing: false);
            var feedback = reader.RequiredString("feedback", maxLength: 300);
            if (id.Length == 0 || text.Length == 0 || feedback.Length == 0)
                broken = true;
            else
                answers.Add(new QuizAnswer(id, text, correct, feedback));
        }
        return broken ? null : answers;
    }

    private static string Id(FrontMatterReader reader, string key)
    {
        var id = reader.RequiredString(key, maxLength: 40);
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            reader.Error(key, $"the id '{id}' must use only lower-case letters, digits and single hyphens, like 'who-owes' or 'a'");
            return "";
        }
        return id;
    }

    /// <summary>One lesson per '## ' heading; null when the body cannot be split (the reasons are already reported).</summary>
    private List<Lesson>? Lessons(ContentDocument document)
    {
        var lines = document.Body.Split('\n');
        var sections = new List<(string Title, int Line, List<string> Text)>();
        var fence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            // A '## ' inside a code block is code, not a lesson.
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                fence = !fence;
            if (!fence && line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections.Add((line[3..].Trim(), document.BodyLine + i, []));
            }
            else if (sections.Count == 0)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    document.FrontMatter.ErrorAt(document.BodyLine + i, "text before the first lesson: start each lesson with a '## ' heading, and put nothing above the first one");
                    return null;
                }
            }
            else
            {
                sections[^1].Text.Add(line);
            }
        }

        if (sections.Count is < MinLessons or > MaxLessons)
        {
            document.FrontMatter.ErrorAt(document.BodyLine, $"the module has {sections.Count} lessons; write from {MinLessons} to {MaxLessons}, each starting with a '## ' heading");
            return null;
        }

        var lessons = new List<Lesson>();
        foreach (var (title, line, text) in sections)
        {
            if (title.Length is 0 or > MaxLessonTitleLength)
                document.FrontMatter.ErrorAt(line, $"a lesson heading must have from 1 to {MaxLessonTitleLength} characters, not {title.Length}");
            else if (text.All(string.IsNullOrWhiteSpace))
                document.FrontMatter.ErrorAt(line, $"the lesson '{title}' has no text under its heading");
            else
            {
                List<string> images = [];
                var html = markdown.ToHtml(string.Join('\n', text), line + 1, document.FrontMatter.ErrorAt, images);
                lessons.Add(new Lesson(lessons.Count + 1, title, html) { Images = images });
            }
        }
        return lessons.Count == sections.Count ? lessons : null;
    }
}
