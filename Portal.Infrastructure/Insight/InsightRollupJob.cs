using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Insight;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// Works out the insight rollups from the completions: every month from the first pass on a first
/// run or a full one, otherwise this month and the one before, or back to the last run's month if
/// it was longer ago (a pass is recorded when it happens, so older months change only when someone
/// is erased; the weekly full run catches that). Each run replaces its months whole in one exclusive transaction, so a rerun, a second
/// node or a run killed at any line leaves either the old months or the new ones.
/// </summary>
public sealed partial class InsightRollupJob(PortalDbContext db, TimeProvider clock, ILogger<InsightRollupJob> logger, PipelineRollup pipeline, RetentionRollup retention)
{
    public const string RecurringId = "insight-rollup";
    public const string FullRecurringId = "insight-rollup-full";

    /// <returns>The number of months worked out.</returns>
    public async Task<int> RunAsync(bool full, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var months = 0;
        await PortalDatabase.InExclusiveTransactionAsync(db, RecurringId, async () =>
        {
            var thisMonth = MonthRange.MonthOf(UkTime.Today(now));
            // Read before anything is replaced: the rollups' own "since the last run" starts here.
            var lastRun = await db.Set<LearningMonth>().Where(m => m.OrganisationId == LearningMonth.City).MaxAsync(m => (DateTime?)m.ComputedAtUtc, cancellationToken) - SaveMargin;
            var first = full || lastRun is null
                ? await FirstMonthAsync(cancellationToken) ?? thisMonth
                : Earlier(thisMonth.AddMonths(-1), MonthRange.MonthOf(UkTime.Today(lastRun.Value)));
            months = await ComputeAsync(first, thisMonth, now, cancellationToken);
            await pipeline.ComputeAsync(full, first, thisMonth, now, lastRun, cancellationToken);
            await retention.ComputeAsync(full, thisMonth, now, cancellationToken);
        }, cancellationToken);
        Computed(logger, months, full);
        return months;
    }

    /// <summary>
    /// How long before the last run a change may have been stamped and still not been committed when
    /// it read: an hourly run looks back this far past it, so a slow save is never left out.
    /// </summary>
    public static readonly TimeSpan SaveMargin = TimeSpan.FromHours(1);

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private async Task<DateOnly?> FirstMonthAsync(CancellationToken cancellationToken)
    {
        var earliest = await db.Set<Completion>().MinAsync(c => (DateTime?)c.CompletedAtUtc, cancellationToken);
        return earliest is { } at ? MonthRange.MonthOf(UkTime.Today(at)) : null;
    }

    private async Task<int> ComputeAsync(DateOnly first, DateOnly last, DateTime now, CancellationToken cancellationToken)
    {
        // A UK month starts at local midnight; a day either side in UTC catches every pass in it.
        var fromUtc = DateTime.SpecifyKind(first.ToDateTime(TimeOnly.MinValue).AddDays(-1), DateTimeKind.Utc);

        // Whose staff each person was, and when: a pass counts for the organisations they worked for at the time.
        var staff = (await db.Set<Membership>().AsNoTracking()
                .Where(m => m.Role == MembershipRole.Staff && (m.EndedAtUtc == null || m.EndedAtUtc > fromUtc))
                .Select(m => new { m.UserId, m.OrganisationId, m.StartedAtUtc, m.EndedAtUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.UserId, m => (m.OrganisationId, m.StartedAtUtc, m.EndedAtUtc), StringComparer.Ordinal);
        // Only people who passed something in these months can be first-timers in them.
        // A list worked out once (IN), not a probe per row (EXISTS): five times faster over the city's 3,000,000 passes on SQLite.
        var recent = db.Set<Completion>().Where(c => c.CompletedAtUtc >= fromUtc).Select(c => c.UserId);
        var firstPass = await db.Set<Completion>().AsNoTracking()
            .Where(c => recent.Contains(c.UserId))
            .GroupBy(c => c.UserId)
            .Select(g => new { UserId = g.Key, At = g.Min(c => c.CompletedAtUtc) })
            .ToDictionaryAsync(f => f.UserId, f => f.At, StringComparer.Ordinal, cancellationToken);

        var tallies = new Dictionary<(Guid Organisation, DateOnly Month), Tally>();
        var modules = new Dictionary<(Guid Organisation, DateOnly Month, string Module), int>();
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var pass in db.Set<Completion>().AsNoTracking().Where(c => c.CompletedAtUtc >= fromUtc)
            .Select(c => new { c.UserId, c.ModuleSlug, c.CompletedAtUtc }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var month = MonthRange.MonthOf(UkTime.Today(pass.CompletedAtUtc));
            if (month < first || month > last)
                continue;
            if (!people.TryGetValue(pass.UserId, out var person))
                people[pass.UserId] = person = people.Count;
            var isFirst = firstPass.TryGetValue(pass.UserId, out var firstAt) && firstAt == pass.CompletedAtUtc;
            Count(LearningMonth.City);
            foreach (var (organisation, started, ended) in staff[pass.UserId])
            {
                if (started <= pass.CompletedAtUtc && (ended is null || ended > pass.CompletedAtUtc))
                    Count(organisation);
            }

            void Count(Guid organisation)
            {
                if (!tallies.TryGetValue((organisation, month), out var tally))
                    tallies[(organisation, month)] = tally = new Tally();
                tally.Add(person, isFirst);
                var key = (organisation, month, pass.ModuleSlug);
                modules[key] = modules.GetValueOrDefault(key) + 1;
            }
        }

        await db.Set<LearningMonth>().Where(m => m.Month >= first).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ModuleMonth>().Where(m => m.Month >= first).ExecuteDeleteAsync(cancellationToken);
        // A month with no passes still gets its city row, so the pages can tell "none" from "not worked out yet".
        var rows = new List<LearningMonth>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            if (!tallies.ContainsKey((LearningMonth.City, month)))
                rows.Add(LearningMonth.Of(month, LearningMonth.City, 0, 0, 0, now));
        }
        rows.AddRange(tallies.Select(t => LearningMonth.Of(t.Key.Month, t.Key.Organisation, t.Value.Learners, t.Value.FirstTimers, t.Value.Completions, now)));
        await BulkInsert.EntitiesAsync(db, rows, cancellationToken);
        await BulkInsert.EntitiesAsync(db, [.. modules.Select(m => ModuleMonth.Of(m.Key.Month, m.Key.Organisation, m.Key.Module, m.Value))], cancellationToken);
        return (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
    }

    private sealed class Tally
    {
        private readonly HashSet<int> _learners = [];
        private readonly HashSet<int> _firstTimers = [];

        public int Learners => _learners.Count;

        public int FirstTimers => _firstTimers.Count;

        public int Completions { get; private set; }

        public void Add(int person, bool isFirst)
        {
            _learners.Add(person);
            Completions++;
            if (isFirst)
                _firstTimers.Add(person);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight rollup: {Months} months worked out (full: {Full})")]
    private static partial void Computed(ILogger logger, int months, bool full);
}
