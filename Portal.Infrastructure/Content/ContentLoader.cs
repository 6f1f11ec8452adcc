using System.Globalization;
using System.Text;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Reads, validates and renders the whole content folder in one pass. It never stops at the first
/// problem: authors fix content in batches, and a list of every error saves a round trip per mistake.
/// </summary>
internal sealed class ContentLoader
{
    private const string Delimiter = "---";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Adding a kind: a parser field, its folder in `folders`, and a ContentSet property filled in Load.
    private readonly CareerRoleParser _roles;
    private readonly ProgrammeParser _programmes;
    private readonly LearningModuleParser _modules;
    private readonly CompetencyParser _competencies;
    private readonly MarkdownRenderer _markdown;
    private readonly string[] _folders;
    private readonly MinimumWage? _minimumWage;
    private readonly OperatorDetails _operator;

    /// <param name="minimumWage">The legal pay floor every job's pay is checked against; null checks no pay.</param>
    /// <param name="operatorDetails">Who runs the portal, for the tokens in info pages; null leaves every token a placeholder.</param>
    public ContentLoader(MinimumWage? minimumWage = null, OperatorDetails? operatorDetails = null)
    {
        _minimumWage = minimumWage;
        _operator = operatorDetails ?? new OperatorDetails();
        _markdown = new MarkdownRenderer();
        _roles = new CareerRoleParser(_markdown);
        _programmes = new ProgrammeParser(_markdown);
        _modules = new LearningModuleParser(_markdown);
        _competencies = new CompetencyParser(_markdown);
        _folders = [InfoPageParser.FolderName, _roles.Folder, _programmes.Folder, CareerRouteParser.FolderName, _modules.Folder, _competencies.Folder, SearchWordsParser.FolderName];
    }

    /// <exception cref="ContentValidationException">The folder has at least one error.</exception>
    public ContentSet Load(string root, DateTime loadedAtUtc)
    {
        List<ContentError> errors = [];
        var documents = ReadAll(root, errors);
        _markdown.Media = ContentMedia.Read(root, errors);
        // A fresh route parser per load: it remembers each step's line only for this load's checks.
        var routeParser = new CareerRouteParser(_markdown);
        var parsedRoles = _roles.ParseAll(documents[_roles.Folder], errors);
        var parsedProgrammes = _programmes.ParseAll(documents[_programmes.Folder], errors);
        var parsedModules = _modules.ParseAll(documents[_modules.Folder], errors);
        var parsedCompetencies = _competencies.ParseAll(documents[_competencies.Folder], errors);
        var routes = routeParser.ParseAll(documents[routeParser.Folder], errors);
        var graph = CareerRouteChecks.Check(routes, parsedRoles, parsedProgrammes, parsedModules, routeParser.OriginOf, errors);
        foreach (var role in parsedRoles.Values.OrderBy(r => r.Slug, StringComparer.Ordinal))
        {
            foreach (var module in role.RequiredTraining.Where(m => !parsedModules.ContainsKey(m)))
                errors.Add(new(role.SourceFile, role.RequiredTrainingLine, $"there is no training module '{module}' in learn/; 'required-training' names modules by their slug"));
            foreach (var competency in role.RequiredCompetencies.Where(c => !parsedCompetencies.ContainsKey(c)))
                errors.Add(new(role.SourceFile, role.RequiredCompetenciesLine, $"there is no competency '{competency}' in competencies/; 'required-competencies' names them by their slug"));
        }
        CheckPay(parsedRoles.Values, DateOnly.FromDateTime(loadedAtUtc), errors);
        foreach (var programme in parsedProgrammes.Values.OrderBy(p => p.Slug, StringComparer.Ordinal))
        {
            foreach (var included in programme.Includes.Where(i => !parsedProgrammes.ContainsKey(i) || i == programme.Slug))
                errors.Add(new(programme.SourceFile, programme.IncludesLine, included == programme.Slug
                    ? "a programme cannot include itself; remove it from 'includes'"
                    : $"there is no programme '{included}' in careers/programmes/; 'includes' names programmes by their slug"));
            foreach (var slug in programme.DelegatedActivities)
            {
                if (!parsedCompetencies.TryGetValue(slug, out var competency))
                    errors.Add(new(programme.SourceFile, programme.DelegatedActivitiesLine, $"there is no competency '{slug}' in competencies/; 'delegated-activities' names them by their slug"));
                else if (!competency.IsDelegatedHealthcareActivity)
                    errors.Add(new(programme.SourceFile, programme.DelegatedActivitiesLine, $"'{slug}' is an ordinary care task ({competency.SourceFile} says 'kind: {competency.Kind}'), not a delegated healthcare activity; remove it from 'delegated-activities'"));
            }
        }
        foreach (var competency in parsedCompetencies.Values.OrderBy(c => c.Slug, StringComparer.Ordinal))
        {
            foreach (var module in competency.Modules.Where(m => !parsedModules.ContainsKey(m)))
                errors.Add(new(competency.SourceFile, competency.ModulesLine, $"there is no training module '{module}' in learn/; 'modules' names modules by their slug"));
        }
        var warnings = StaleReviews(parsedRoles, parsedProgrammes, routes, parsedModules, parsedCompetencies, DateOnly.FromDateTime(loadedAtUtc));
        // A fresh page parser per load: it adds this load's placeholder warnings.
        var pages = new InfoPageParser(_markdown, _operator, warnings);
        var set = new ContentSet(
            Pages: pages.ParseAll(documents[pages.Folder], errors),
            Roles: parsedRoles,
            Programmes: parsedProgrammes,
            Routes: routes,
            Modules: parsedModules,
            Competencies: parsedCompetencies,
            Planner: new Portal.Domain.Pathways.RoutePlanner(graph),
            Version: ContentVersion.OfSet(documents.SelectMany(folder => folder).Select(document => (document.File, document.Version))),
            LoadedAtUtc: loadedAtUtc)
        {
            Warnings = [.. warnings.OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.Line)],
            SearchWords = SearchWordsParser.ParseAll(documents[SearchWordsParser.FolderName], errors),
            Equivalences = EquivalenceParser.Load(root, parsedModules, errors),
        };
        if (errors.Count > 0)
            throw new ContentValidationException([.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)], set.Warnings);
        return set;
    }

    /// <summary>
    /// One module file on its own, as an earlier release served it, for marking a quiz answered on
    /// that text. Null when it no longer reads as a module (it was valid when it was served).
    /// </summary>
    internal static LearningModule? ParseModule(string file, string source)
    {
        List<ContentError> errors = [];
        var document = Read(file, Encoding.UTF8.GetBytes(source), errors);
        if (document is null)
            return null;
        var modules = new LearningModuleParser(new MarkdownRenderer()).ParseAll([document], errors);
        return errors.Count == 0 && modules.Count == 1 ? modules.Values.Single() : null;
    }

    /// <summary>No job may say it pays less than the law requires on the day the content is loaded.</summary>
    private void CheckPay(IEnumerable<CareerRole> roles, DateOnly today, List<ContentError> errors)
    {
        if (_minimumWage is null)
            return;
        foreach (var role in roles.Where(r => r.Pay is not null).OrderBy(r => r.Slug, StringComparer.Ordinal))
        {
            if (_minimumWage.Undercut(role.Pay!.HourlyFrom, today) is not { } floor)
                continue;
            errors.Add(new(role.SourceFile, role.PayLine, string.Create(CultureInfo.InvariantCulture,
                $"'pay.hourly-from' is {role.Pay.HourlyFrom:0.00}, below the National Living Wage of {floor.Age21AndOver:0.00} an hour in force since {floor.EffectiveFrom:yyyy-MM-dd}; a job must pay at least that to anyone aged 21 or over (the rates are the Talent:MinimumWage setting)")));
        }
    }

    /// <summary>Files whose facts were last checked more than a year before <paramref name="today"/>, in file order.</summary>
    private static List<ContentWarning> StaleReviews(
        IReadOnlyDictionary<string, CareerRole> roles,
        IReadOnlyDictionary<string, Programme> programmes,
        IReadOnlyDictionary<string, CareerRoute> routes,
        IReadOnlyDictionary<string, LearningModule> modules,
        IReadOnlyDictionary<string, Competency> competencies,
        DateOnly today)
    {
        IEnumerable<(string File, Provenance Provenance)> reviewed =
        [
            .. roles.Values.Select(r => (r.SourceFile, r.Provenance)),
            .. programmes.Values.Select(p => (p.SourceFile, p.Provenance)),
            .. routes.Values.Select(r => (r.SourceFile, r.Provenance)),
            .. modules.Values.Select(m => (m.SourceFile, m.Provenance)),
            .. competencies.Values.Select(c => (c.SourceFile, c.Provenance)),
        ];
        return
        [
            .. reviewed
                .Where(r => r.Provenance.Reviewed != DateOnly.MinValue && r.Provenance.IsStaleOn(today))
                .OrderBy(r => r.File, StringComparer.Ordinal)
                .Select(r => new ContentWarning(r.File, r.Provenance.ReviewedLine,
                    $"'reviewed' is {r.Provenance.Reviewed:yyyy-MM-dd}, more than {Provenance.FreshForMonths} months ago: check the facts against the sources again, then set 'reviewed' to the day you did")),
        ];
    }

    /// <summary>Splits a file into front matter and body; null when the front matter cannot be read.</summary>
    private static ContentDocument? Read(string file, byte[] bytes, List<ContentError> errors)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new(file, 1, "the file is not UTF-8 text; save it as UTF-8"));
            return null;
        }

        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].TrimEnd() != Delimiter)
        {
            errors.Add(new(file, 1, "the file must start with front matter: a '---' line, 'key: value' lines, then another '---' line"));
            return null;
        }
        var end = Array.FindIndex(lines, 1, line => line.TrimEnd() == Delimiter);
        if (end < 0)
        {
            errors.Add(new(file, 1, "the front matter that starts here is never closed: add a '---' line after it"));
            return null;
        }

        var frontMatter = FrontMatterReader.Parse(file, string.Join('\n', lines[1..end]), firstLine: 2, errors);
        var body = string.Join('\n', lines[(end + 1)..]);
        if (string.IsNullOrWhiteSpace(body))
            errors.Add(new(file, end + 1, "there is no text after the front matter, which ends on this line"));
        return frontMatter is null ? null : new ContentDocument(file, frontMatter, body, BodyLine: end + 2, ContentVersion.Of(bytes));
    }

    /// <summary>Every readable file, by the top-level folder that decides its kind.</summary>
    private ILookup<string, ContentDocument> ReadAll(string root, List<ContentError> errors)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive };
        var documents = new List<(string Folder, ContentDocument Document)>();
        foreach (var path in Directory.EnumerateFiles(root, "*.md", options).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(root, path).Replace('\\', '/');
            // Authors' guides live beside the content they describe.
            if (Path.GetFileName(file).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                continue;
            // A kind owns a folder such as "pages" or "careers/roles" and everything beneath it.
            var folder = _folders.FirstOrDefault(f => file.StartsWith(f + "/", StringComparison.Ordinal));
            if (folder is null)
            {
                var directory = Path.GetDirectoryName(file)?.Replace('\\', '/');
                var where = string.IsNullOrEmpty(directory) ? "content/ itself" : $"the folder '{directory}/'";
                errors.Add(new(file, 1, $"{where} holds no kind of content; move the file into one of: {string.Join(", ", _folders.Select(f => f + "/"))}"));
                continue;
            }
            if (Read(file, File.ReadAllBytes(path), errors) is { } document)
                documents.Add((folder, document));
        }
        return documents.ToLookup(entry => entry.Folder, entry => entry.Document, StringComparer.Ordinal);
    }
}
