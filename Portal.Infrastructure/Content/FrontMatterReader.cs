using System.Globalization;
using System.Numerics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Typed reads from front matter, or from a mapping nested inside it. A read that finds a problem
/// records it on the right line of the file and returns a fallback, so one load reports every problem.
/// Every key a kind reads counts as allowed, so a kind must read all of its keys, whatever their
/// values, before <see cref="ReportUnknownKeys"/> runs.
/// </summary>
internal sealed class FrontMatterReader
{
    private readonly string _file;
    private readonly string _prefix;
    private readonly int _lineOffset;
    private readonly List<ContentError> _errors;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _allowed = [];
    private readonly List<FrontMatterReader> _children = [];

    private FrontMatterReader(string file, YamlMappingNode? mapping, int line, int lineOffset, string prefix, List<ContentError> errors)
    {
        this._file = file;
        this._prefix = prefix;
        this._lineOffset = lineOffset;
        this._errors = errors;
        Line = line;
        if (mapping is null)
            return;
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } name })
                _entries[name] = (key, value);
            else
                Report(key, "a key must be a word followed by a colon, like 'title:'");
        }
    }

    /// <summary>The line this mapping starts on, where missing keys are reported.</summary>
    public int Line { get; }

    /// <summary>Parses the YAML between the front matter's '---' lines; null when it is not a readable mapping.</summary>
    /// <param name="firstLine">The line in the file where <paramref name="yaml"/> starts.</param>
    public static FrontMatterReader? Parse(string file, string yaml, int firstLine, List<ContentError> errors)
    {
        var offset = firstLine - 1;
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            errors.Add(new(file, (int)e.Start.Line + offset, $"YAML syntax error at column {e.Start.Column}: {e.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this, with no position, for some unclosed brackets.
            errors.Add(new(file, parser.LastLine + offset, "YAML syntax error on or after this line: check that every [, { and quote is closed"));
            return null;
        }

        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        if (root is not (null or YamlMappingNode))
        {
            errors.Add(new(file, (int)root.Start.Line + offset, "front matter must be 'key: value' lines"));
            return null;
        }
        // Missing keys are reported on the opening '---', the line just above the YAML.
        return new FrontMatterReader(file, (YamlMappingNode?)root, offset, offset, "", errors);
    }

    public string RequiredString(string key, int maxLength) => Text(key, maxLength, required: true) ?? "";

    public string? OptionalString(string key, int maxLength) => Text(key, maxLength, required: false);

    public DateOnly? OptionalDate(string key)
    {
        if (Value<YamlScalarNode>(key, "a date", required: false) is not { } node)
            return null;
        if (DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Report(node, $"'{_prefix}{key}' must be a date written yyyy-mm-dd, like 2025-01-31, not '{node.Value}'");
        return null;
    }

    public int RequiredInt(string key, int min, int max) =>
        Number(key, min, max, NumberStyles.AllowLeadingSign, "a whole number");

    public int? OptionalInt(string key, int min, int max) =>
        _entries.ContainsKey(key) ? RequiredInt(key, min, max) : MarkAllowed(key, (int?)null);

    public decimal RequiredDecimal(string key, decimal min, decimal max) =>
        Number(key, min, max, NumberStyles.AllowDecimalPoint, "a number like 12.60");

    public bool RequiredBool(string key) => Bool(key, required: true) ?? false;

    public bool OptionalBool(string key, bool missing) => Bool(key, required: false) ?? missing;

    /// <summary>One of a fixed set of words, such as a sector.</summary>
    public string RequiredChoice(string key, IReadOnlyCollection<string> choices)
    {
        var value = Text(key, maxLength: 100, required: true);
        if (value is not null && !choices.Contains(value))
            Error(key, $"'{_prefix}{key}' must be one of {string.Join(", ", choices)}, not '{value}'");
        return value ?? "";
    }

    /// <summary>A list whose items come from a fixed set; an unknown item is reported with the allowed ones.</summary>
    public IReadOnlyList<string> ChoiceList(string key, IReadOnlyCollection<string> choices, bool required)
    {
        if (required && !_entries.ContainsKey(key))
            _errors.Add(new(_file, Line, $"'{_prefix}{key}' is missing"));
        var items = StringList(key);
        foreach (var item in items.Where(i => !choices.Contains(i)))
            Error(key, $"'{item}' in '{_prefix}{key}' is not one of {string.Join(", ", choices)}");
        if (required && _entries.ContainsKey(key) && items.Count == 0)
            Error(key, $"'{_prefix}{key}' needs at least one of {string.Join(", ", choices)}");
        return items;
    }

    /// <summary>A list of text items; empty when the key is missing.</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        if (Value<YamlSequenceNode>(key, "a list", required: false) is not { } sequence)
            return [];
        var items = new List<string>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode scalar && !IsEmpty(scalar))
                items.Add(scalar.Value!.Trim());
            else
                Report(item, $"each item in '{_prefix}{key}' must be text, not {Describe(item)}");
        }
        return items;
    }

    /// <summary>A nested group of 'key: value' lines, whose missing keys are reported on this key's line; null when the key is missing.</summary>
    public FrontMatterReader? OptionalMapping(string key) =>
        Value<YamlMappingNode>(key, "a group of 'key: value' lines", required: false) is { } mapping
            ? Child(mapping, LineOf(key), $"{_prefix}{key}.")
            : null;

    /// <summary>A list of nested groups, such as quiz questions; empty when the key is missing.</summary>
    public IReadOnlyList<FrontMatterReader> MappingList(string key)
    {
        if (Value<YamlSequenceNode>(key, "a list", required: false) is not { } sequence)
            return [];
        var readers = new List<FrontMatterReader>();
        var number = 0;
        foreach (var item in sequence)
        {
            number++;
            if (item is YamlMappingNode mapping)
                readers.Add(Child(mapping, LineOf(mapping), $"{_prefix}{key}[{number}]."));
            else
                Report(item, $"item {number} of '{_prefix}{key}' must be a group of 'key: value' lines, not {Describe(item)}");
        }
        return readers;
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>True when the key is there but holds nothing: no value, or an empty list.</summary>
    public bool IsBlank(string key) =>
        _entries.TryGetValue(key, out var entry)
        && (entry.Value is YamlScalarNode scalar ? IsEmpty(scalar) : entry.Value is YamlSequenceNode { Children.Count: 0 });

    /// <summary>The line of a key, or of this mapping when the key is missing.</summary>
    public int LineOf(string key) => _entries.TryGetValue(key, out var entry) ? LineOf(entry.Key) : Line;

    /// <summary>Records a kind's own rule broken by a key's value.</summary>
    public void Error(string key, string message) => _errors.Add(new(_file, LineOf(key), message));

    /// <summary>Records a problem on a line of the file outside the front matter, such as in the body.</summary>
    public void ErrorAt(int line, string message) => _errors.Add(new(_file, line, message));

    public void ReportUnknownKeys()
    {
        foreach (var (name, entry) in _entries)
        {
            if (!_allowed.Contains(name))
                Report(entry.Key, $"unknown key '{_prefix}{name}'; the keys allowed here are: {string.Join(", ", _allowed)}");
        }
        foreach (var child in _children)
            child.ReportUnknownKeys();
    }

    private T Number<T>(string key, T min, T max, NumberStyles styles, string expected) where T : INumber<T>
    {
        if (Value<YamlScalarNode>(key, expected, required: true) is not { } node)
            return min;
        if (!T.TryParse(node.Value, styles, CultureInfo.InvariantCulture, out var value))
        {
            Report(node, $"'{_prefix}{key}' must be {expected}, not '{node.Value}'");
            return min;
        }
        if (value < min || value > max)
            Report(node, $"'{_prefix}{key}' must be from {min} to {max}, not {value}");
        return value;
    }

    private bool? Bool(string key, bool required)
    {
        if (Value<YamlScalarNode>(key, "true or false", required) is not { } node)
            return null;
        if (bool.TryParse(node.Value, out var value))
            return value;
        Report(node, $"'{_prefix}{key}' must be true or false, not '{node.Value}'");
        return null;
    }

    private T MarkAllowed<T>(string key, T value)
    {
        if (!_allowed.Contains(key))
            _allowed.Add(key);
        return value;
    }

    private string? Text(string key, int maxLength, bool required)
    {
        if (Value<YamlScalarNode>(key, "text", required) is not { } node)
            return null;
        var value = node.Value!.Trim();
        if (value.Length > maxLength)
            Report(node, $"'{_prefix}{key}' is {value.Length} characters long; the most allowed is {maxLength}");
        return value;
    }

    private T? Value<T>(string key, string expected, bool required) where T : YamlNode
    {
        if (!_allowed.Contains(key))
            _allowed.Add(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            if (required)
                _errors.Add(new(_file, Line, $"'{_prefix}{key}' is missing"));
            return null;
        }
        if (entry.Value is YamlScalarNode scalar && IsEmpty(scalar))
        {
            if (required)
                Report(entry.Key, $"'{_prefix}{key}' is empty");
            return null;
        }
        if (entry.Value is T value)
            return value;
        Report(entry.Value, $"'{_prefix}{key}' must be {expected}, not {Describe(entry.Value)}");
        return null;
    }

    private FrontMatterReader Child(YamlMappingNode mapping, int line, string childPrefix)
    {
        var child = new FrontMatterReader(_file, mapping, line, _lineOffset, childPrefix, _errors);
        _children.Add(child);
        return child;
    }

    private static bool IsEmpty(YamlScalarNode scalar) =>
        string.IsNullOrWhiteSpace(scalar.Value)
        || (scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a group of 'key: value' lines",
        YamlScalarNode scalar when IsEmpty(scalar) => "empty",
        _ => "text",
    };

    private int LineOf(YamlNode node) => (int)node.Start.Line + _lineOffset;

    private void Report(YamlNode node, string message) => _errors.Add(new(_file, LineOf(node), message));

    /// <summary>Remembers how far parsing got, for the errors YamlDotNet raises without a position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public int LastLine { get; private set; } = 1;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (moved && inner.Current is { } current)
                LastLine = (int)current.Start.Line;
            return moved;
        }
    }
}
