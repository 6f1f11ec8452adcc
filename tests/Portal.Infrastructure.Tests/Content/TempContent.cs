using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>A content folder of its own for one test, deleted afterwards.</summary>
internal sealed class TempContent : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("portal-content-").FullName;

    public TempContent Write(string file, string text)
    {
        var path = Path.Combine(Root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TempContent WriteBytes(string file, byte[] bytes)
    {
        var path = Path.Combine(Root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>The line of <paramref name="file"/> that holds <paramref name="text"/> first, counted from 1.</summary>
    public int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Root, file)), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    /// <summary>A valid page, with extra front matter lines before the closing '---'.</summary>
    public TempContent Page(string name, string extraFrontMatter = "", string body = "Some text.") =>
        Write($"pages/{name}.md", $"---\ntitle: A title\nsummary: A summary\n{extraFrontMatter}---\n\n{body}\n");

    /// <summary>A valid training module; <paramref name="frontMatter"/> and <paramref name="body"/> replace the defaults when given.</summary>
    public TempContent Module(string slug, string? frontMatter = null, string? body = null) =>
        Write($"learn/{slug}.md", $"---\n{frontMatter ?? ValidModuleFrontMatter}---\n{body ?? ValidModuleBody}");

    /// <summary>The 'reviewed' and 'sources' lines every role, programme, route, module and competency needs, to add last in its front matter.</summary>
    public const string Provenance = "reviewed: 2026-12-05\nsources:\n  - title: A source\n    url: https://example.org/source\n";

    /// <summary>The keys every programme needs besides its kind, level and duration.</summary>
    public const string ProgrammeFacts = "funding: Your employer pays.\nentry-requirements: [None]\nafter: [A job in care]\n";

    public const string ValidModuleFrontMatter = """
        title: Duty of care
        summary: What a duty of care is.
        minutes: 5
        topics: [role-and-values]
        care-certificate: [3]
        refresh-months: 36
        pass-mark: 2
        quiz:
          - id: who
            question: Who has a duty of care?
            answers:
              - id: a
                text: Only managers.
                feedback: No, everyone who gives care does.
              - id: b
                text: You.
                correct: true
                feedback: Yes, from your first day.
          - id: when
            question: When does it apply?
            answers:
              - id: a
                text: Always at work.
                correct: true
                feedback: Yes.
              - id: b
                text: Only on nights.
                feedback: No, always.
          - id: signs
            question: Which of these are part of it? Tick all that apply.
            answers:
              - id: a
                text: Keeping people safe.
                correct: true
                feedback: Yes.
              - id: b
                text: Reporting worries.
                correct: true
                feedback: Yes.
              - id: c
                text: Doing whatever you are told by anyone.
                feedback: No; you think and report.
        reviewed: 2026-12-05
        sources:
          - title: A source
            url: https://example.org/source

        """;

    public const string ValidModuleBody = "## What it is\n\nText one.\n\n## When it is hard\n\nText two.\n\n## Who to ask\n\nText three.\n";

    public ContentSet Load() => new ContentLoader().Load(Root, DateTime.UnixEpoch);

    public ContentSet LoadOn(DateOnly today) => new ContentLoader().Load(Root, today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    public IReadOnlyList<ContentError> Errors() => Assert.Throws<ContentValidationException>(Load).Errors;

    public ContentError SingleError() => Assert.Single(Errors());

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
