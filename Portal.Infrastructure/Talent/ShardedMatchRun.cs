using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// The full matching run spread over shards of people (whole postcode districts), so several nodes
/// can share it. It stores exactly what <see cref="MatchRunner.RunAllAsync"/> stores:
/// <list type="number">
/// <item><see cref="StartAsync"/> plans the shards and records the run.</item>
/// <item><see cref="ScoreShardAsync"/>, per shard: its people against every open vacancy within
/// their reach, wherever it is (<see cref="MatchReach"/>), giving each person's own list whole and
/// putting forward the shard's best people for each vacancy, less any that shards already scored
/// have beaten (<see cref="MatchRunMerge.BarsAsync"/>); it keeps its people packed and their own
/// picks for the write step.</item>
/// <item><see cref="MergeAsync"/>, once every shard scored: each vacancy's list is the best of all
/// shards' candidates, the same order a single run uses (score, then id), and its cutoff, settled
/// in the database (<see cref="MatchRunMerge"/>).</item>
/// <item><see cref="WriteShardAsync"/>, per shard: its people's matches from what it kept and the
/// places settled, without reading their profiles or scoring them again.</item>
/// <item><see cref="CompleteAsync"/>, once every shard wrote: rows of people no longer matched go.</item>
/// </list>
/// Each step's writes and the state change that records it are one transaction, guarded by the
/// state it expects, so a step killed at any line leaves nothing, a rerun does it whole, and a
/// duplicate (two nodes, or a retry after the first succeeded) finds the state moved and writes nothing.
/// </summary>
public sealed class ShardedMatchRun(PortalDbContext db, ContentStore content, IOptions<MatchingOptions> options, TimeProvider clock, ILogger<ShardedMatchRun> logger)
{
    /// <summary>Runs just before a step commits, with the step ("score" or "write") and shard; tests use it to kill a shard part-way.</summary>
    internal Func<string, int, Task>? BeforeCommit { get; set; }

    /// <summary>Plans the shards and records a new run, superseding any unfinished one (its queue lost, say).</summary>
    public async Task<MatchRun> StartAsync(CancellationToken cancellationToken)
    {
        var set = content.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var districts = await db.Set<CandidateProfile>().AsNoTracking()
            .Where(p => p.Latitude != null && p.Longitude != null)
            .GroupBy(p => p.District ?? "")
            .Select(g => new { District = g.Key, Latitude = g.Average(p => p.Latitude) ?? 0, Longitude = g.Average(p => p.Longitude) ?? 0, People = g.Count() })
            .ToListAsync(cancellationToken);
        var plan = MatchShards.Plan(districts.Select(d => new DistrictPeople(d.District, d.Latitude, d.Longitude, d.People)), options.Value.PeoplePerShard);
        var run = MatchRun.Start(Guid.NewGuid(), set.Version, plan.Count, now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unfinished = db.Set<MatchRun>().Where(r => r.State == MatchRunState.Scoring || r.State == MatchRunState.Writing).Select(r => r.Id);
        await db.Set<MatchRunCandidate>().Where(c => unfinished.Contains(c.RunId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchRunPlace>().Where(c => unfinished.Contains(c.RunId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchRunPerson>().Where(c => unfinished.Contains(c.RunId)).ExecuteDeleteAsync(cancellationToken);
        var superseded = await db.Set<MatchRun>().Where(r => r.State == MatchRunState.Scoring || r.State == MatchRunState.Writing)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, MatchRunState.Abandoned).SetProperty(r => r.FinishedAtUtc, now), cancellationToken);
        db.Add(run);
        for (var i = 0; i < plan.Count; i++)
            db.Add(MatchRunShard.Plan(run.Id, i, [.. plan[i].Select(d => d.District)], plan[i].Sum(d => d.People)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (superseded > 0)
            logger.LogWarning("Matching run {RunId} supersedes {Count} unfinished run(s)", run.Id, superseded);
        logger.LogInformation("Matching run {RunId}: {Shards} shards of {People} people", run.Id, plan.Count, districts.Sum(d => d.People));
        return run;
    }

    /// <summary>Scores one shard and puts forward its candidates; false when there was nothing to do (already scored, or the run moved on).</summary>
    public async Task<bool> ScoreShardAsync(Guid runId, int shard, CancellationToken cancellationToken)
    {
        var laps = new Laps();
        if (await StepAsync(runId, shard, MatchRunState.Scoring, MatchShardState.Pending, cancellationToken) is not var (run, row, catalogue, set))
            return false;
        var input = await new MatchLoader(db, set).FullRunAsync(catalogue, run.RunAtUtc, row.DistrictList, cancellationToken, laps);
        var scores = MatchScoring.FullRun(input, cancellationToken);
        laps.Lap("score");
        // Read before the claim: bars only rise as shards commit, so an older one is merely lower.
        var bars = MatchReach.Around(input.People.Select(p => (p.Candidate.Latitude, p.Candidate.Longitude))) is { } reach
            ? await MatchRunMerge.BarsAsync(db, runId, reach, cancellationToken)
            : [];
        laps.Lap("bars");
        var candidates = new List<MatchRunCandidate>();
        for (var v = 0; v < input.VacancyIds.Length; v++)
        {
            var (people, kept) = scores.VacancyLists[v];
            var bar = bars.GetValueOrDefault(input.VacancyIds[v], -1f);
            // Best first, so the rest are below the bar too.
            for (var i = 0; i < people.Length && kept[i] >= bar; i++)
                candidates.Add(new MatchRunCandidate { RunId = runId, Shard = shard, VacancyId = input.VacancyIds[v], UserId = input.People[people[i]].UserId, Score = kept[i] });
        }
        // What the write step needs of this scoring, so it neither reads the people again nor scores them twice.
        var packed = new List<MatchRunPerson>(input.People.Count);
        var picks = new List<MatchRunPlace>(input.People.Count * MatchRunner.KeepPerPerson);
        for (var p = 0; p < input.People.Count; p++)
        {
            var person = input.People[p];
            packed.Add(Packed(runId, shard, person, scores.PersonCutoff[p]));
            foreach (var v in scores.TopOf(p))
                picks.Add(new MatchRunPlace { RunId = runId, Shard = shard, UserId = person.UserId, VacancyId = input.VacancyIds[v], ForPerson = true });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var worker = options.Value.Worker;
        // The claim comes first, so a second worker on the same shard waits here and then finds it taken.
        var claimed = await Shard(runId, shard, MatchShardState.Pending, MatchRunState.Scoring)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, MatchShardState.Scored).SetProperty(x => x.ScoreWorker, worker).SetProperty(x => x.ScoredAtUtc, now)
                .SetProperty(x => x.People, input.People.Count).SetProperty(x => x.PairsScored, scores.PairsScored)
                .SetProperty(x => x.Vacancies, input.VacancyIds.Length).SetProperty(x => x.Candidates, candidates.Count), cancellationToken);
        if (claimed == 0)
            return false;
        await BulkInsert.EntitiesAsync(db, candidates, cancellationToken);
        await BulkInsert.EntitiesAsync(db, packed, cancellationToken);
        await BulkInsert.EntitiesAsync(db, picks, cancellationToken);
        laps.Lap("put forward");
        var took = laps.TotalMilliseconds;
        await db.Set<MatchRunShard>().Where(s => s.RunId == runId && s.Shard == shard).ExecuteUpdateAsync(s => s.SetProperty(x => x.ScoreMilliseconds, took), cancellationToken);
        if (BeforeCommit is { } hook)
            await hook("score", shard);
        await transaction.CommitAsync(cancellationToken);
        laps.Lap("commit");
        logger.LogInformation("Matching run {RunId} shard {Shard}: {People} people scored against {Vacancies} vacancies, {Candidates} candidates put forward in {Took} ms: {Laps}",
            runId, shard, input.People.Count, input.VacancyIds.Length, candidates.Count, took, laps);
        return true;
    }

    /// <summary>
    /// Once every shard scored, settles each vacancy's list and cutoff, once. True when shards may
    /// write (now or already), so whoever asks can queue them.
    /// </summary>
    public async Task<bool> MergeAsync(Guid runId, CancellationToken cancellationToken)
    {
        var laps = new Laps();
        var run = await db.Set<MatchRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run?.State == MatchRunState.Writing)
            return true;
        if (run?.State != MatchRunState.Scoring)
            return false;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Set<MatchRun>()
            .Where(r => r.Id == runId && r.State == MatchRunState.Scoring && !db.Set<MatchRunShard>().Any(s => s.RunId == runId && s.State == MatchShardState.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, MatchRunState.Writing), cancellationToken);
        if (moved == 0)
            return false;
        var today = DateOnly.FromDateTime(run.RunAtUtc);
        var open = await db.Set<Vacancy>().AsNoTracking()
            .Where(v => v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today).Select(v => v.Id).ToListAsync(cancellationToken);
        laps.Lap("open");
        var places = await MatchRunMerge.PlacesAsync(db, runId, cancellationToken);
        laps.Lap("places");
        var cutoffs = open.ToDictionary(id => id, _ => -1f);
        foreach (var last in await MatchRunMerge.LastPlacesAsync(db, runId, cancellationToken))
        {
            if (cutoffs.ContainsKey(last.VacancyId))
                cutoffs[last.VacancyId] = last.Score;
        }
        await db.Set<MatchVacancyCutoff>().ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.EntitiesAsync(db, [.. cutoffs.Select(c => new MatchVacancyCutoff { VacancyId = c.Key, Cutoff = c.Value, ComputedAtUtc = run.RunAtUtc })], cancellationToken);
        laps.Lap("cutoffs");
        await transaction.CommitAsync(cancellationToken);
        laps.Lap("commit");
        logger.LogInformation("Matching run {RunId}: every shard scored; {Places} places on {Vacancies} vacancies' lists settled in {Laps}", runId, places, open.Count, laps);
        return true;
    }

    /// <summary>Writes one shard's people's matches; false when there was nothing to do (already written, or the run is not writing).</summary>
    public async Task<bool> WriteShardAsync(Guid runId, int shard, CancellationToken cancellationToken)
    {
        var laps = new Laps();
        if (await StepAsync(runId, shard, MatchRunState.Writing, MatchShardState.Scored, cancellationToken) is not var (run, _, catalogue, _))
            return false;
        var people = await db.Set<MatchRunPerson>().AsNoTracking().Where(p => p.RunId == runId && p.Shard == shard).ToListAsync(cancellationToken);
        people.Sort((a, b) => string.CompareOrdinal(a.UserId, b.UserId));
        laps.Lap("people");
        var shardPlaces = db.Set<MatchRunPlace>().Where(p => p.RunId == runId && p.Shard == shard);
        var read = (await db.Set<Vacancy>().AsNoTracking().Where(v => shardPlaces.Any(p => p.VacancyId == v.Id))
            .Select(v => new { v.Id, v.Details }).ToListAsync(cancellationToken)).OrderBy(v => v.Id).ToList();
        var vacancyIds = read.Select(v => v.Id).ToArray();
        var vacancies = read.Select(v => catalogue.Pack(v.Details)).ToArray();
        laps.Lap("vacancies");
        var vacancyIndex = new Dictionary<Guid, int>(vacancyIds.Length);
        for (var i = 0; i < vacancyIds.Length; i++)
            vacancyIndex[vacancyIds[i]] = i;
        var personIndex = new Dictionary<string, int>(people.Count, StringComparer.Ordinal);
        var toWrite = new List<ShardPerson>(people.Count);
        foreach (var person in people)
        {
            personIndex[person.UserId] = toWrite.Count;
            toWrite.Add(new ShardPerson(new PersonToMatch(person.UserId, person.Candidate, person.Findable), person.Cutoff, [], []));
        }
        foreach (var place in await shardPlaces.AsNoTracking().Select(p => new { p.UserId, p.VacancyId, p.ForPerson }).ToListAsync(cancellationToken))
        {
            // A vacancy removed since the shard scored has nothing to write.
            if (personIndex.TryGetValue(place.UserId, out var p) && vacancyIndex.TryGetValue(place.VacancyId, out var v))
                (place.ForPerson ? toWrite[p].Picks : toWrite[p].Lists).Add(v);
        }
        laps.Lap("places");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var worker = options.Value.Worker;
        var claimed = await Shard(runId, shard, MatchShardState.Scored, MatchRunState.Writing)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, MatchShardState.Written).SetProperty(x => x.WriteWorker, worker).SetProperty(x => x.WrittenAtUtc, now), cancellationToken);
        if (claimed == 0)
            return false;
        var written = await new MatchWriter(db).ShardAsync(vacancyIds, vacancies, toWrite, run.ContentVersion, run.RunAtUtc, cancellationToken);
        laps.Lap("write");
        var took = laps.TotalMilliseconds;
        await db.Set<MatchRunShard>().Where(s => s.RunId == runId && s.Shard == shard)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RowsWritten, written).SetProperty(x => x.WriteMilliseconds, took), cancellationToken);
        if (BeforeCommit is { } hook)
            await hook("write", shard);
        await transaction.CommitAsync(cancellationToken);
        laps.Lap("commit");
        logger.LogInformation("Matching run {RunId} shard {Shard}: {Rows} matches written in {Took} ms: {Laps}", runId, shard, written, took, laps);
        return true;
    }

    /// <summary>Once every shard wrote, completes the run, once: rows of people no longer matched go, and so does the run's working data.</summary>
    public async Task<bool> CompleteAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<MatchRun>()
            .Where(r => r.Id == runId && r.State == MatchRunState.Writing && !db.Set<MatchRunShard>().Any(s => s.RunId == runId && s.State != MatchShardState.Written))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, MatchRunState.Completed).SetProperty(r => r.FinishedAtUtc, now), cancellationToken);
        if (moved == 0)
            return false;
        // As a single run does: people who left, or no longer say where they live, keep no matches.
        var located = db.Set<CandidateProfile>().Where(p => p.Latitude != null && p.Longitude != null).Select(p => p.UserId);
        await db.Set<JobMatch>().Where(m => !located.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchPerson>().Where(m => !located.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchRunCandidate>().Where(c => c.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchRunPlace>().Where(c => c.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchRunPerson>().Where(c => c.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Matching run {RunId} completed", runId);
        return true;
    }

    /// <summary>Shards of a run not yet written, for queueing their writes.</summary>
    public Task<List<int>> UnwrittenShardsAsync(Guid runId, CancellationToken cancellationToken) =>
        db.Set<MatchRunShard>().AsNoTracking().Where(s => s.RunId == runId && s.State != MatchShardState.Written).OrderBy(s => s.Shard).Select(s => s.Shard).ToListAsync(cancellationToken);

    /// <summary>The run and its shards, as they stand.</summary>
    public async Task<(MatchRun Run, List<MatchRunShard> Shards)?> ReadAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.Set<MatchRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
            return null;
        return (run, await db.Set<MatchRunShard>().AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Shard).ToListAsync(cancellationToken));
    }

    /// <summary>Every step of a run, one after another in this process: one worker, all shards.</summary>
    public async Task<MatchRun> RunHereAsync(CancellationToken cancellationToken)
    {
        var run = await StartAsync(cancellationToken);
        for (var shard = 0; shard < run.Shards; shard++)
            await ScoreShardAsync(run.Id, shard, cancellationToken);
        await MergeAsync(run.Id, cancellationToken);
        for (var shard = 0; shard < run.Shards; shard++)
            await WriteShardAsync(run.Id, shard, cancellationToken);
        await CompleteAsync(run.Id, cancellationToken);
        return run;
    }

    private static MatchRunPerson Packed(Guid runId, int shard, PersonToMatch person, float cutoff)
    {
        var c = person.Candidate;
        return new MatchRunPerson
        {
            RunId = runId, Shard = shard, UserId = person.UserId, Latitude = c.Latitude, Longitude = c.Longitude, Days = c.Days, Shifts = c.Shifts, DrivingLicence = c.DrivingLicence,
            ModulesHeld = unchecked((long)c.ModulesHeld), ProgrammesHeld = unchecked((int)c.ProgrammesHeld), RolesWanted = unchecked((long)c.RolesWanted),
            RolesOnSavedRoute = unchecked((long)c.RolesOnSavedRoute), PayAsked = c.PayAsked, Findable = person.Findable, Cutoff = cutoff,
        };
    }

    private IQueryable<MatchRunShard> Shard(Guid runId, int shard, MatchShardState from, MatchRunState runState) =>
        db.Set<MatchRunShard>().Where(s => s.RunId == runId && s.Shard == shard && s.State == from
            && db.Set<MatchRun>().Any(r => r.Id == runId && r.State == runState));

    /// <summary>The run and shard when the step is due, under the content the run began with; a run whose content changed under it is abandoned for the next.</summary>
    private async Task<(MatchRun Run, MatchRunShard Row, MatchCatalogue Catalogue, ContentSet Set)?> StepAsync(Guid runId, int shard, MatchRunState runState, MatchShardState from, CancellationToken cancellationToken)
    {
        var run = await db.Set<MatchRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        var row = await db.Set<MatchRunShard>().AsNoTracking().FirstOrDefaultAsync(s => s.RunId == runId && s.Shard == shard, cancellationToken);
        if (run is null || row is null || run.State != runState || row.State != from)
            return null;
        var set = content.Current;
        if (set.Version != run.ContentVersion)
        {
            // Bit positions follow the content; shards packed under two versions would not fit together.
            await db.Set<MatchRun>().Where(r => r.Id == runId && (r.State == MatchRunState.Scoring || r.State == MatchRunState.Writing))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, MatchRunState.Abandoned).SetProperty(r => r.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
            logger.LogWarning("Matching run {RunId} abandoned: the content changed under it; the next run starts afresh", runId);
            return null;
        }
        return (run, row, MatchCatalogue.For(set), set);
    }
}
