namespace Portal.Domain.Training.Offline;

/// <summary>
/// A training module's source as it was at one version, kept while a phone may still hold that
/// version: a quiz answered offline on it is marked against it after a release has replaced it.
/// In the database, not in memory, because a release is a restart.
/// </summary>
public sealed class ModuleText
{
    /// <summary>Far beyond any module (a long one is 20,000 characters), and a bound every database keeps.</summary>
    public const int MaxSourceLength = 1_000_000;

    private ModuleText()
    {
    }

    public string ModuleSlug { get; private set; } = "";
    public string Version { get; private set; } = "";

    /// <summary>The module's file as served, front matter and all.</summary>
    public string Source { get; private set; } = "";

    /// <summary>Its path in the content folder, for messages about it.</summary>
    public string File { get; private set; } = "";

    public DateTime FirstServedAtUtc { get; private set; }

    /// <summary>When a newer text replaced it; null while it is the text being served.</summary>
    public DateTime? SupersededAtUtc { get; private set; }

    public static ModuleText Served(string moduleSlug, string version, string file, string source, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(moduleSlug);
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (source.Length > MaxSourceLength)
            throw new ArgumentException("The module's text is too long to keep.", nameof(source));
        if (moduleSlug.Length > ModuleProgress.MaxSlugLength)
            throw new ArgumentException("The module's slug is too long.", nameof(moduleSlug));
        return new ModuleText { ModuleSlug = moduleSlug, Version = version, File = file, Source = source, FirstServedAtUtc = utcNow };
    }

    /// <summary>A newer text is served from now on. Only the first replacement counts: the window runs from then.</summary>
    public void Supersede(DateTime utcNow) => SupersededAtUtc ??= utcNow;
}
