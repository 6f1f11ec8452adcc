using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Training.Offline;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Training.Offline;

/// <summary>
/// The texts of modules that a release (or a content reload) replaced, with when: a quiz answered
/// offline on an old text is marked against that text while it still counts. The texts live in the
/// database, since a release is a restart and every node must answer alike; each is parsed once here.
/// </summary>
public sealed class ModuleVersions(ContentStore content, TimeProvider clock, IOptions<OfflineOptions> options)
{
    private readonly ConcurrentDictionary<(string Slug, string Version), LearningModule?> _parsed = new();

    /// <summary>
    /// Notes the texts now served and marks those they replaced; texts replaced longer ago than the
    /// window go. Run at start-up and after each reload, on every node: running it twice changes nothing.
    /// </summary>
    public async Task RecordAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = content.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var known = (await db.Set<ModuleText>().Select(t => new { t.ModuleSlug, t.Version }).ToListAsync(cancellationToken))
            .Select(t => (t.ModuleSlug, t.Version)).ToHashSet();
        List<string> adding = [];
        foreach (var module in set.Modules.Values.Where(m => !known.Contains((m.Slug, m.Version))))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(content.RootPath, module.SourceFile), cancellationToken);
            // Edited again since it was loaded: the next load notes that text.
            if (ContentVersion.Of(bytes) == module.Version)
            {
                db.Add(ModuleText.Served(module.Slug, module.Version, module.SourceFile, Encoding.UTF8.GetString(bytes), now));
                adding.Add(module.Slug + "/" + module.Version);
            }
        }
        foreach (var text in await db.Set<ModuleText>().Where(t => t.SupersededAtUtc == null).ToListAsync(cancellationToken))
        {
            if (!set.Modules.TryGetValue(text.ModuleSlug, out var current) || current.Version != text.Version)
                text.Supersede(now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node noted the same texts a moment ago; anything else is a real failure.
            db.ChangeTracker.Clear();
            var nowKnown = await db.Set<ModuleText>().CountAsync(t => adding.Contains(t.ModuleSlug + "/" + t.Version), cancellationToken);
            if (nowKnown < adding.Count)
                throw;
        }
        var gone = now - options.Value.OfflineVersionWindow;
        await db.Set<ModuleText>().Where(t => t.SupersededAtUtc < gone).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Notes the texts served now, after the schema is in place, and again after every reload.</summary>
    public static async Task RecordOnEveryLoadAsync(IServiceProvider services)
    {
        var versions = services.GetRequiredService<ModuleVersions>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        await RecordInScopeAsync(versions, scopes);
        services.GetRequiredService<ContentStore>().Reloaded += (_, _) => RecordInScopeAsync(versions, scopes).GetAwaiter().GetResult();
    }

    private static async Task RecordInScopeAsync(ModuleVersions versions, IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        await versions.RecordAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>The module's text at <paramref name="version"/> if a newer one replaced it, and when; null if never served.</summary>
    public async Task<(LearningModule Module, DateTime SupersededAtUtc)?> SupersededAsync(PortalDbContext db, string slug, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = await db.Set<ModuleText>().AsNoTracking()
            .Where(t => t.ModuleSlug == slug && t.Version == version && t.SupersededAtUtc != null)
            .Select(t => new { t.File, t.Source, t.SupersededAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (text is null)
            return null;
        var module = _parsed.GetOrAdd((slug, version), _ => ContentLoader.ParseModule(text.File, text.Source));
        return module is null ? null : (module, text.SupersededAtUtc!.Value);
    }
}
