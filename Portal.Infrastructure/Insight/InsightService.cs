using Microsoft.EntityFrameworkCore;
using Portal.Domain.Insight;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// The insight figures, read from the rollups (<see cref="InsightRollupJob"/>) and shown only as
/// <see cref="SmallNumbers"/> allows: no method here returns a raw count of people.
/// </summary>
public sealed class InsightService(PortalDbContext db, OrganisationService organisations, ContentStore content, InsightFiguresCache figures)
{
    /// <summary>Who is asking. City-wide figures are for analysts and admins; others see the organisations they manage or recruit for.</summary>
    public sealed record Viewer(string UserId, bool SeesCity);

    /// <summary>What a figure covers: the city, or one organisation (with the city beside it).</summary>
    public sealed record Scope(Guid? OrganisationId, string Name);

    public sealed record MonthFigures(DateOnly Month, ShownCount Learners, ShownCount FirstTimeLearners, ShownCount Completions);

    /// <summary>A whole period. No "learners" total: the same person learns in many months, so it is not a sum of them.</summary>
    public sealed record PeriodTotal(ShownCount FirstTimeLearners, ShownCount Completions);

    public sealed record ModuleFigures(string Module, string Title, IReadOnlyList<string> Topics, ShownCount Completions, ShownCount Before);

    public sealed record TopicFigures(string Topic, ShownCount Completions, ShownCount Before);

    /// <param name="City">The city's months beside an organisation's, for comparison; null when the scope is the city.</param>
    /// <param name="AsOfUtc">When the rollups were last worked out; null before the first run.</param>
    public sealed record LearningReach(
        Scope Scope, MonthRange Range, IReadOnlyList<MonthFigures> Months, IReadOnlyList<MonthFigures> MonthsBefore,
        PeriodTotal Total, PeriodTotal TotalBefore, IReadOnlyList<MonthFigures>? City,
        IReadOnlyList<ModuleFigures> Modules, IReadOnlyList<TopicFigures> Topics, DateTime? AsOfUtc);

    // A page asks for the scopes to fill its filter, and the service it calls asks again to check the
    // one chosen; the service lives for one request, so the second answer is the first one kept.
    private (Viewer Viewer, IReadOnlyList<Scope> Scopes)? _scopes;

    /// <summary>The scopes this person may choose, the city first when they may see it.</summary>
    public async Task<IReadOnlyList<Scope>> ScopesAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (_scopes is { } kept && kept.Viewer == viewer)
            return kept.Scopes;
        var scopes = await LoadScopesAsync(viewer, cancellationToken);
        _scopes = (viewer, scopes);
        return scopes;
    }

    private async Task<IReadOnlyList<Scope>> LoadScopesAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var mine = organisations.OrganisationsOf(viewer.UserId, MembershipRole.Manager)
            .Concat(organisations.OrganisationsOf(viewer.UserId, MembershipRole.Recruiter))
            .Concat(organisations.OrganisationsOf(viewer.UserId, MembershipRole.Navigator));
        var named = await db.Set<Organisation>().AsNoTracking().Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new Scope(o.Id, o.Name)).ToListAsync(cancellationToken);
        return viewer.SeesCity ? [new Scope(null, "The whole city"), .. named] : named;
    }

    /// <param name="organisationId">Null for the city. An organisation the viewer does not manage or recruit for is not found.</param>
    public async Task<Result<LearningReach>> LearningReachAsync(Viewer viewer, Guid? organisationId, MonthRange range, CancellationToken cancellationToken = default)
    {
        var scope = (await ScopesAsync(viewer, cancellationToken)).FirstOrDefault(s => s.OrganisationId == organisationId);
        if (scope is null)
            return Result.NotFound();
        var key = organisationId ?? LearningMonth.City;
        var before = range.Before;

        // The same for every viewer of the scope until the next run: kept (the modules' titles and
        // topics are the content's, so they are looked up each view).
        var ((months, moduleRows), _) = await figures.GetAsync(db, (nameof(LearningReachAsync), key, range), async ct =>
        {
            var months = await db.Set<LearningMonth>().AsNoTracking()
                .Where(m => (m.OrganisationId == key || m.OrganisationId == LearningMonth.City) && m.Month >= before.First && m.Month <= range.Last)
                .Select(m => new LearningRow(m.OrganisationId, m.Month, m.Learners, m.FirstTimeLearners, m.Completions, m.ComputedAtUtc))
                .ToListAsync(ct);
            var modules = await db.Set<ModuleMonth>().AsNoTracking()
                .Where(m => m.OrganisationId == key && m.Month >= before.First && m.Month <= range.Last)
                .GroupBy(m => new { m.ModuleSlug, Now = m.Month >= range.First })
                .Select(g => new ModuleRow(g.Key.ModuleSlug, g.Key.Now, g.Sum(m => m.Completions)))
                .ToListAsync(ct);
            return (new LearningRows(months, modules), months.Count + modules.Count);
        }, cancellationToken);
        var asOf = months.Count == 0 ? (DateTime?)null : months.Max(m => m.ComputedAtUtc);
        IReadOnlyList<MonthFigures> Series(Guid organisation, MonthRange within) => [.. within.Each().Select(month =>
        {
            var row = months.FirstOrDefault(m => m.OrganisationId == organisation && m.Month == month);
            return new MonthFigures(month, SmallNumbers.Show(row?.Learners ?? 0), SmallNumbers.Show(row?.FirstTimeLearners ?? 0), SmallNumbers.Show(row?.Completions ?? 0));
        })];

        // Summed from raw counts and rounded once, never added up from rounded cells.
        PeriodTotal Total(MonthRange within)
        {
            var rows = months.Where(m => m.OrganisationId == key && within.Contains(m.Month)).ToList();
            return new PeriodTotal(SmallNumbers.Show(rows.Sum(r => r.FirstTimeLearners)), SmallNumbers.Show(rows.Sum(r => r.Completions)));
        }

        var catalogue = content.Current.Modules;
        var modules = moduleRows.GroupBy(m => m.ModuleSlug).Select(g =>
            {
                var now = g.Where(r => r.Now).Sum(r => r.Completions);
                var then = g.Where(r => !r.Now).Sum(r => r.Completions);
                catalogue.TryGetValue(g.Key, out var module);
                return (Raw: now, Figures: new ModuleFigures(g.Key, module?.Title ?? g.Key, module?.Topics ?? [], SmallNumbers.Show(now), SmallNumbers.Show(then)), RawBefore: then);
            })
            .OrderByDescending(m => m.Raw).ThenBy(m => m.Figures.Title, StringComparer.Ordinal)
            .ToList();
        var topics = modules.SelectMany(m => m.Figures.Topics.Select(t => (Topic: t, m.Raw, m.RawBefore)))
            .GroupBy(t => t.Topic)
            .Select(g => (Raw: g.Sum(t => t.Raw), Figures: new TopicFigures(g.Key, SmallNumbers.Show(g.Sum(t => t.Raw)), SmallNumbers.Show(g.Sum(t => t.RawBefore)))))
            .OrderByDescending(t => t.Raw).ThenBy(t => t.Figures.Topic, StringComparer.Ordinal)
            .Select(t => t.Figures).ToList();

        return Result.Done(new LearningReach(
            scope, range, Series(key, range), Series(key, before), Total(range), Total(before),
            organisationId is null ? null : Series(LearningMonth.City, range),
            [.. modules.Select(m => m.Figures)], topics, asOf));
    }

    private sealed record LearningRow(Guid OrganisationId, DateOnly Month, int Learners, int FirstTimeLearners, int Completions, DateTime ComputedAtUtc);

    private sealed record ModuleRow(string ModuleSlug, bool Now, int Completions);

    private sealed record LearningRows(IReadOnlyList<LearningRow> Months, IReadOnlyList<ModuleRow> Modules);
}
