using System.Runtime.InteropServices;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// A full run's lists: each person's kept vacancies (indexes, best first) and cutoff, and for each
/// person the vacancies whose lists they made; each vacancy's cutoff.
/// </summary>
internal sealed record FullRunScores(int[] PersonTop, int[] PersonCount, float[] PersonCutoff, List<int>?[] ForVacancy, float[] VacancyCutoff, long PairsScored)
{
    /// <summary>Each vacancy's kept people (indexes, best first) with their scores: what a shard puts forward.</summary>
    public (int[] People, float[] Scores)[] VacancyLists { get; init; } = [];

    public ReadOnlySpan<int> TopOf(int person) => PersonTop.AsSpan(person * MatchRunner.KeepPerPerson, PersonCount[person]);

    public ReadOnlySpan<int> ListsMadeBy(int person) => CollectionsMarshal.AsSpan(ForVacancy[person]);
}

/// <summary>A rematch's result: the pairs kept (a vacancy or person index, with its score and sides) and the list's new cutoff.</summary>
internal sealed record Rematched(List<(int Index, MatchScore Score, bool ForPerson, bool ForVacancy)> Kept, float Cutoff);

/// <summary>
/// The scoring step of each way of matching: pure work on what <see cref="MatchLoader"/> read, no
/// database. Every list is a top-k under one total order (score, then index), so the same input
/// always gives the same lists, however the work is shared out.
/// </summary>
internal static class MatchScoring
{
    private const int Chunk = 256;

    /// <summary>Everyone against every open vacancy, people shared out among the cores in interleaved chunks.</summary>
    public static FullRunScores FullRun(FullRunInput input, CancellationToken cancellationToken)
    {
        var people = input.People;
        var jobs = input.Vacancies;
        var n = people.Count;
        var m = jobs.Length;
        var reference = m == 0 ? 0f : jobs.Min(j => MathF.Abs(j.Latitude));
        var blocks = new MatchBlocks(jobs, reference);
        var personTop = new int[n * MatchRunner.KeepPerPerson];
        var personCount = new int[n];
        var personCutoff = new float[n];
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, (n / Chunk) + 1));
        var vacancyTops = new TopMatches[workers][];
        long pairs = 0;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, worker =>
        {
            var tops = new TopMatches[m];
            for (var v = 0; v < m; v++)
                tops[v] = new TopMatches(MatchRunner.KeepPerVacancy);
            var top = new TopMatches(MatchRunner.KeepPerPerson);
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
                        if (Matching.Score(person.Candidate, jobs[v]) is not { } score)
                            continue;
                        scored++;
                        var key = input.Pair(p, v);
                        if (top.WouldKeep(score.Score, v) && !input.NotForPerson.Contains(key))
                            top.Offer(score.Score, v);
                        if (person.Findable && tops[v].WouldKeep(score.Score, p) && !input.NotForVacancy.Contains(key))
                            tops[v].Offer(score.Score, p);
                    }
                    top.Ids.CopyTo(personTop.AsSpan(p * MatchRunner.KeepPerPerson));
                    personCount[p] = top.Count;
                    personCutoff[p] = top.Cutoff;
                }
            }
            vacancyTops[worker] = tops;
            Interlocked.Add(ref pairs, scored);
        });

        // Each vacancy's workers' lists merged into one.
        var vacancyCutoff = new float[m];
        var forVacancy = new List<int>?[n];
        var merged = new TopMatches(MatchRunner.KeepPerVacancy);
        var lists = new (int[] People, float[] Scores)[m];
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
            lists[v] = (merged.Ids.ToArray(), merged.Scores.ToArray());
        }
        return new FullRunScores(personTop, personCount, personCutoff, forVacancy, vacancyCutoff, pairs) { VacancyLists = lists };
    }

    /// <summary>
    /// One person against the open vacancies: their own list, and each vacancy's list they would
    /// get into (by its cutoff; a vacancy with no list yet takes anyone).
    /// </summary>
    public static Rematched OnePerson(PersonToMatch person, PackedJobs packed, DateOnly today, IReadOnlyDictionary<Guid, float> cutoffs, HashSet<Guid> notForPerson, HashSet<Guid> notForVacancy)
    {
        var top = new TopMatches(MatchRunner.KeepPerPerson);
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
        var kept = MatchSides.Merge(top.Ids, CollectionsMarshal.AsSpan(forVacancy));
        return new Rematched(kept.ConvertAll(k => (k.Index, scores[k.Index]!.Value, k.ForPerson, k.ForVacancy)), top.Cutoff);
    }

    /// <summary>One vacancy against everyone packed: its own list, and each person's list it would get into (by their cutoff).</summary>
    public static Rematched OneVacancy(MatchVacancy job, List<PackedPerson> people, HashSet<string> notForPerson, HashSet<string> notForVacancy)
    {
        var top = new TopMatches(MatchRunner.KeepPerVacancy);
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
        var kept = MatchSides.Merge(CollectionsMarshal.AsSpan(forPerson), top.Ids);
        return new Rematched(kept.ConvertAll(k => (k.Index, scores[k.Index]!.Value, k.ForPerson, k.ForVacancy)), top.Cutoff);
    }
}
