using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// Works out and stores matches between people with a located profile and open vacancies. Each
/// person keeps their best <see cref="KeepPerPerson"/> vacancies, and each vacancy its best
/// <see cref="KeepPerVacancy"/> people among those who let employers find them; pages show fewer,
/// so a closed vacancy or a changed person leaves the lists full until the nightly run rebuilds them.
/// <para>
/// Three ways in: <see cref="RunAllAsync"/> (nightly, and the backstop for anything missed),
/// <see cref="ForPersonAsync"/> (their profile, training or saved route changed) and
/// <see cref="ForVacancyAsync"/> (it was published, edited or closed). Every write replaces a
/// person's or a vacancy's rows in one transaction, and the same data always gives the same rows,
/// so a run killed at any point and run again leaves exactly what an uninterrupted run would.
/// </para>
/// </summary>
public sealed class MatchRunner(PortalDbContext db, ContentStore content, JobIndex jobs, TimeProvider clock, ILogger<MatchRunner> logger)
{
    public const int KeepPerPerson = 15;
    public const int KeepPerVacancy = 60;

    private static readonly string[] MatchColumns =
    [
        nameof(JobMatch.UserId), nameof(JobMatch.VacancyId), nameof(JobMatch.Score), nameof(JobMatch.Miles),
        nameof(JobMatch.ModulesHeld), nameof(JobMatch.ModulesRequired), nameof(JobMatch.ProgrammesHeld), nameof(JobMatch.ProgrammesRequired),
        nameof(JobMatch.DaysFit), nameof(JobMatch.PayAsked), nameof(JobMatch.HourlyPay), nameof(JobMatch.RoleWanted),
        nameof(JobMatch.OnSavedRoute), nameof(JobMatch.ForPerson), nameof(JobMatch.ForVacancy), nameof(JobMatch.ComputedAtUtc),
    ];

    private static readonly string[] PersonColumns =
    [
        nameof(MatchPerson.UserId), nameof(MatchPerson.Latitude), nameof(MatchPerson.Longitude), nameof(MatchPerson.Days),
        nameof(MatchPerson.Shifts), nameof(MatchPerson.DrivingLicence), nameof(MatchPerson.ModulesHeld), nameof(MatchPerson.ProgrammesHeld),
        nameof(MatchPerson.RolesWanted), nameof(MatchPerson.RolesOnSavedRoute), nameof(MatchPerson.PayAsked), nameof(MatchPerson.Findable),
        nameof(MatchPerson.Cutoff), nameof(MatchPerson.ContentVersion), nameof(MatchPerson.ComputedAtUtc),
    ];

    private static readonly string[] CutoffColumns = [nameof(MatchVacancyCutoff.VacancyId), nameof(MatchVacancyCutoff.Cutoff), nameof(MatchVacancyCutoff.ComputedAtUtc)];

    private static readonly ConditionalWeakTable<JobSnapshot, PackedJobs> PackedSnapshots = [];

    /// <summary>People written per transaction in a full run.</summary>
    internal int BatchSize { get; set; } = 2_000;

    /// <summary>Runs after each batch of a full run is committed; tests use it to kill a run part-way.</summary>
    internal Func<int, Task>? AfterBatch { get; set; }

    private readonly record struct Person(string UserId, MatchCandidate Candidate, bool Findable);

    private sealed record PackedPerson(
        string UserId, float Latitude, float Longitude, WorkDays Days, ShiftTimes Shifts, bool DrivingLicence, long ModulesHeld, int ProgrammesHeld,
        long RolesWanted, long RolesOnSavedRoute, float PayAsked, bool Findable, float Cutoff)
    {
        public MatchCandidate Candidate => new(Latitude, Longitude, Days, Shifts, DrivingLicence,
            unchecked((ulong)ModulesHeld), unchecked((ulong)RolesWanted), unchecked((ulong)RolesOnSavedRoute), unchecked((uint)ProgrammesHeld), PayAsked);
    }

    private sealed record PackedJobs(string Version, Guid[] Ids, MatchVacancy[] Jobs, DateOnly[] ClosingDates);

    public async Task<MatchRunSummary> RunAllAsync(CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var catalogue = MatchCatalogue.For(content.Current);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        // The database, not this node's job index: the full run is the backstop for everything else.
        var open = (await db.Set<Vacancy>().AsNoTracking()
                .Where(v => v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today)
                .Select(v => new { v.Id, v.Details }).ToListAsync(cancellationToken))
            .OrderBy(v => v.Id).ToList();
        var vacancyIds = open.Select(v => v.Id).ToArray();
        var jobsPacked = open.Select(v => catalogue.Pack(v.Details)).ToArray();
        var people = await LoadPeopleAsync(null, catalogue, now, cancellationToken);
        var n = people.Count;
        var m = vacancyIds.Length;

        var personIndex = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
            personIndex[people[i].UserId] = i;
        var vacancyIndex = new Dictionary<Guid, int>(m);
        for (var i = 0; i < m; i++)
            vacancyIndex[vacancyIds[i]] = i;
        var notForPerson = new HashSet<long>();
        var notForVacancy = new HashSet<long>();
        foreach (var d in await db.Set<MatchDismissal>().AsNoTracking().Select(d => new { d.UserId, d.VacancyId, d.Side }).ToListAsync(cancellationToken))
        {
            if (personIndex.TryGetValue(d.UserId, out var p) && vacancyIndex.TryGetValue(d.VacancyId, out var v))
                (d.Side == MatchSide.Person ? notForPerson : notForVacancy).Add(((long)p * m) + v);
        }

        var loading = watch.Elapsed;

        // Score: people shared out among the cores in interleaved chunks. Every list is a top-k under
        // one total order (score, then index), so the result does not depend on who scored what.
        var reference = jobsPacked.Length == 0 ? 0f : jobsPacked.Min(j => MathF.Abs(j.Latitude));
        var blocks = new MatchBlocks(jobsPacked, reference);
        var personTop = new int[n * KeepPerPerson];
        var personCount = new int[n];
        var personCutoff = new float[n];
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, (n / 256) + 1));
        var vacancyTops = new TopMatches[workers][];
        long pairs = 0;
        const int Chunk = 256;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, worker =>
        {
            var tops = new TopMatches[m];
            for (var v = 0; v < m; v++)
                tops[v] = new TopMatches(KeepPerVacancy);
            var top = new TopMatches(KeepPerPerson);
            long scored = 0;
            for (var start = worker * Chunk; start < n; start += workers * Chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var p = start; p < Math.Min(n, start + Chunk); p++)
                {
                    var person = people[p];
                    top.Clear();
                    foreach (var v in blocks.Near(person.Candidate.Latitude, person.Candidate.Longitude))
                    {
                        if (Matching.Score(person.Candidate, jobsPacked[v]) is not { } score)
                            continue;
                        scored++;
                        var key = ((long)p * m) + v;
                        if (top.WouldKeep(score.Score, v) && !notForPerson.Contains(key))
                            top.Offer(score.Score, v);
                        if (person.Findable && tops[v].WouldKeep(score.Score, p) && !notForVacancy.Contains(key))
                            tops[v].Offer(score.Score, p);
                    }
                    top.Ids.CopyTo(personTop.AsSpan(p * KeepPerPerson));
                    personCount[p] = top.Count;
                    personCutoff[p] = top.Cutoff;
                }
            }
            vacancyTops[worker] = tops;
            Interlocked.Add(ref pairs, scored);
        });

        var vacancyCutoff = new float[m];
        var forVacancy = new List<int>?[n];
        var merged = new TopMatches(KeepPerVacancy);
        for (var v = 0; v < m; v++)
        {
            merged.Clear();
            foreach (var tops in vacancyTops)
            {
                var ids = tops[v].Ids;
                var scores = tops[v].Scores;
                for (var i = 0; i < ids.Length; i++)
                    merged.Offer(scores[i], ids[i]);
            }
            foreach (var p in merged.Ids)
                (forVacancy[p] ??= []).Add(v);
            vacancyCutoff[v] = merged.Cutoff;
        }

        var scoring = watch.Elapsed - loading;

        // Write: a batch of people per transaction. What is stored for their range of ids is read
        // first and only people whose matches changed are rewritten, so a nightly run over a city
        // where little changed writes little; people who left the range, or lost their location,
        // lose their rows.
        var written = 0;
        string? after = null;
        var batches = 0;
        for (var start = 0; start < n; start += BatchSize)
        {
            var end = Math.Min(n, start + BatchSize);
            var last = people[end - 1].UserId;
            var storedMatches = (await InRange(db.Set<JobMatch>().AsNoTracking(), after, last).ToListAsync(cancellationToken))
                .GroupBy(m => m.UserId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(m => m.VacancyId).Select(MatchRow).ToList(), StringComparer.Ordinal);
            var storedPeople = (await InRange(db.Set<MatchPerson>().AsNoTracking(), after, last).ToListAsync(cancellationToken))
                .ToDictionary(p => p.UserId, PersonRow, StringComparer.Ordinal);
            var stale = new HashSet<string>(storedMatches.Keys.Concat(storedPeople.Keys), StringComparer.Ordinal);
            var matchRows = new List<object[]>();
            var personRows = new List<object[]>();
            for (var p = start; p < end; p++)
            {
                var person = people[p];
                var chosen = new SortedDictionary<Guid, (int Vacancy, bool ForPerson, bool ForVacancy)>();
                foreach (var v in personTop.AsSpan(p * KeepPerPerson, personCount[p]))
                    chosen[vacancyIds[v]] = (v, true, false);
                foreach (var v in forVacancy[p] ?? [])
                    chosen[vacancyIds[v]] = (v, chosen.ContainsKey(vacancyIds[v]), true);
                var rows = chosen.Values.Select(c => MatchRow(person.UserId, vacancyIds[c.Vacancy], Matching.Score(person.Candidate, jobsPacked[c.Vacancy])!.Value, c.ForPerson, c.ForVacancy, now)).ToList();
                var personRow = PersonRow(person, personCutoff[p], catalogue.Version, now);
                var sameMatches = storedMatches.TryGetValue(person.UserId, out var before) ? SameRows(before, rows) : rows.Count == 0;
                var samePerson = storedPeople.TryGetValue(person.UserId, out var packedBefore) && SameRow(packedBefore, personRow);
                if (sameMatches && samePerson)
                {
                    stale.Remove(person.UserId);
                    continue;
                }
                stale.Add(person.UserId);
                matchRows.AddRange(rows);
                personRows.Add(personRow);
            }
            if (stale.Count > 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var chunk in stale.Chunk(1_000))
                {
                    await db.Set<JobMatch>().Where(m => chunk.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
                    await db.Set<MatchPerson>().Where(m => chunk.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
                }
                written += await BulkInsert.RunAsync(db.Database, "Matches", MatchColumns, matchRows, cancellationToken);
                await BulkInsert.RunAsync(db.Database, "MatchPeople", PersonColumns, personRows, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            after = last;
            if (AfterBatch is { } hook)
                await hook(++batches);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await InRange(db.Set<JobMatch>(), after, null).ExecuteDeleteAsync(cancellationToken);
            await InRange(db.Set<MatchPerson>(), after, null).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MatchVacancyCutoff>().ExecuteDeleteAsync(cancellationToken);
            await BulkInsert.RunAsync(db.Database, "MatchVacancyCutoffs", CutoffColumns,
                [.. Enumerable.Range(0, m).Select(v => new object[] { vacancyIds[v], vacancyCutoff[v], now })], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var writing = watch.Elapsed - loading - scoring;
        logger.LogInformation("Matching run: {People} people, {Vacancies} vacancies, {Pairs} pairs scored, {Rows} matches stored; loading {Loading}, scoring {Scoring}, writing {Writing}",
            n, m, pairs, written, loading, scoring, writing);
        return new MatchRunSummary(n, m, pairs, written, loading, scoring, writing);
    }

    /// <summary>Rematches one person against every open vacancy.</summary>
    /// <returns>Matches stored for them.</returns>
    public async Task<int> ForPersonAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var catalogue = MatchCatalogue.For(content.Current);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var found = await LoadPeopleAsync(userId, catalogue, now, cancellationToken);
        var rows = new List<object[]>();
        object[]? personRow = null;
        if (found.Count == 1)
        {
            var person = found[0];
            var packed = Pack(await jobs.CurrentAsync(cancellationToken), catalogue);
            var cutoffs = await CutoffsAsync(now, cancellationToken);
            var dismissed = await db.Set<MatchDismissal>().AsNoTracking().Where(d => d.UserId == userId)
                .Select(d => new { d.VacancyId, d.Side }).ToListAsync(cancellationToken);
            var notForPerson = dismissed.Where(d => d.Side == MatchSide.Person).Select(d => d.VacancyId).ToHashSet();
            var notForVacancy = dismissed.Where(d => d.Side == MatchSide.Recruiter).Select(d => d.VacancyId).ToHashSet();

            var top = new TopMatches(KeepPerPerson);
            var scores = new MatchScore?[packed.Jobs.Length];
            var forVacancy = new List<int>();
            for (var v = 0; v < packed.Jobs.Length; v++)
            {
                if (packed.ClosingDates[v] < today || Matching.Score(person.Candidate, packed.Jobs[v]) is not { } score)
                    continue;
                scores[v] = score;
                var id = packed.Ids[v];
                if (!notForPerson.Contains(id))
                    top.Offer(score.Score, v);
                // Into the vacancy's list if it beats the last one there; a new vacancy has no list yet.
                if (person.Findable && !notForVacancy.Contains(id) && score.Score >= cutoffs.GetValueOrDefault(id, -1f))
                    forVacancy.Add(v);
            }
            var chosen = new SortedDictionary<int, (bool ForPerson, bool ForVacancy)>();
            foreach (var v in top.Ids)
                chosen[v] = (true, false);
            foreach (var v in forVacancy)
                chosen[v] = (chosen.ContainsKey(v), true);
            foreach (var (v, sides) in chosen)
                rows.Add(MatchRow(userId, packed.Ids[v], scores[v]!.Value, sides.ForPerson, sides.ForVacancy, now));
            personRow = PersonRow(person, top.Cutoff, catalogue.Version, now);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<JobMatch>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchPerson>().Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.RunAsync(db.Database, "Matches", MatchColumns, rows, cancellationToken);
        if (personRow is not null)
            await BulkInsert.RunAsync(db.Database, "MatchPeople", PersonColumns, [personRow], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>Rematches one vacancy against everyone, as packed by the last run that looked at them.</summary>
    /// <returns>Matches stored for it.</returns>
    public async Task<int> ForVacancyAsync(Guid vacancyId, CancellationToken cancellationToken)
    {
        var catalogue = MatchCatalogue.For(content.Current);
        var now = clock.GetUtcNow().UtcDateTime;
        var vacancy = await db.Set<Vacancy>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == vacancyId, cancellationToken);
        var rows = new List<object[]>();
        var cutoff = -1f;
        if (vacancy is not null && vacancy.IsOpen(DateOnly.FromDateTime(now)))
        {
            var job = catalogue.Pack(vacancy.Details);
            // Only people the hard requirements let through, and only the columns scoring needs:
            // this read is most of a vacancy's rematch.
            var licence = job.DrivingLicenceRequired;
            var shifts = job.Shifts;
            var people = await db.Set<MatchPerson>().AsNoTracking()
                .Where(p => p.ContentVersion == catalogue.Version && (p.Shifts & shifts) != 0 && (!licence || p.DrivingLicence))
                .OrderBy(p => p.UserId)
                .Select(p => new PackedPerson(p.UserId, p.Latitude, p.Longitude, p.Days, p.Shifts, p.DrivingLicence, p.ModulesHeld, p.ProgrammesHeld,
                    p.RolesWanted, p.RolesOnSavedRoute, p.PayAsked, p.Findable, p.Cutoff))
                .ToListAsync(cancellationToken);
            var dismissed = await db.Set<MatchDismissal>().AsNoTracking().Where(d => d.VacancyId == vacancyId)
                .Select(d => new { d.UserId, d.Side }).ToListAsync(cancellationToken);
            var notForPerson = dismissed.Where(d => d.Side == MatchSide.Person).Select(d => d.UserId).ToHashSet(StringComparer.Ordinal);
            var notForVacancy = dismissed.Where(d => d.Side == MatchSide.Recruiter).Select(d => d.UserId).ToHashSet(StringComparer.Ordinal);

            var top = new TopMatches(KeepPerVacancy);
            var scores = new MatchScore?[people.Count];
            var forPerson = new List<int>();
            for (var p = 0; p < people.Count; p++)
            {
                var person = people[p];
                if (Matching.Score(person.Candidate, job) is not { } score)
                    continue;
                scores[p] = score;
                if (person.Findable && !notForVacancy.Contains(person.UserId))
                    top.Offer(score.Score, p);
                // Into the person's list if it beats the last one there.
                if (score.Score >= person.Cutoff && !notForPerson.Contains(person.UserId))
                    forPerson.Add(p);
            }
            var chosen = new SortedDictionary<int, (bool ForPerson, bool ForVacancy)>();
            foreach (var p in forPerson)
                chosen[p] = (true, false);
            foreach (var p in top.Ids)
                chosen[p] = (chosen.ContainsKey(p), true);
            foreach (var (p, sides) in chosen)
                rows.Add(MatchRow(people[p].UserId, vacancyId, scores[p]!.Value, sides.ForPerson, sides.ForVacancy, now));
            cutoff = top.Cutoff;
            if (people.Count == 0 && await db.Set<CandidateProfile>().AnyAsync(p => p.Latitude != null, cancellationToken))
                logger.LogWarning("Nobody is packed for content version {Version} yet; vacancy {VacancyId} gets matches at the next full run", catalogue.Version, vacancyId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<JobMatch>().Where(m => m.VacancyId == vacancyId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchVacancyCutoff>().Where(c => c.VacancyId == vacancyId).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.RunAsync(db.Database, "Matches", MatchColumns, rows, cancellationToken);
        if (vacancy is not null && vacancy.IsOpen(DateOnly.FromDateTime(now)))
            await BulkInsert.RunAsync(db.Database, "MatchVacancyCutoffs", CutoffColumns, [[vacancyId, cutoff, now]], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>
    /// Every vacancy's cutoff, read at most every <see cref="CutoffsKeptFor"/> per process: reading
    /// them was most of a person's rematch. A cutoff a little out of date only lets a person into a
    /// list they would narrowly miss (the pages show fewer than the lists keep), or keeps them out
    /// of one until the vacancy or the nightly run is next matched.
    /// </summary>
    private async Task<IReadOnlyDictionary<Guid, float>> CutoffsAsync(DateTime now, CancellationToken cancellationToken)
    {
        // Keyed by database, so two databases in one process (tests, tools) never share one.
        var database = db.Database.GetConnectionString() ?? "";
        if (cachedCutoffs is { } cached && cached.Database == database && now - cached.ReadAtUtc < CutoffsKeptFor && now >= cached.ReadAtUtc)
            return cached.Cutoffs;
        var read = await db.Set<MatchVacancyCutoff>().AsNoTracking().Select(c => new { c.VacancyId, c.Cutoff })
            .ToDictionaryAsync(c => c.VacancyId, c => c.Cutoff, cancellationToken);
        cachedCutoffs = (database, now, read);
        return read;
    }

    private static readonly TimeSpan CutoffsKeptFor = TimeSpan.FromSeconds(30);
    private static (string Database, DateTime ReadAtUtc, Dictionary<Guid, float> Cutoffs)? cachedCutoffs;

    /// <summary>People with a located profile, in id order, with the training they hold today and the roles on their saved route.</summary>
    private async Task<List<Person>> LoadPeopleAsync(string? onlyUserId, MatchCatalogue catalogue, DateTime now, CancellationToken cancellationToken)
    {
        var set = content.Current;
        var profiles = db.Set<CandidateProfile>().AsNoTracking().Where(p => p.Latitude != null && p.Longitude != null);
        var completions = db.Set<Completion>().AsNoTracking();
        var plans = db.Set<SavedPlan>().AsNoTracking();
        if (onlyUserId is not null)
        {
            profiles = profiles.Where(p => p.UserId == onlyUserId);
            completions = completions.Where(c => c.UserId == onlyUserId);
            plans = plans.Where(p => p.UserId == onlyUserId);
        }
        var rows = await profiles.OrderBy(p => p.UserId)
            .Select(p => new { p.UserId, p.Latitude, p.Longitude, p.Days, p.Shifts, p.DrivingLicence, p.MinimumHourlyPay, p.WantedRoles, p.Qualifications, p.LetEmployersFindMe })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return [];

        var refresh = await RefreshPolicies.ForEmployedAmongAsync(db, set, profiles.Select(p => p.UserId), cancellationToken);
        var held = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var latest = completions.LatestPerModule().AsAsyncEnumerable();
        await foreach (var completion in latest.WithCancellation(cancellationToken))
        {
            // Only training still in date counts as held.
            if (!set.Modules.ContainsKey(completion.ModuleSlug)
                || TrainingExpiry.ExpiresAtUtc(completion.CompletedAtUtc, (refresh.GetValueOrDefault(completion.UserId) ?? set.RefreshDefaults).MonthsFor(completion.ModuleSlug)) is { } expires && expires <= now)
                continue;
            held[completion.UserId] = held.GetValueOrDefault(completion.UserId) | catalogue.Module(completion.ModuleSlug);
        }
        var routes = (await plans.Select(p => new { p.UserId, p.FromRole, p.ToRole }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.UserId, p => catalogue.RouteRoles(p.FromRole, p.ToRole), StringComparer.Ordinal);

        return [.. rows.Select(r => new Person(r.UserId,
            new MatchCandidate((float)r.Latitude!.Value, (float)r.Longitude!.Value, r.Days, r.Shifts, r.DrivingLicence,
                held.GetValueOrDefault(r.UserId), catalogue.Roles(r.WantedRoles), routes.GetValueOrDefault(r.UserId),
                catalogue.Programmes(r.Qualifications), (float)(r.MinimumHourlyPay ?? 0m)),
            r.LetEmployersFindMe))];
    }

    private static PackedJobs Pack(JobSnapshot snapshot, MatchCatalogue catalogue)
    {
        var packed = PackedSnapshots.GetValue(snapshot, s => Packed(s, catalogue));
        // Content reloaded since this snapshot was packed: pack it again under the new positions.
        return packed.Version == catalogue.Version ? packed : Packed(snapshot, catalogue);
    }

    private static PackedJobs Packed(JobSnapshot snapshot, MatchCatalogue catalogue) => new(
        catalogue.Version,
        [.. snapshot.Documents.Select(d => d.Id)],
        [.. snapshot.Documents.Select(catalogue.Pack)],
        [.. snapshot.Documents.Select(d => d.ClosingDate)]);

    private static IQueryable<T> InRange<T>(IQueryable<T> rows, string? after, string? last)
        where T : class
    {
        if (after is not null)
            rows = rows.Where(r => EF.Property<string>(r, "UserId").CompareTo(after) > 0);
        if (last is not null)
            rows = rows.Where(r => EF.Property<string>(r, "UserId").CompareTo(last) <= 0);
        return rows;
    }

    /// <summary>Equal apart from when they were computed (the last column).</summary>
    private static bool SameRow(object[] a, object[] b)
    {
        for (var i = 0; i < a.Length - 1; i++)
        {
            if (!a[i].Equals(b[i]))
                return false;
        }
        return true;
    }

    private static bool SameRows(List<object[]> a, List<object[]> b) => a.Count == b.Count && a.Zip(b).All(pair => SameRow(pair.First, pair.Second));

    private static object[] MatchRow(JobMatch m) =>
    [
        m.UserId, m.VacancyId, m.Score, m.Miles, m.ModulesHeld, m.ModulesRequired, m.ProgrammesHeld, m.ProgrammesRequired,
        m.DaysFit, m.PayAsked, m.HourlyPay, m.RoleWanted, m.OnSavedRoute, m.ForPerson, m.ForVacancy, m.ComputedAtUtc,
    ];

    private static object[] PersonRow(MatchPerson p) =>
    [
        p.UserId, p.Latitude, p.Longitude, (int)p.Days, (int)p.Shifts, p.DrivingLicence, p.ModulesHeld, p.ProgrammesHeld,
        p.RolesWanted, p.RolesOnSavedRoute, p.PayAsked, p.Findable, p.Cutoff, p.ContentVersion, p.ComputedAtUtc,
    ];

    private static object[] MatchRow(string userId, Guid vacancyId, MatchScore score, bool forPerson, bool forVacancy, DateTime now) =>
    [
        userId, vacancyId, score.Score, score.Miles, score.ModulesHeld, score.ModulesRequired, score.ProgrammesHeld, score.ProgrammesRequired,
        score.DaysFit, score.PayAsked, score.HourlyPay, score.RoleWanted, score.OnSavedRoute, forPerson, forVacancy, now,
    ];

    private static object[] PersonRow(Person person, float cutoff, string version, DateTime now)
    {
        var c = person.Candidate;
        return
        [
            person.UserId, c.Latitude, c.Longitude, (int)c.Days, (int)c.Shifts, c.DrivingLicence, unchecked((long)c.ModulesHeld), unchecked((int)c.ProgrammesHeld),
            unchecked((long)c.RolesWanted), unchecked((long)c.RolesOnSavedRoute), c.PayAsked, person.Findable, cutoff, version, now,
        ];
    }
}
