using Portal.Domain.Training;

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
}
