using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Holds the current content. Load at start-up so the site refuses to start on invalid content;
/// load again to pick up edits. A failed load keeps the content that was already there.
/// </summary>
/// <param name="minimumWage">The legal pay floor every job's pay is checked against; null checks no pay.</param>
/// <param name="operatorDetails">Who runs the portal, for the privacy notice and accessibility statement.</param>
public sealed class ContentStore(
    string rootPath,
    TimeProvider clock,
    ILogger<ContentStore> logger,
    Portal.Domain.Talent.MinimumWage? minimumWage = null,
    OperatorDetails? operatorDetails = null)
{
    private readonly ContentLoader _loader = new(minimumWage, operatorDetails);
    private readonly Lock _gate = new();
    private ContentSet? _current;

    /// <summary>Raised after every successful <see cref="Load"/>, including the first, with the new set.</summary>
    public event EventHandler<ContentSet>? Reloaded;

    /// <summary>The content folder, as a full path.</summary>
    public string RootPath { get; } = rootPath;

    public ContentSet Current =>
        Volatile.Read(ref _current) ?? throw new InvalidOperationException("Content has not been loaded yet: call ContentStore.Load() at start-up.");

    /// <summary>Reads the whole folder and, if it is valid, makes it current.</summary>
    /// <exception cref="ContentValidationException">The content has errors; <see cref="Current"/> is unchanged.</exception>
    public ContentSet Load()
    {
        ContentSet set;
        // The markdown renderer is single-threaded, and two loads racing could leave the older one current.
        lock (_gate)
        {
            set = _loader.Load(RootPath, clock.GetUtcNow().UtcDateTime);
            Volatile.Write(ref _current, set);
        }
        foreach (var warning in set.Warnings)
            logger.LogWarning("Content warning: {Warning}", warning.ToString());
        logger.LogInformation("Loaded content version {Version} from {Path}: {Pages} pages, {Roles} roles, {Programmes} programmes, {Modules} training modules", set.Version, RootPath, set.Pages.Count, set.Roles.Count, set.Programmes.Count, set.Modules.Count);
        Reloaded?.Invoke(this, set);
        return set;
    }

    /// <summary>Where the content folder is: the configured path, else content/ in or beside the content root.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder exists at the configured path or at any default.</exception>
    internal static string FindRoot(string? configuredPath, string contentRootPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var configured = Path.GetFullPath(configuredPath, contentRootPath);
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"The content folder '{configured}' set in {ContentOptions.Section}:Path does not exist.");
        }
        string[] tried = [Path.GetFullPath("content", contentRootPath), Path.GetFullPath(Path.Combine("..", "content"), contentRootPath)];
        return tried.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException(
                $"No content folder found. Tried: {string.Join(", ", tried)}. Set {ContentOptions.Section}:Path to the folder that holds the Markdown content.");
    }
}
