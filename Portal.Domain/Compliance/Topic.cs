namespace Portal.Domain.Compliance;

/// <summary>A required topic: a module or competency slug, with its kind.</summary>
public readonly record struct Topic(TopicKind Kind, string Slug)
{
    /// <summary>A stable key for forms and exports: "module:safeguarding-adults", "competency:catheter-care".</summary>
    public string Key => $"{(Kind == TopicKind.Module ? "module" : "competency")}:{Slug}";

    public static Topic? Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1)
            return null;
        return key[..colon] switch
        {
            "module" => new Topic(TopicKind.Module, key[(colon + 1)..]),
            "competency" => new Topic(TopicKind.Competency, key[(colon + 1)..]),
            _ => null,
        };
    }
}
