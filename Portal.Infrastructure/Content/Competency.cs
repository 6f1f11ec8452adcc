using System.Security.Cryptography;
using System.Text;

namespace Portal.Infrastructure.Content;

/// <summary>
/// A delegated healthcare activity a worker may only do alone after a registered practitioner has
/// observed them and signed off every step, from content/competencies/.
/// </summary>
/// <param name="ReviewMonths">How long a sign-off lasts before the practitioner observes again.</param>
/// <param name="Modules">Training modules the worker holds before they can be observed.</param>
/// <param name="Checklist">The observed steps, in order.</param>
/// <param name="ChecklistVersion">A hash of the steps alone: sign-offs record it, and it changes only when a step does.</param>
/// <param name="Html">Guidance for the practitioner, sanitised.</param>
public sealed record Competency(
    string Slug,
    string Title,
    string Summary,
    int ReviewMonths,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string> Checklist,
    string ChecklistVersion,
    string Html,
    string Version,
    string SourceFile)
{
    /// <summary>The line of 'modules' in <see cref="SourceFile"/>, for errors found once the modules are known.</summary>
    public int ModulesLine { get; init; }

    public static string VersionOf(IEnumerable<string> checklist) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', checklist))))[..12];
}

internal sealed class CompetencyParser(MarkdownRenderer markdown) : ContentParser<Competency>("competencies")
{
    public const int MaxSteps = 20;
    public const int MaxStepLength = 300;

    protected override Competency Parse(ContentDocument document, string slug)
    {
        var frontMatter = document.FrontMatter;
        var modules = frontMatter.StringList("modules");
        if (modules.Count == 0)
            frontMatter.Error("modules", "'modules' is missing: list the training modules (by slug) a worker completes before they are observed");
        var checklist = frontMatter.StringList("checklist");
        if (checklist.Count is < 2 or > MaxSteps)
            frontMatter.Error("checklist", $"'checklist' has {checklist.Count} steps; give 2 to {MaxSteps} observed steps, one per item");
        foreach (var step in checklist.Where(s => s.Length > MaxStepLength))
            frontMatter.Error("checklist", $"a checklist step is {step.Length} characters long; the most allowed is {MaxStepLength}");
        foreach (var duplicate in checklist.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1))
            frontMatter.Error("checklist", $"the step '{duplicate.Key}' is listed more than once; list it once");
        return new Competency(
            Slug: slug,
            Title: frontMatter.RequiredString("title", maxLength: 80),
            Summary: frontMatter.RequiredString("summary", maxLength: 200),
            ReviewMonths: frontMatter.RequiredInt("review-months", 1, 60),
            Modules: [.. modules.Distinct(StringComparer.Ordinal)],
            Checklist: checklist,
            ChecklistVersion: Competency.VersionOf(checklist),
            Html: markdown.ToHtml(document.Body),
            Version: document.Version,
            SourceFile: document.File)
        {
            ModulesLine = frontMatter.LineOf("modules"),
        };
    }
}
