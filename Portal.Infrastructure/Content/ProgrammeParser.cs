namespace Portal.Infrastructure.Content;

internal sealed class ProgrammeParser(MarkdownRenderer markdown) : ContentParser<Programme>("careers/programmes")
{
    private static readonly string[] Apprenticeships = ["apprenticeship", "degree-apprenticeship"];

    protected override Programme Parse(ContentDocument document, string slug)
    {
        var frontMatter = document.FrontMatter;
        var kind = frontMatter.RequiredChoice("kind", CareerVocabulary.ProgrammeKinds);
        var standardCode = frontMatter.OptionalString("standard-code", maxLength: 10);
        if (Apprenticeships.Contains(kind) && standardCode is null)
            frontMatter.Error("kind", "an apprenticeship needs its 'standard-code', like ST0006");
        else if (!Apprenticeships.Contains(kind) && standardCode is not null)
            frontMatter.Error("standard-code", $"only apprenticeships have a 'standard-code'; this is a {kind}");
        else if (standardCode is not null && !System.Text.RegularExpressions.Regex.IsMatch(standardCode, "^ST[0-9]{4}$"))
            frontMatter.Error("standard-code", $"'standard-code' must look like ST0006, not '{standardCode}'");

        var provenance = Provenance.Read(frontMatter);
        return new Programme(
            Slug: slug,
            Title: frontMatter.RequiredString("title", maxLength: 120),
            Summary: frontMatter.RequiredString("summary", maxLength: 200),
            Kind: kind,
            Level: frontMatter.RequiredInt("level", 0, 7),
            StandardCode: standardCode,
            DurationMonths: frontMatter.RequiredInt("duration-months", 1, 60),
            OffTheJobHours: frontMatter.OptionalInt("off-the-job-hours", 0, 2000),
            PlacementHours: frontMatter.OptionalInt("placement-hours", 0, 2000),
            Html: markdown.ToHtml(document.Body),
            Version: document.Version,
            SourceFile: document.File)
        {
            Provenance = provenance,
        };
    }
}
