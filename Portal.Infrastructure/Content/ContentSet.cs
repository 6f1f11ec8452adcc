namespace Portal.Infrastructure.Content;

/// <summary>
/// Everything in content/, parsed, validated and rendered. Immutable: a reload builds a new set
/// and swaps it in whole, so a request never sees half of one version and half of another.
/// </summary>
/// <param name="Pages">Info pages by slug.</param>
/// <param name="Roles">Career roles and entry points by slug.</param>
/// <param name="Programmes">Qualifications, apprenticeships and programmes by slug.</param>
/// <param name="Routes">Route files by slug.</param>
/// <param name="Modules">Training modules by slug.</param>
/// <param name="Competencies">Delegated healthcare activities signed off by observation, by slug.</param>
/// <param name="Planner">Plans over every role and every step of every route; one per content version, safe to share.</param>
/// <param name="Version">Changes whenever any content file changes, is added, removed or renamed.</param>
public sealed record ContentSet(
    IReadOnlyDictionary<string, InfoPage> Pages,
    IReadOnlyDictionary<string, CareerRole> Roles,
    IReadOnlyDictionary<string, Programme> Programmes,
    IReadOnlyDictionary<string, CareerRoute> Routes,
    IReadOnlyDictionary<string, LearningModule> Modules,
    IReadOnlyDictionary<string, Competency> Competencies,
    Portal.Domain.Pathways.RoutePlanner Planner,
    string Version,
    DateTime LoadedAtUtc)
{
    /// <summary>Problems to fix soon that do not stop the site, such as a file whose facts were last checked over a year ago.</summary>
    public IReadOnlyList<ContentWarning> Warnings { get; init; } = [];

    /// <summary>Everyday words the job search understands, from search/.</summary>
    public SearchWords SearchWords { get; init; } = SearchWords.None;

    /// <summary>Other issuers' achievements that count as our modules, from passport/equivalences.yml.</summary>
    public Portal.Domain.Passport.Equivalences Equivalences { get; init; } = Portal.Domain.Passport.Equivalences.None;

    /// <summary>Each module's own refresh interval, before any organisation's override.</summary>
    public Portal.Domain.Training.RefreshPolicy RefreshDefaults { get; } =
        new(Modules.ToDictionary(m => m.Key, m => m.Value.RefreshMonths, StringComparer.Ordinal));
}
