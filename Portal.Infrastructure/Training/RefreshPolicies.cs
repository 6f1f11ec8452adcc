using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Training;

/// <summary>
/// Reads what <see cref="RefreshPolicy.ForPerson"/> needs: each person's current employers (staff
/// memberships not ended) and those employers' own intervals, in one query however many people.
/// </summary>
public static class RefreshPolicies
{
    /// <summary>The intervals that apply to one person's own training.</summary>
    public static async Task<RefreshPolicy> ForPersonAsync(PortalDbContext db, ContentSet content, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        var found = Policies(content, await RowsOfPerson(db, userId).ToListAsync(cancellationToken));
        return found.GetValueOrDefault(userId) ?? content.RefreshDefaults;
    }

    /// <summary>A current staff membership with a job: an employment whose employer's rules apply to the person.</summary>
    internal static readonly Expression<Func<Membership, bool>> Employed = m => m.Role == MembershipRole.Staff && m.EndedAtUtc == null && m.JobRole != null;

    // The same query as LoadAsync's for one person, compiled once: every page of a learner's own
    // training reads it, and EF Core taking the union apart on each view was a tenth of the learn
    // catalogue's CPU (issue 25's profile).
    private static readonly Func<PortalDbContext, string, IAsyncEnumerable<Row>> RowsOfPerson = CompiledQueries.Rows((PortalDbContext db, string userId) =>
        db.Set<Membership>().AsNoTracking().Where(m => m.UserId == userId).Where(Employed)
            .Select(m => new Row { UserId = m.UserId, OrganisationId = m.OrganisationId, ModuleSlug = null, Months = null })
            .Concat(db.Set<RefreshOverride>().AsNoTracking()
                .Where(o => db.Set<Membership>().Where(m => m.UserId == userId).Where(Employed).Any(m => m.OrganisationId == o.OrganisationId))
                .Select(o => new Row { UserId = null, OrganisationId = o.OrganisationId, ModuleSlug = o.ModuleSlug, Months = o.Months })));

    /// <summary>The intervals that apply to each of these people.</summary>
    public static async Task<IReadOnlyDictionary<string, RefreshPolicy>> ForPeopleAsync(PortalDbContext db, ContentSet content, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(userIds);
        var found = await LoadAsync(db, content, m => userIds.Contains(m.UserId), cancellationToken);
        return userIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? content.RefreshDefaults, StringComparer.Ordinal);
    }

    /// <summary>
    /// The intervals of those among the people a query names who work somewhere, for a run over many
    /// (matching). Anyone not in the answer works nowhere: the module defaults apply to them.
    /// </summary>
    public static Task<Dictionary<string, RefreshPolicy>> ForEmployedAmongAsync(PortalDbContext db, ContentSet content, IQueryable<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(userIds);
        return LoadAsync(db, content, m => userIds.Contains(m.UserId), cancellationToken);
    }

    private static async Task<Dictionary<string, RefreshPolicy>> LoadAsync(PortalDbContext db, ContentSet content, Expression<Func<Membership, bool>> whose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var employments = db.Set<Membership>().AsNoTracking().Where(whose).Where(Employed);
        // Each employment, then each of those employers' own intervals: one round trip, and each
        // interval read once however many of the people work there.
        var rows = await employments
            .Select(m => new Row { UserId = m.UserId, OrganisationId = m.OrganisationId, ModuleSlug = null, Months = null })
            .Concat(db.Set<RefreshOverride>().AsNoTracking()
                .Where(o => employments.Any(m => m.OrganisationId == o.OrganisationId))
                .Select(o => new Row { UserId = null, OrganisationId = o.OrganisationId, ModuleSlug = o.ModuleSlug, Months = o.Months }))
            .ToListAsync(cancellationToken);
        return Policies(content, rows);
    }

    private static Dictionary<string, RefreshPolicy> Policies(ContentSet content, List<Row> rows)
    {
        var own = rows.Where(r => r.UserId is null)
            .GroupBy(r => r.OrganisationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int?>)g.ToDictionary(r => r.ModuleSlug!, r => r.Months, StringComparer.Ordinal));
        IReadOnlyDictionary<string, int?> noneOfItsOwn = new Dictionary<string, int?>(StringComparer.Ordinal);
        return rows.Where(r => r.UserId is not null)
            .GroupBy(r => r.UserId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => content.RefreshDefaults.ForPerson(g.Select(r => own.GetValueOrDefault(r.OrganisationId) ?? noneOfItsOwn)), StringComparer.Ordinal);
    }

    private sealed class Row
    {
        public string? UserId { get; init; }
        public Guid OrganisationId { get; init; }
        public string? ModuleSlug { get; init; }
        public int? Months { get; init; }
    }
}
