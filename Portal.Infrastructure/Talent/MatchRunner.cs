using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// Works out and stores matches between people with a located profile and open vacancies. Each
/// person keeps their best <see cref="KeepPerPerson"/> vacancies, and each vacancy its best
/// <see cref="KeepPerVacancy"/> people among those who let employers find them; pages show fewer,
/// so a closed vacancy or a changed person leaves the lists full until the nightly run rebuilds them.
/// <para>
/// Three ways in: <see cref="RunAllAsync"/> (nightly, and the backstop for anything missed),
/// <see cref="ForPersonAsync"/> (their profile, training or saved route changed) and
/// <see cref="ForVacancyAsync"/> (it was published, edited or closed). Each loads
/// (<see cref="MatchLoader"/>), scores (<see cref="MatchScoring"/>) and writes
/// (<see cref="MatchWriter"/>). Every write replaces a person's or a vacancy's rows in one
/// transaction, and the same data always gives the same rows, so a run killed at any point and run
/// again leaves exactly what an uninterrupted run would.
/// </para>
/// </summary>
public sealed class MatchRunner(PortalDbContext db, ContentStore content, JobIndex jobs, MatchCache cache, TimeProvider clock, ILogger<MatchRunner> logger)
{
    public const int KeepPerPerson = 15;
    public const int KeepPerVacancy = 60;

    /// <summary>People written per transaction in a full run.</summary>
    internal int BatchSize { get; set; } = 2_000;

    /// <summary>Runs after each batch of a full run is committed; tests use it to kill a run part-way.</summary>
    internal Func<int, Task>? AfterBatch { get; set; }

    public async Task<MatchRunSummary> RunAllAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var set = content.Current;
        var catalogue = MatchCatalogue.For(set);
        var now = clock.GetUtcNow().UtcDateTime;

        var input = await new MatchLoader(db, set).FullRunAsync(catalogue, now, null, cancellationToken);
        var loading = watch.Elapsed;
        var scores = MatchScoring.FullRun(input, cancellationToken);
        var scoring = watch.Elapsed - loading;
        var written = await new MatchWriter(db).FullRunAsync(input, scores, catalogue.Version, now, BatchSize, AfterBatch, cancellationToken);
        var writing = watch.Elapsed - loading - scoring;

        var (n, m) = (input.People.Count, input.Vacancies.Length);
        logger.LogInformation("Matching run: {People} people, {Vacancies} vacancies, {Pairs} pairs scored, {Rows} matches stored; loading {Loading}, scoring {Scoring}, writing {Writing}",
            n, m, scores.PairsScored, written, loading, scoring, writing);
        return new MatchRunSummary(n, m, scores.PairsScored, written, loading, scoring, writing);
    }

    /// <summary>Rematches one person against every open vacancy.</summary>
    /// <returns>Matches stored for them.</returns>
    public async Task<int> ForPersonAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var set = content.Current;
        var catalogue = MatchCatalogue.For(set);
        var now = clock.GetUtcNow().UtcDateTime;
        var loader = new MatchLoader(db, set);
        var found = await loader.PeopleAsync(userId, null, catalogue, now, cancellationToken);
        var rows = new List<JobMatch>();
        MatchPerson? packedPerson = null;
        if (found.Count == 1)
        {
            var person = found[0];
            var packed = cache.Jobs(await jobs.CurrentAsync(cancellationToken), catalogue);
            var cutoffs = await cache.CutoffsAsync(db, now, cancellationToken);
            var (notForPerson, notForVacancy) = await loader.DismissalsOfPersonAsync(userId, cancellationToken);
            var kept = MatchScoring.OnePerson(person, packed, DateOnly.FromDateTime(now), cutoffs, notForPerson, notForVacancy);
            rows.AddRange(kept.Kept.Select(k => MatchWriter.Match(userId, packed.Ids[k.Index], k.Score, k.ForPerson, k.ForVacancy, now)));
            packedPerson = MatchWriter.Packed(person, kept.Cutoff, catalogue.Version, now);
        }
        return await new MatchWriter(db).PersonAsync(userId, rows, packedPerson, cancellationToken);
    }

    /// <summary>Rematches one vacancy against everyone, as packed by the last run that looked at them.</summary>
    /// <returns>Matches stored for it.</returns>
    public async Task<int> ForVacancyAsync(Guid vacancyId, CancellationToken cancellationToken)
    {
        var set = content.Current;
        var catalogue = MatchCatalogue.For(set);
        var now = clock.GetUtcNow().UtcDateTime;
        var vacancy = await db.Set<Vacancy>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == vacancyId, cancellationToken);
        var rows = new List<JobMatch>();
        MatchVacancyCutoff? cutoff = null;
        if (vacancy is not null && vacancy.IsOpen(DateOnly.FromDateTime(now)))
        {
            var loader = new MatchLoader(db, set);
            var job = catalogue.Pack(vacancy.Details);
            var people = await loader.PackedPeopleAsync(job, catalogue.Version, cancellationToken);
            var (notForPerson, notForVacancy) = await loader.DismissalsOfVacancyAsync(vacancyId, cancellationToken);
            var kept = MatchScoring.OneVacancy(job, people, notForPerson, notForVacancy);
            rows.AddRange(kept.Kept.Select(k => MatchWriter.Match(people[k.Index].UserId, vacancyId, k.Score, k.ForPerson, k.ForVacancy, now)));
            cutoff = new MatchVacancyCutoff { VacancyId = vacancyId, Cutoff = kept.Cutoff, ComputedAtUtc = now };
            if (people.Count == 0 && await db.Set<CandidateProfile>().AnyAsync(p => p.Latitude != null, cancellationToken))
                logger.LogWarning("Nobody is packed for content version {Version} yet; vacancy {VacancyId} gets matches at the next full run", catalogue.Version, vacancyId);
        }
        return await new MatchWriter(db).VacancyAsync(vacancyId, rows, cutoff, cancellationToken);
    }
}
