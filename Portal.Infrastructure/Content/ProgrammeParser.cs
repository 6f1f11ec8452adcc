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

        var standardUrl = frontMatter.OptionalString("standard-url", maxLength: 500);
        Uri? standard = null;
        if (standardUrl is not null && (!Uri.TryCreate(standardUrl, UriKind.Absolute, out standard) || standard.Scheme != "https"))
        {
            frontMatter.Error("standard-url", $"'standard-url' must be a full web address starting with https://, not '{standardUrl}'");
            standard = null;
        }
        else if (standardUrl is null && Apprenticeships.Contains(kind))
        {
            frontMatter.Error("kind", "an apprenticeship needs its 'standard-url': the address of its standard on the Skills England (formerly Institute for Apprenticeships) site");
        }

        var funding = frontMatter.RequiredString("funding", maxLength: 800);
        var entryRequirements = frontMatter.StringList("entry-requirements");
        if (entryRequirements.Count == 0)
            frontMatter.Error("entry-requirements", "'entry-requirements' is missing or empty: list what someone needs before they can start, or 'None' when nothing is needed");
        var after = frontMatter.StringList("after");
        if (after.Count == 0)
            frontMatter.Error("after", "'after' is missing or empty: list what someone can do once they have it, such as jobs or further study");
        foreach (var item in entryRequirements.Concat(after).Where(i => i.Length > 300))
            frontMatter.Error(entryRequirements.Contains(item) ? "entry-requirements" : "after", $"an item is {item.Length} characters long; the most allowed is 300");
        var includes = frontMatter.StringList("includes");
        var delegatedActivities = frontMatter.StringList("delegated-activities");
        var coversCareCertificate = frontMatter.OptionalBool("covers-care-certificate", missing: false);
        var durationText = frontMatter.OptionalString("duration-text", maxLength: 100);

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
            Html: markdown.ToHtml(document.Body, document.BodyLine, document.FrontMatter.ErrorAt),
            Version: document.Version,
            SourceFile: document.File)
        {
            Provenance = provenance,
            StandardUrl = standard,
            Funding = funding,
            EntryRequirements = entryRequirements,
            After = after,
            Includes = [.. includes.Distinct(StringComparer.Ordinal)],
            IncludesLine = frontMatter.LineOf("includes"),
            DelegatedActivities = [.. delegatedActivities.Distinct(StringComparer.Ordinal)],
            DelegatedActivitiesLine = frontMatter.LineOf("delegated-activities"),
            CoversCareCertificate = coversCareCertificate,
            DurationText = durationText,
        };
    }
}
