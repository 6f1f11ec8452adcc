using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

/// <summary>A shard's person to write: packed as scored, their cutoff, their own picks and the vacancies' lists they made.</summary>
internal sealed record ShardPerson(PersonToMatch Person, float Cutoff, List<int> Picks, List<int> Lists);

/// <summary>
/// The writing step: stored matches, packed people and vacancy cutoffs replaced in bulk, each
/// replacement in one transaction, through the EF model's own tables, columns and conversions.
/// </summary>
internal sealed class MatchWriter(PortalDbContext db)
{
    /// <summary>
    /// A full run's lists, a batch of people per transaction. What is stored for their range of ids
    /// is read first and only people whose matches changed are rewritten, so a nightly run over a
    /// city where little changed writes little; people who left the range, or lost their location,
    /// lose their rows.
    /// </summary>
    /// <param name="afterBatch">Runs after each batch is committed; tests use it to kill a run part-way.</param>
    /// <returns>Matches written.</returns>
    public async Task<int> FullRunAsync(FullRunInput input, FullRunScores scores, string version, DateTime now, int batchSize, Func<int, Task>? afterBatch, CancellationToken cancellationToken)
    {
        var people = input.People;
        var vacancyIds = input.VacancyIds;
        // Rows in vacancy id order, as the stored ones are compared.
        var byVacancyId = Comparer<int>.Create((a, b) => vacancyIds[a].CompareTo(vacancyIds[b]));
        var written = 0;
        string? after = null;
        var batches = 0;
        for (var start = 0; start < people.Count; start += batchSize)
        {
            var end = Math.Min(people.Count, start + batchSize);
            var last = people[end - 1].UserId;
            var storedMatches = (await InRange(db.Set<JobMatch>().AsNoTracking(), after, last).ToListAsync(cancellationToken))
                .GroupBy(m => m.UserId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(m => m.VacancyId).ToList(), StringComparer.Ordinal);
            var storedPeople = (await InRange(db.Set<MatchPerson>().AsNoTracking(), after, last).ToListAsync(cancellationToken))
                .ToDictionary(p => p.UserId, StringComparer.Ordinal);
            var stale = new HashSet<string>(storedMatches.Keys.Concat(storedPeople.Keys), StringComparer.Ordinal);
            var matchRows = new List<JobMatch>();
            var personRows = new List<MatchPerson>();
            for (var p = start; p < end; p++)
            {
                var person = people[p];
                var rows = MatchSides.Merge(scores.TopOf(p), scores.ListsMadeBy(p), byVacancyId).ConvertAll(c =>
                    Match(person.UserId, vacancyIds[c.Index], Matching.Score(person.Candidate, input.Vacancies[c.Index])!.Value, c.ForPerson, c.ForVacancy, now));
                var packed = Packed(person, scores.PersonCutoff[p], version, now);
                var sameMatches = storedMatches.TryGetValue(person.UserId, out var before) ? SameMatches(before, rows) : rows.Count == 0;
                var samePerson = storedPeople.TryGetValue(person.UserId, out var packedBefore) && SamePerson(packedBefore, packed);
                if (sameMatches && samePerson)
                {
                    stale.Remove(person.UserId);
                    continue;
                }
                stale.Add(person.UserId);
                matchRows.AddRange(rows);
                personRows.Add(packed);
            }
            if (stale.Count > 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var chunk in stale.Chunk(1_000))
                {
                    await db.Set<JobMatch>().Where(m => chunk.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
                    await db.Set<MatchPerson>().Where(m => chunk.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
                }
                written += await BulkInsert.EntitiesAsync(db, matchRows, cancellationToken);
                await BulkInsert.EntitiesAsync(db, personRows, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            after = last;
            if (afterBatch is { } hook)
                await hook(++batches);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await InRange(db.Set<JobMatch>(), after, null).ExecuteDeleteAsync(cancellationToken);
            await InRange(db.Set<MatchPerson>(), after, null).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MatchVacancyCutoff>().ExecuteDeleteAsync(cancellationToken);
            await BulkInsert.EntitiesAsync(db, [.. vacancyIds.Select((id, v) => new MatchVacancyCutoff { VacancyId = id, Cutoff = scores.VacancyCutoff[v], ComputedAtUtc = now })], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return written;
    }

    /// <summary>
    /// A shard's people's matches and packed rows, inside the caller's transaction, so a shard's
    /// writes land whole or not at all: each person's own picks and the vacancies' lists they made
    /// (indexes into <paramref name="vacancies"/>), as their shard and the merge settled them. As in
    /// a full run, only people whose rows changed are rewritten.
    /// </summary>
    /// <returns>Matches written.</returns>
    public async Task<int> ShardAsync(Guid[] vacancyIds, MatchVacancy[] vacancies, IReadOnlyList<ShardPerson> people, string version, DateTime now, CancellationToken cancellationToken)
    {
        var byVacancyId = Comparer<int>.Create((a, b) => vacancyIds[a].CompareTo(vacancyIds[b]));
        var written = 0;
        foreach (var batch in people.Chunk(1_000))
        {
            var ids = batch.Select(p => p.Person.UserId).ToList();
            var storedMatches = (await db.Set<JobMatch>().AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(cancellationToken))
                .GroupBy(m => m.UserId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(m => m.VacancyId).ToList(), StringComparer.Ordinal);
            var storedPeople = (await db.Set<MatchPerson>().AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(cancellationToken))
                .ToDictionary(p => p.UserId, StringComparer.Ordinal);
            var stale = new List<string>();
            var matchRows = new List<JobMatch>();
            var personRows = new List<MatchPerson>();
            foreach (var (person, cutoff, picks, lists) in batch)
            {
                var rows = new List<JobMatch>();
                foreach (var (index, forPerson, forVacancy) in MatchSides.Merge(CollectionsMarshal.AsSpan(picks), CollectionsMarshal.AsSpan(lists), byVacancyId))
                {
                    // A vacancy edited since the shard scored it may be out of reach now; its own rematch has its rows.
                    if (Matching.Score(person.Candidate, vacancies[index]) is { } score)
                        rows.Add(Match(person.UserId, vacancyIds[index], score, forPerson, forVacancy, now));
                }
                var packed = Packed(person, cutoff, version, now);
                var sameMatches = storedMatches.TryGetValue(person.UserId, out var before) ? SameMatches(before, rows) : rows.Count == 0;
                if (sameMatches && storedPeople.TryGetValue(person.UserId, out var packedBefore) && SamePerson(packedBefore, packed))
                    continue;
                stale.Add(person.UserId);
                matchRows.AddRange(rows);
                personRows.Add(packed);
            }
            if (stale.Count == 0)
                continue;
            await db.Set<JobMatch>().Where(m => stale.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MatchPerson>().Where(m => stale.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
            written += await BulkInsert.EntitiesAsync(db, matchRows, cancellationToken);
            await BulkInsert.EntitiesAsync(db, personRows, cancellationToken);
        }
        return written;
    }

    /// <summary>Replaces one person's matches, and their packed row (none when they are no longer matched).</summary>
    /// <returns>Matches written.</returns>
    public async Task<int> PersonAsync(string userId, IReadOnlyList<JobMatch> rows, MatchPerson? packed, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<JobMatch>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchPerson>().Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var written = await BulkInsert.EntitiesAsync(db, rows, cancellationToken);
        if (packed is not null)
            await BulkInsert.EntitiesAsync(db, [packed], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>Replaces one vacancy's matches, and its cutoff (none when it is no longer open).</summary>
    /// <returns>Matches written.</returns>
    public async Task<int> VacancyAsync(Guid vacancyId, IReadOnlyList<JobMatch> rows, MatchVacancyCutoff? cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<JobMatch>().Where(m => m.VacancyId == vacancyId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchVacancyCutoff>().Where(c => c.VacancyId == vacancyId).ExecuteDeleteAsync(cancellationToken);
        var written = await BulkInsert.EntitiesAsync(db, rows, cancellationToken);
        if (cutoff is not null)
            await BulkInsert.EntitiesAsync(db, [cutoff], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public static JobMatch Match(string userId, Guid vacancyId, MatchScore score, bool forPerson, bool forVacancy, DateTime now) => new()
    {
        UserId = userId, VacancyId = vacancyId, Score = score.Score, Miles = score.Miles, ModulesHeld = score.ModulesHeld, ModulesRequired = score.ModulesRequired,
        ProgrammesHeld = score.ProgrammesHeld, ProgrammesRequired = score.ProgrammesRequired, DaysFit = score.DaysFit, PayAsked = score.PayAsked,
        HourlyPay = score.HourlyPay, RoleWanted = score.RoleWanted, OnSavedRoute = score.OnSavedRoute, ForPerson = forPerson, ForVacancy = forVacancy, ComputedAtUtc = now,
    };

    public static MatchPerson Packed(PersonToMatch person, float cutoff, string version, DateTime now)
    {
        var c = person.Candidate;
        return new MatchPerson
        {
            UserId = person.UserId, Latitude = c.Latitude, Longitude = c.Longitude, Days = c.Days, Shifts = c.Shifts, DrivingLicence = c.DrivingLicence,
            ModulesHeld = unchecked((long)c.ModulesHeld), ProgrammesHeld = unchecked((int)c.ProgrammesHeld), RolesWanted = unchecked((long)c.RolesWanted),
            RolesOnSavedRoute = unchecked((long)c.RolesOnSavedRoute), PayAsked = c.PayAsked, Findable = person.Findable, Cutoff = cutoff, ContentVersion = version,
            ComputedAtUtc = now,
        };
    }

    /// <summary>A person's rows (matches or packed) with ids after one and up to another; both tables name it UserId.</summary>
    private static IQueryable<T> InRange<T>(IQueryable<T> rows, string? after, string? last)
        where T : class
    {
        if (after is not null)
            rows = rows.Where(r => EF.Property<string>(r, nameof(MatchPerson.UserId)).CompareTo(after) > 0);
        if (last is not null)
            rows = rows.Where(r => EF.Property<string>(r, nameof(MatchPerson.UserId)).CompareTo(last) <= 0);
        return rows;
    }

    private static bool SameMatches(List<JobMatch> a, List<JobMatch> b) => a.Count == b.Count && a.Zip(b).All(pair => SameMatch(pair.First, pair.Second));

    // Equal apart from when they were computed. Equals, not ==, so floats compare as they are stored.
    private static bool SameMatch(JobMatch a, JobMatch b) =>
        a.UserId == b.UserId && a.VacancyId == b.VacancyId && a.Score.Equals(b.Score) && a.Miles.Equals(b.Miles)
        && a.ModulesHeld == b.ModulesHeld && a.ModulesRequired == b.ModulesRequired && a.ProgrammesHeld == b.ProgrammesHeld && a.ProgrammesRequired == b.ProgrammesRequired
        && a.DaysFit.Equals(b.DaysFit) && a.PayAsked.Equals(b.PayAsked) && a.HourlyPay.Equals(b.HourlyPay)
        && a.RoleWanted == b.RoleWanted && a.OnSavedRoute == b.OnSavedRoute && a.ForPerson == b.ForPerson && a.ForVacancy == b.ForVacancy;

    private static bool SamePerson(MatchPerson a, MatchPerson b) =>
        a.UserId == b.UserId && a.Latitude.Equals(b.Latitude) && a.Longitude.Equals(b.Longitude) && a.Days == b.Days && a.Shifts == b.Shifts
        && a.DrivingLicence == b.DrivingLicence && a.ModulesHeld == b.ModulesHeld && a.ProgrammesHeld == b.ProgrammesHeld && a.RolesWanted == b.RolesWanted
        && a.RolesOnSavedRoute == b.RolesOnSavedRoute && a.PayAsked.Equals(b.PayAsked) && a.Findable == b.Findable && a.Cutoff.Equals(b.Cutoff)
        && a.ContentVersion == b.ContentVersion;
}
