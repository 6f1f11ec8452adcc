using Portal.Domain.Pathways;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Route files. Each step remembers its line so that the loader, which checks steps against roles,
/// programmes and modules once every kind is read, can name the line an author must fix.
/// </summary>
internal sealed class CareerRouteParser(MarkdownRenderer markdown) : ContentParser<CareerRoute>(FolderName)
{
    public const string FolderName = "careers/routes";

    private readonly Dictionary<RouteStep, (string File, FrontMatterReader Reader)> _origins = new(ReferenceEqualityComparer.Instance);

    public (string File, FrontMatterReader Reader) OriginOf(RouteStep step) => _origins[step];

    protected override CareerRoute Parse(ContentDocument document, string slug)
    {
        var frontMatter = document.FrontMatter;
        var title = frontMatter.RequiredString("title", maxLength: 120);
        var summary = frontMatter.RequiredString("summary", maxLength: 200);
        var readers = frontMatter.MappingList("steps");
        if (readers.Count == 0)
            frontMatter.Error("steps", "'steps' is missing or empty: list at least one step with 'from', 'to' and 'months'");

        var steps = new List<RouteStep>();
        foreach (var reader in readers)
        {
            var from = reader.RequiredString("from", maxLength: 80);
            var to = reader.RequiredString("to", maxLength: 80);
            var months = reader.RequiredInt("months", 0, 240);
            var requirements = new StepRequirements
            {
                Programmes = reader.StringList("programmes"),
                Modules = reader.StringList("modules"),
                Checks = reader.ChoiceList("checks", RouteChecks.All, required: false),
                MinimumExperienceMonths = reader.OptionalInt("experience-months", 0, 240) ?? 0,
                DrivingLicence = reader.OptionalBool("driving-licence", missing: false),
            };
            var gains = reader.ChoiceList("gains", RouteChecks.All, required: false);
            foreach (var both in gains.Intersect(requirements.Checks, StringComparer.Ordinal))
                reader.Error("gains", $"'{both}' is both needed to start this step ('checks') and gained by it ('gains'); a result of the step cannot be a condition of starting it, so keep one");
            if (from.Length == 0 || to.Length == 0)
                continue;
            var step = new RouteStep(from, to, Math.Max(months, 0), requirements) { Gains = gains };
            _origins[step] = (document.File, reader);
            steps.Add(step);
        }

        return new CareerRoute(slug, title, summary, steps, markdown.ToHtml(document.Body, document.BodyLine, document.FrontMatter.ErrorAt), document.Version, document.File)
        {
            Provenance = Provenance.Read(frontMatter),
        };
    }
}
