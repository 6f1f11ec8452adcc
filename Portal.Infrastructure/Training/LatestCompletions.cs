using Microsoft.EntityFrameworkCore;
using Portal.Domain.Training;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Training;

public static class LatestCompletions
{
    /// <summary>
    /// The latest completion of each module for each person among these completions, as one grouped
    /// query that the (person, module, date) index answers on its own. Narrow the completions first
    /// (by person), then call this.
    /// </summary>
    public static IQueryable<LatestCompletion> LatestPerModule(this IQueryable<Completion> completions) =>
        completions.GroupBy(c => new { c.UserId, c.ModuleSlug })
            .Select(g => new LatestCompletion(g.Key.UserId, g.Key.ModuleSlug, g.Max(c => c.CompletedAtUtc)));

    /// <summary>
    /// One person's latest completion of each module: the same grouped query, compiled once, as a
    /// person's own pages read it on every view (a compiled query cannot call the method above).
    /// </summary>
    public static readonly Func<PortalDbContext, string, IAsyncEnumerable<LatestCompletion>> OfPerson = CompiledQueries.Rows((PortalDbContext db, string userId) =>
        db.Set<Completion>().AsNoTracking().Where(c => c.UserId == userId)
            .GroupBy(c => new { c.UserId, c.ModuleSlug })
            .Select(g => new LatestCompletion(g.Key.UserId, g.Key.ModuleSlug, g.Max(c => c.CompletedAtUtc))));
}
