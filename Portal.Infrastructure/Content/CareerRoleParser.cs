namespace Portal.Infrastructure.Content;

internal sealed class CareerRoleParser(MarkdownRenderer markdown) : ContentParser<CareerRole>("careers/roles")
{
    private static readonly string[] JobOnlyKeys = ["pay", "hours", "shifts", "required-training", "required-competencies"];

    protected override CareerRole Parse(ContentDocument document, string slug)
    {
        var frontMatter = document.FrontMatter;
        var entryPoint = frontMatter.OptionalBool("entry-point", missing: false);
        var payReader = frontMatter.OptionalMapping("pay");
        PayRange? pay = null;
        if (payReader is not null)
        {
            pay = new PayRange(
                payReader.RequiredDecimal("hourly-from", 5m, 200m),
                payReader.RequiredDecimal("hourly-to", 5m, 200m),
                payReader.OptionalInt("nhs-band", 1, 9))
            {
                Note = payReader.OptionalString("note", maxLength: 300),
            };
            if (pay.HourlyTo < pay.HourlyFrom)
                frontMatter.Error("pay", $"'pay.hourly-to' ({pay.HourlyTo}) is less than 'pay.hourly-from' ({pay.HourlyFrom})");
        }

        var hours = frontMatter.OptionalString("hours", maxLength: 200);
        var shifts = frontMatter.ChoiceList("shifts", CareerVocabulary.Shifts, required: !entryPoint);
        // An entry point is where someone starts, not a job: it has no pay, hours or shifts of its own.
        if (entryPoint)
        {
            foreach (var key in JobOnlyKeys.Where(frontMatter.Has))
                frontMatter.Error(key, $"'{key}' does not belong on an entry point (entry-point: true); remove it");
        }
        else
        {
            if (pay is null)
                frontMatter.Error("pay", "'pay' is missing: give 'hourly-from' and 'hourly-to' (and 'nhs-band' where one applies)");
            if (hours is null)
                frontMatter.Error("hours", "'hours' is missing: say the usual hours, like 'Full or part time, 16 to 40 hours a week'");
        }

        var requiredTraining = frontMatter.StringList("required-training");
        foreach (var duplicate in requiredTraining.GroupBy(m => m, StringComparer.Ordinal).Where(g => g.Count() > 1))
            frontMatter.Error("required-training", $"'{duplicate.Key}' is listed more than once in 'required-training'; list it once");
        var requiredCompetencies = frontMatter.StringList("required-competencies");
        foreach (var duplicate in requiredCompetencies.GroupBy(m => m, StringComparer.Ordinal).Where(g => g.Count() > 1))
            frontMatter.Error("required-competencies", $"'{duplicate.Key}' is listed more than once in 'required-competencies'; list it once");
        var requirements = frontMatter.StringList("entry-requirements");
        var sector = frontMatter.RequiredChoice("sector", CareerVocabulary.Sectors);
        var pathwayCategory = frontMatter.OptionalString("pathway-category", maxLength: 40);
        if (pathwayCategory is not null && !CareerVocabulary.PathwayCategories.ContainsKey(pathwayCategory))
            frontMatter.Error("pathway-category", $"'pathway-category' must be one of the Care Workforce Pathway's role categories: {string.Join(", ", CareerVocabulary.PathwayCategories.Keys)}; not '{pathwayCategory}'");
        else if (pathwayCategory is not null && sector == "nhs")
            frontMatter.Error("pathway-category", "the Care Workforce Pathway is for adult social care; an NHS job has no 'pathway-category', so remove it or change 'sector'");
        var provenance = Provenance.Read(frontMatter);
        foreach (var requirement in requirements.Where(r => r.Length > 200))
            frontMatter.Error("entry-requirements", $"an entry requirement is {requirement.Length} characters long; the most allowed is 200");

        return new CareerRole(
            Slug: slug,
            Title: frontMatter.RequiredString("title", maxLength: 80),
            Summary: frontMatter.RequiredString("summary", maxLength: 200),
            Sector: sector,
            Settings: frontMatter.ChoiceList("settings", CareerVocabulary.Settings, required: true),
            Level: frontMatter.RequiredInt("level", 0, 7),
            EntryPoint: entryPoint,
            NoQualificationsNeeded: frontMatter.RequiredBool("no-qualifications-needed"),
            Pay: pay,
            Hours: hours,
            Shifts: shifts,
            EntryRequirements: requirements,
            Html: markdown.ToHtml(document.Body, document.BodyLine, document.FrontMatter.ErrorAt),
            Version: document.Version,
            SourceFile: document.File)
        {
            RequiredTraining = [.. requiredTraining.Distinct(StringComparer.Ordinal)],
            RequiredTrainingLine = frontMatter.LineOf("required-training"),
            RequiredCompetencies = [.. requiredCompetencies.Distinct(StringComparer.Ordinal)],
            RequiredCompetenciesLine = frontMatter.LineOf("required-competencies"),
            PayLine = payReader?.LineOf("hourly-from") ?? frontMatter.LineOf("pay"),
            PathwayCategory = pathwayCategory,
            Provenance = provenance,
        };
    }
}
