using Portal.Domain.Compliance;
using Portal.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Compliance;

/// <summary>
/// One organisation's training rules: what each job requires (its own list, or the job role's
/// content defaults) and how often each module is redone (its own interval, or the module's). Topics
/// no longer in the content are left out, so a retired module never shows as missing.
/// </summary>
public sealed class OrganisationTraining
{
    private readonly ContentSet _content;
    private readonly Dictionary<string, IReadOnlyList<Topic>> _own;

    private OrganisationTraining(ContentSet content, Dictionary<string, IReadOnlyList<Topic>> own, RefreshPolicy refresh, IReadOnlyDictionary<string, int?> overrides)
    {
        this._content = content;
        this._own = own;
        Refresh = refresh;
        Overrides = overrides;
    }

    /// <summary>Refresh intervals as this organisation sees its staff: its own, else the modules'.</summary>
    public RefreshPolicy Refresh { get; }

    /// <summary>The organisation's own intervals, by module slug (null: once is enough).</summary>
    public IReadOnlyDictionary<string, int?> Overrides { get; }

    /// <param name="requirements">The organisation's own list per job (<see cref="JobRequirements"/> rows).</param>
    /// <param name="overrides">Its own refresh intervals per module (<see cref="RefreshOverride"/> rows).</param>
    public static OrganisationTraining From(ContentSet content, IEnumerable<(string JobRole, IReadOnlyList<Topic> Topics)> requirements, IEnumerable<(string ModuleSlug, int? Months)> overrides)
    {
        ArgumentNullException.ThrowIfNull(content);
        var ownOverrides = overrides.ToDictionary(o => o.ModuleSlug, o => o.Months, StringComparer.Ordinal);
        return new OrganisationTraining(content,
            requirements.ToDictionary(r => r.JobRole, r => (IReadOnlyList<Topic>)[.. r.Topics.Where(t => Exists(content, t))], StringComparer.Ordinal),
            content.RefreshDefaults.ForOrganisation(ownOverrides), ownOverrides);
    }

    /// <summary>
    /// Organisations' rules in two queries (their own job lists, their own refresh intervals): those
    /// named, each present even with nothing of its own, or with none named every organisation that
    /// has something of its own (the rest use <c>From(content, [], [])</c>). One organisation's
    /// page reads its rules in one query instead (<see cref="ComplianceService"/>).
    /// </summary>
    public static async Task<Dictionary<Guid, OrganisationTraining>> ForOrganisationsAsync(PortalDbContext db, ContentSet content, IReadOnlyCollection<Guid>? organisationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (organisationIds is { Count: 0 })
            return [];
        var lists = db.Set<JobRequirements>().AsNoTracking();
        var intervals = db.Set<RefreshOverride>().AsNoTracking();
        if (organisationIds is not null)
        {
            lists = lists.Where(r => organisationIds.Contains(r.OrganisationId));
            intervals = intervals.Where(o => organisationIds.Contains(o.OrganisationId));
        }
        var requirements = (await lists.Select(r => new { r.OrganisationId, r.JobRole, r.Modules, r.Competencies }).ToListAsync(cancellationToken))
            .ToLookup(r => r.OrganisationId, r => (r.JobRole, JobRequirements.TopicsOf(r.Modules, r.Competencies)));
        var overrides = (await intervals.Select(o => new { o.OrganisationId, o.ModuleSlug, o.Months }).ToListAsync(cancellationToken))
            .ToLookup(o => o.OrganisationId, o => (o.ModuleSlug, o.Months));
        var ids = organisationIds ?? [.. requirements.Select(l => l.Key).Union(overrides.Select(o => o.Key))];
        return ids.Distinct().ToDictionary(id => id, id => From(content, requirements[id], overrides[id]));
    }

    /// <summary>Whether the organisation has its own list for the job (rather than the defaults).</summary>
    public bool IsCustomised(string jobRole) => _own.ContainsKey(jobRole);

    /// <summary>What the job requires here.</summary>
    public IReadOnlyList<Topic> Required(string jobRole) =>
        _own.TryGetValue(jobRole, out var list) ? list : Defaults(_content, jobRole);

    /// <summary>What the job role's content says employers usually require.</summary>
    public static IReadOnlyList<Topic> Defaults(ContentSet content, string jobRole)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.Roles.TryGetValue(jobRole, out var role))
            return [];
        return
        [
            .. role.RequiredTraining.Where(content.Modules.ContainsKey).Select(s => new Topic(TopicKind.Module, s)),
            .. role.RequiredCompetencies.Where(content.Competencies.ContainsKey).Select(s => new Topic(TopicKind.Competency, s)),
        ];
    }

    public static bool Exists(ContentSet content, Topic topic)
    {
        ArgumentNullException.ThrowIfNull(content);
        return topic.Kind == TopicKind.Module ? content.Modules.ContainsKey(topic.Slug) : content.Competencies.ContainsKey(topic.Slug);
    }

    public static string Title(ContentSet content, Topic topic)
    {
        ArgumentNullException.ThrowIfNull(content);
        return topic.Kind == TopicKind.Module
            ? content.Modules.TryGetValue(topic.Slug, out var module) ? module.Title : topic.Slug
            : content.Competencies.TryGetValue(topic.Slug, out var competency) ? $"{competency.Title} (sign-off)" : topic.Slug;
    }

    /// <summary>Every topic in column order: modules by title, then competencies by title.</summary>
    public static IReadOnlyList<(Topic Topic, string Title)> AllTopics(ContentSet content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return
        [
            .. content.Modules.Values.OrderBy(m => m.Title, StringComparer.Ordinal).Select(m => (new Topic(TopicKind.Module, m.Slug), m.Title)),
            .. content.Competencies.Values.OrderBy(c => c.Title, StringComparer.Ordinal).Select(c => (new Topic(TopicKind.Competency, c.Slug), $"{c.Title} (sign-off)")),
        ];
    }
}
