using System.Diagnostics;
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
/// is erased; the weekly full run catches that). One run at a time works its figures out from one
/// snapshot of the database, holding no write lock, then writes what changed in its months in one
/// short transaction (decisions 0042 and 0043), so a rerun, a second node or a run killed at any
/// line leaves either the old months or the new ones, and a learner's pass in the meantime waits
/// (on SQLite) only for that write, under a second at city scale, not for the run.
/// </summary>
public sealed partial class InsightRollupJob(PortalDbContext db, TimeProvider clock, ILogger<InsightRollupJob> logger, PipelineRollup pipeline, RetentionRollup retention, InsightFiguresCache figures)
{
    public const string RecurringId = "insight-rollup";
    public const string FullRecurringId = "insight-rollup-full";

    /// <returns>The number of months worked out.</returns>
    public async Task<int> RunAsync(bool full, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var months = 0;
        // Each rollup's time in the log: at city scale the run's length is the operator's first question.
        var watch = Stopwatch.StartNew();
        var lap = TimeSpan.Zero;
        void Step(string name)
        {
            StepTook(logger, name, (watch.Elapsed - lap).TotalSeconds);
            lap = watch.Elapsed;
        }
        // Two runs are kept apart, but the figures are worked out without SQLite's one write lock (a
        // city's full run reads for a minute or more, and every pass, application and sign-in stamp
        // would wait for it): read in one snapshot, then replaced in one short transaction.
        await PortalDatabase.OneAtATimeAsync(db, RecurringId, async () =>
        {
            Step("waiting for another run");
            var replaces = await PortalDatabase.InReadSnapshotAsync(db, async () =>
            {
                var thisMonth = MonthRange.MonthOf(UkTime.Today(now));
                // Read before anything is replaced: the rollups' own "since the last run" starts here.
                var lastRun = await InsightFiguresCache.AsOfAsync(db, cancellationToken) - SaveMargin;
                var first = full || lastRun is null
                    ? await FirstMonthAsync(cancellationToken) ?? thisMonth
                    : Earlier(thisMonth.AddMonths(-1), MonthRange.MonthOf(UkTime.Today(lastRun.Value)));
                Step("the last run");
                (months, var learning) = await ComputeAsync(full || lastRun is null, first, thisMonth, now, cancellationToken);
                Step("learning");
                var pipelineRows = await pipeline.ComputeAsync(full, first, thisMonth, now, lastRun, cancellationToken);
                Step("pipeline and programmes");
                var (_, retentionRows) = await retention.ComputeAsync(full, thisMonth, now, cancellationToken);
                Step("retention");
                return new[] { ("replacing learning", learning), ("replacing pipeline and programmes", pipelineRows), ("replacing retention", retentionRows) };
            }, cancellationToken);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (name, replace) in replaces)
            {
                await replace(cancellationToken);
                Step(name);
            }
            await transaction.CommitAsync(cancellationToken);
            figures.RunCommitted();
            Step("commit");
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

    /// <returns>The months worked out, and the replacing of their rows, to run in the write transaction.</returns>
    private async Task<(int Months, Func<CancellationToken, Task> Replace)> ComputeAsync(bool everything, DateOnly first, DateOnly last, DateTime now, CancellationToken cancellationToken)
    {
        // A UK month starts at local midnight; a day either side in UTC catches every pass in it.
        var fromUtc = DateTime.SpecifyKind(first.ToDateTime(TimeOnly.MinValue).AddDays(-1), DateTimeKind.Utc);
        var months = new UkMonths(first, last);

        // Whose staff each person was, and when: a pass counts for the organisations they worked for at the time.
        var organisations = new Dictionary<Guid, int> { [LearningMonth.City] = 0 };
        var staff = (await db.Set<Membership>().AsNoTracking()
                .Where(m => m.Role == MembershipRole.Staff && (m.EndedAtUtc == null || m.EndedAtUtc > fromUtc))
                .Select(m => new { m.UserId, m.OrganisationId, m.StartedAtUtc, m.EndedAtUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.UserId, m => (Organisation: Index(organisations, m.OrganisationId), m.StartedAtUtc, m.EndedAtUtc), StringComparer.Ordinal);
        // Only people who passed something in these months can be first-timers in them. A run over
        // every pass finds each person's first as it goes; a shorter one asks for theirs, as a list
        // worked out once (IN), not a probe per row (EXISTS): five times faster on SQLite.
        Dictionary<string, DateTime>? firstPass = null;
        var passes = db.Set<Completion>().AsNoTracking();
        if (!everything)
        {
            passes = passes.Where(c => c.CompletedAtUtc >= fromUtc);
            var recent = passes.Select(c => c.UserId);
            firstPass = await db.Set<Completion>().AsNoTracking()
                .Where(c => recent.Contains(c.UserId))
                .GroupBy(c => c.UserId)
                .Select(g => new { UserId = g.Key, At = g.Min(c => c.CompletedAtUtc) })
                .ToDictionaryAsync(f => f.UserId, f => f.At, StringComparer.Ordinal, cancellationToken);
        }

        // Three million passes on a full run: one string lookup each (the person), then whole numbers.
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        var modules = new Dictionary<string, int>(StringComparer.Ordinal);
        var tallies = new Dictionary<int, Tally>();
        var moduleCounts = new Dictionary<long, int>();
        var places = new List<int>();
        await foreach (var pass in passes.Select(c => new { c.UserId, c.ModuleSlug, c.CompletedAtUtc }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!people.TryGetValue(pass.UserId, out var person))
            {
                person = new Person(people.Count, firstPass is null ? DateTime.MaxValue : firstPass.GetValueOrDefault(pass.UserId, DateTime.MinValue), [.. staff[pass.UserId]]);
                people.Add(pass.UserId, person);
            }
            if (firstPass is null && pass.CompletedAtUtc < person.FirstAt)
                person.FirstAt = pass.CompletedAtUtc;
            var month = months.IndexOf(pass.CompletedAtUtc);
            if (month < 0)
                continue;
            if (!modules.TryGetValue(pass.ModuleSlug, out var module))
                modules.Add(pass.ModuleSlug, module = modules.Count);
            // On a shorter run a first-timer is known now; on a full one, once every pass has been seen.
            var isFirst = firstPass is not null && person.FirstAt == pass.CompletedAtUtc;
            person.PlacesAt(pass.CompletedAtUtc, places);
            foreach (var organisation in places)
            {
                var key = organisation * months.Count + month;
                if (!tallies.TryGetValue(key, out var tally))
                    tallies.Add(key, tally = new Tally());
                tally.Add(person.Index, isFirst);
                var moduleKey = ((long)key << 16) | (uint)module;
                moduleCounts[moduleKey] = moduleCounts.GetValueOrDefault(moduleKey) + 1;
            }
        }
        if (firstPass is null)
        {
            foreach (var person in people.Values)
            {
                var month = months.IndexOf(person.FirstAt);
                if (month < 0)
                    continue;
                person.PlacesAt(person.FirstAt, places);
                foreach (var organisation in places)
                    tallies[organisation * months.Count + month].AddFirstTimer(person.Index);
            }
        }

        var organisationOf = organisations.OrderBy(o => o.Value).Select(o => o.Key).ToArray();
        var moduleOf = modules.OrderBy(m => m.Value).Select(m => m.Key).ToArray();
        // A month with no passes still gets its city row, so the pages can tell "none" from "not worked out yet".
        var rows = new List<LearningMonth>();
        for (var month = 0; month < months.Count; month++)
        {
            if (!tallies.ContainsKey(month))
                rows.Add(LearningMonth.Of(months[month], LearningMonth.City, 0, 0, 0, now));
        }
        rows.AddRange(tallies.Select(t => LearningMonth.Of(months[t.Key % months.Count], organisationOf[t.Key / months.Count], t.Value.Learners, t.Value.FirstTimers, t.Value.Completions, now)));
        // The months' rows are replaced whole (their times say when the figures were worked out); of
        // the modules' (248,257 on a city's full run) only those that changed are written. A full run
        // replaces every month, including any before the first pass there is now (an erasure's).
        var replaceFrom = everything ? DateOnly.MinValue : first;
        var changes = new StoredChanges();
        await foreach (var stored in db.Set<ModuleMonth>().AsNoTracking().Where(m => m.Month >= replaceFrom)
                           .Select(m => new { m.Id, m.Month, m.OrganisationId, m.ModuleSlug, m.Completions }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var month = (stored.Month.Year - first.Year) * 12 + stored.Month.Month - first.Month;
            if (month < 0 || month >= months.Count || !organisations.TryGetValue(stored.OrganisationId, out var organisation) || !modules.TryGetValue(stored.ModuleSlug, out var module)
                || !moduleCounts.Remove(((long)(organisation * months.Count + month) << 16) | (uint)module, out var completions))
                changes.Deletes.Add(stored.Id);
            else if (completions != stored.Completions)
                changes.Update(stored.Id, completions);
        }
        List<ModuleMonth> moduleRows = [.. moduleCounts.Select(m =>
        {
            var key = (int)(m.Key >> 16);
            return ModuleMonth.Of(months[key % months.Count], organisationOf[key / months.Count], moduleOf[(int)(m.Key & 0xFFFF)], m.Value);
        })];
        return (months.Count, Writing(db, replaceFrom, rows, changes, moduleRows));
    }

    /// <summary>The writing of the months' rows and the modules' changes, made apart from the working out so that it holds only these, not the run's tallies.</summary>
    private static Func<CancellationToken, Task> Writing(PortalDbContext db, DateOnly replaceFrom, List<LearningMonth> rows, StoredChanges modules, List<ModuleMonth> moduleInserts) => async ct =>
    {
        await db.Set<LearningMonth>().Where(m => m.Month >= replaceFrom).ExecuteDeleteAsync(ct);
        await BulkInsert.EntitiesAsync(db, rows, ct);
        await modules.WriteAsync<ModuleMonth>(db, (s, completions) => s.SetProperty(m => m.Completions, completions), ct);
        await BulkInsert.EntitiesAsync(db, moduleInserts, ct);
    };

    private static int Index(Dictionary<Guid, int> organisations, Guid organisation)
    {
        if (!organisations.TryGetValue(organisation, out var index))
            organisations.Add(organisation, index = organisations.Count);
        return index;
    }

    /// <summary>One learner while the passes stream by: a number for the counting sets, their first pass, and whose staff they were when.</summary>
    private sealed class Person(int index, DateTime firstAt, (int Organisation, DateTime StartedAtUtc, DateTime? EndedAtUtc)[] staff)
    {
        public int Index { get; } = index;

        public DateTime FirstAt { get; set; } = firstAt;

        /// <summary>The city (0) and each organisation whose staff they were at <paramref name="at"/>.</summary>
        public void PlacesAt(DateTime at, List<int> places)
        {
            places.Clear();
            places.Add(0);
            foreach (var (organisation, started, ended) in staff)
            {
                if (started <= at && (ended is null || ended > at))
                    places.Add(organisation);
            }
        }
    }

    /// <summary>
    /// The UK calendar months of a run by number (0 the first), with where each starts in UTC, so a
    /// pass finds its month by comparing instants instead of converting each one to UK time.
    /// </summary>
    private sealed class UkMonths
    {
        private readonly DateOnly[] _months;
        private readonly DateTime[] _startsUtc;

        public UkMonths(DateOnly first, DateOnly last)
        {
            var months = new List<DateOnly>();
            for (var month = first; month <= last; month = month.AddMonths(1))
                months.Add(month);
            _months = [.. months];
            _startsUtc = [.. months.Append(last.AddMonths(1)).Select(RetentionRollup.MonthStartUtc)];
        }

        public int Count => _months.Length;

        public DateOnly this[int index] => _months[index];

        /// <returns>The number of the month <paramref name="utc"/> falls in, or -1 outside them.</returns>
        public int IndexOf(DateTime utc)
        {
            var i = Array.BinarySearch(_startsUtc, DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            var month = i >= 0 ? i : ~i - 1;
            return month >= 0 && month < _months.Length ? month : -1;
        }
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

        public void AddFirstTimer(int person) => _firstTimers.Add(person);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight rollup: {Step} took {Seconds:F1} s")]
    private static partial void StepTook(ILogger logger, string step, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight rollup: {Months} months worked out (full: {Full})")]
    private static partial void Computed(ILogger logger, int months, bool full);
}
