using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// Bit positions for one content version: modules, programmes and roles in slug order, so the
/// matching kernel compares sets with a single AND. One per content set, shared and thread-safe.
/// </summary>
public sealed class MatchCatalogue
{
    /// <summary>Role bit 63 stands for any role no longer in the content, which nobody can want.</summary>
    private const int UnknownRole = 63;

    private static readonly ConditionalWeakTable<ContentSet, MatchCatalogue> BySet = [];
    private readonly ContentSet _set;
    private readonly Dictionary<string, int> _modules;
    private readonly Dictionary<string, int> _programmes;
    private readonly Dictionary<string, int> _roles;
    private readonly ConcurrentDictionary<(string From, string To), ulong> _routes = new();

    private MatchCatalogue(ContentSet set)
    {
        _set = set;
        _modules = Positions(set.Modules.Keys, 64, "training modules");
        _programmes = Positions(set.Programmes.Keys, 32, "programmes");
        _roles = Positions(set.Roles.Keys, UnknownRole, "career roles");
    }

    public string Version => _set.Version;

    public static MatchCatalogue For(ContentSet set) => BySet.GetValue(set, s => new MatchCatalogue(s));

    public ulong Modules(IEnumerable<string> slugs) => Bits(_modules, slugs);

    public ulong Module(string slug) => _modules.TryGetValue(slug, out var position) ? 1UL << position : 0UL;

    public uint Programmes(IEnumerable<string> slugs) => (uint)Bits(_programmes, slugs);

    public ulong Roles(IEnumerable<string> slugs) => Bits(_roles, slugs);

    public int RoleIndex(string slug) => _roles.TryGetValue(slug, out var index) ? index : UnknownRole;

    /// <summary>The roles along the shortest route of a saved plan, after its starting point.</summary>
    public ulong RouteRoles(string from, string to) => _routes.GetOrAdd((from, to), key =>
        _set.Planner.Plan(key.From, key.To, 1).Shortest is { } route ? Roles(route.Roles.Skip(1)) : 0UL);

    public MatchVacancy Pack(JobDocument job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new MatchVacancy((float)job.Latitude, (float)job.Longitude, job.Days, job.Shifts, job.DrivingLicenceRequired,
            Modules(job.RequiredModules), RoleIndex(job.CareerRole), Programmes(job.RequiredProgrammes), (float)job.HourlyPay);
    }

    public MatchVacancy Pack(VacancyDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new MatchVacancy((float)details.Location.Latitude, (float)details.Location.Longitude, details.Days, details.Shifts, details.DrivingLicenceRequired,
            Modules(details.RequiredModules), RoleIndex(details.CareerRole), Programmes(details.RequiredProgrammes), (float)details.HourlyPay);
    }

    private static ulong Bits(Dictionary<string, int> positions, IEnumerable<string> slugs)
    {
        var bits = 0UL;
        foreach (var slug in slugs)
        {
            if (positions.TryGetValue(slug, out var position))
                bits |= 1UL << position;
        }
        return bits;
    }

    private static Dictionary<string, int> Positions(IEnumerable<string> slugs, int limit, string what)
    {
        var ordered = slugs.Order(StringComparer.Ordinal).ToList();
        if (ordered.Count > limit)
            throw new InvalidOperationException($"Matching handles up to {limit} {what}; the content has {ordered.Count}. Widen the bit sets in Portal.Domain/Talent/Matching.cs.");
        return ordered.Select((slug, index) => (slug, index)).ToDictionary(p => p.slug, p => p.index, StringComparer.Ordinal);
    }
}
