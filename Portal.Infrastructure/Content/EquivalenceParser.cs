using System.Globalization;
using Portal.Domain.Passport;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Reads content/passport/equivalences.yml: which other issuers' achievements count as our
/// modules, by exact achievement id or by alignment to Care Certificate standards. Every problem
/// names the file and line, like any other content; a missing file means no equivalences.
/// </summary>
internal static class EquivalenceParser
{
    public const string File = "passport/equivalences.yml";

    private static readonly string[] Keys = ["module", "achievement-ids", "care-certificate-standards"];

    public static Equivalences Load(string root, IReadOnlyDictionary<string, LearningModule> modules, List<ContentError> errors)
    {
        var path = Path.Combine(root, File);
        if (!System.IO.File.Exists(path))
            return Equivalences.None;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(System.IO.File.ReadAllText(path)));
        }
        catch (YamlException e)
        {
            errors.Add(new(File, (int)e.Start.Line, $"YAML syntax error at column {e.Start.Column}: {e.Message}"));
            return Equivalences.None;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode top
            || !top.Children.TryGetValue(new YamlScalarNode("equivalences"), out var listNode))
        {
            errors.Add(new(File, 1, "the file must have an 'equivalences:' list, each item with 'module:' and 'achievement-ids:' or 'care-certificate-standards:'"));
            return Equivalences.None;
        }
        if (listNode is not YamlSequenceNode list)
        {
            errors.Add(new(File, Line(listNode), "'equivalences' must be a list: each item starts with '- module:'"));
            return Equivalences.None;
        }
        var entries = new List<Equivalence>();
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
            {
                errors.Add(new(File, Line(item), "each item must be 'module:' with 'achievement-ids:' or 'care-certificate-standards:'"));
                continue;
            }
            foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !Keys.Contains(k.Value, StringComparer.Ordinal)))
                errors.Add(new(File, Line(key), $"'{key.Value}' is not a key of an equivalence; use {string.Join(", ", Keys.Select(k => $"'{k}'"))}"));
            var module = Scalar(map, "module");
            if (module is null)
            {
                errors.Add(new(File, Line(map), "'module' is missing: the slug of our module these achievements count as"));
                continue;
            }
            if (!modules.ContainsKey(module.Value ?? ""))
            {
                errors.Add(new(File, Line(module), $"there is no training module '{module.Value}' in learn/; 'module' names modules by their slug"));
                continue;
            }
            var ids = new List<string>();
            foreach (var id in Sequence(map, "achievement-ids", errors))
            {
                if (id.Value is not { Length: > 0 and <= Recognition.MaxCredentialIdLength } text || !Uri.TryCreate(text, UriKind.Absolute, out _))
                    errors.Add(new(File, Line(id), "each achievement id is the full address or urn the other issuer's credentials carry in 'achievement.id'"));
                else if (seenIds.TryGetValue(text, out var first))
                    errors.Add(new(File, Line(id), $"this achievement id is already listed on line {first}; an achievement counts as one module"));
                else
                {
                    seenIds[text] = Line(id);
                    ids.Add(text);
                }
            }
            var standards = new List<int>();
            foreach (var standard in Sequence(map, "care-certificate-standards", errors))
            {
                if (!int.TryParse(standard.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !LearnVocabulary.CareCertificateStandards.ContainsKey(n))
                    errors.Add(new(File, Line(standard), $"'{standard.Value}' is not a Care Certificate standard; use their numbers, 1 to {LearnVocabulary.CareCertificateStandards.Count}"));
                else
                    standards.Add(n);
            }
            if (ids.Count == 0 && standards.Count == 0)
                errors.Add(new(File, Line(map), $"the equivalence for '{module.Value}' names no achievement: add 'achievement-ids' or 'care-certificate-standards'"));
            else
                entries.Add(new Equivalence(module.Value!, ids, standards));
        }
        return new Equivalences(entries);
    }

    private static YamlScalarNode? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlScalarNode : null;

    private static IEnumerable<YamlScalarNode> Sequence(YamlMappingNode map, string key, List<ContentError> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            return [];
        if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode))
            return sequence.Children.Cast<YamlScalarNode>();
        errors.Add(new(File, Line(node), $"'{key}' must be a list, like [1, 2] or one '- item' per line"));
        return [];
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
