namespace Portal.Infrastructure.Content;

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
        var provenance = Provenance.Read(frontMatter);
        return new Competency(
            Slug: slug,
            Title: frontMatter.RequiredString("title", maxLength: 80),
            Summary: frontMatter.RequiredString("summary", maxLength: 200),
            Kind: frontMatter.RequiredChoice("kind", CompetencyKinds.All),
            ReviewMonths: frontMatter.RequiredInt("review-months", 1, 60),
            Modules: [.. modules.Distinct(StringComparer.Ordinal)],
            Checklist: checklist,
            ChecklistVersion: Competency.VersionOf(checklist),
            Html: markdown.ToHtml(document.Body, document.BodyLine, document.FrontMatter.ErrorAt),
            Version: document.Version,
            SourceFile: document.File)
        {
            ModulesLine = frontMatter.LineOf("modules"),
            Provenance = provenance,
        };
    }
}
