using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Training.Offline;

/// <summary>
/// The texts of modules that a content reload replaced, with when: a quiz answered offline on the old
/// text is marked against that text while it still counts. Kept in memory, so a restart forgets them
/// and such a quiz is then asked again (the kind answer, never a wrong mark).
/// </summary>
public sealed class ModuleVersions
{
    private readonly ConcurrentDictionary<(string Slug, string Version), (LearningModule Module, DateTime SupersededAtUtc)> _superseded = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _window;
    private ContentSet? _last;

    public ModuleVersions(ContentStore content, TimeProvider clock, IOptions<OfflineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _window = options.Value.OfflineVersionWindow;
        try
        {
            _last = content.Current;
        }
        catch (InvalidOperationException)
        {
            // Not loaded yet: the first load is the baseline.
        }
        content.Reloaded += (_, set) => Replace(set);
    }

    private void Replace(ContentSet set)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (_last is not null)
            {
                foreach (var old in _last.Modules.Values)
                {
                    if (!set.Modules.TryGetValue(old.Slug, out var current) || current.Version != old.Version)
                        _superseded.TryAdd((old.Slug, old.Version), (old, now));
                }
            }
            _last = set;
            foreach (var stale in _superseded.Where(s => now - s.Value.SupersededAtUtc > _window).Select(s => s.Key).ToList())
                _superseded.TryRemove(stale, out _);
        }
    }

    /// <summary>The module's text at <paramref name="version"/> if it was replaced, and when; null if never seen.</summary>
    public (LearningModule Module, DateTime SupersededAtUtc)? Superseded(string slug, string version) =>
        _superseded.TryGetValue((slug, version), out var found) ? found : null;
}
