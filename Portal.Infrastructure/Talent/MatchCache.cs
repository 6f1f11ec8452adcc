using Microsoft.EntityFrameworkCore;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// What a rematch would otherwise read or pack afresh each time, kept once per host (a singleton;
/// a host has one database): the open vacancies packed for matching, per job index snapshot and
/// content version, and every vacancy's cutoff, read at most every <see cref="CutoffsKeptFor"/>.
/// Each is an immutable snapshot replaced whole, so rematches running at once each see one
/// snapshot or the next, never half of each; two that miss together both read, and either is right.
/// </summary>
public sealed class MatchCache
{
    /// <summary>
    /// How long cutoffs are kept. Reading them was most of a person's rematch; a cutoff a little out
    /// of date only lets a person into a list they would narrowly miss (the pages show fewer than
    /// the lists keep), or keeps them out of one until the vacancy or the nightly run is next matched.
    /// </summary>
    public static readonly TimeSpan CutoffsKeptFor = TimeSpan.FromSeconds(30);

    private PackedJobs? _packed;
    private Cutoffs? _cutoffs;

    /// <summary>The snapshot's vacancies, packed under the catalogue's bit positions.</summary>
    internal PackedJobs Jobs(JobSnapshot snapshot, MatchCatalogue catalogue)
    {
        if (Volatile.Read(ref _packed) is { } packed && ReferenceEquals(packed.Snapshot, snapshot) && packed.Version == catalogue.Version)
            return packed;
        packed = new PackedJobs(
            snapshot,
            catalogue.Version,
            [.. snapshot.Documents.Select(d => d.Id)],
            [.. snapshot.Documents.Select(catalogue.Pack)],
            [.. snapshot.Documents.Select(d => d.ClosingDate)]);
        Volatile.Write(ref _packed, packed);
        return packed;
    }

    /// <summary>Every vacancy's cutoff, as read within the last <see cref="CutoffsKeptFor"/>.</summary>
    internal async Task<IReadOnlyDictionary<Guid, float>> CutoffsAsync(PortalDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cutoffs) is { } cached && now - cached.ReadAtUtc < CutoffsKeptFor && now >= cached.ReadAtUtc)
            return cached.ByVacancy;
        var read = await db.Set<MatchVacancyCutoff>().AsNoTracking().Select(c => new { c.VacancyId, c.Cutoff })
            .ToDictionaryAsync(c => c.VacancyId, c => c.Cutoff, cancellationToken);
        Volatile.Write(ref _cutoffs, new Cutoffs(now, read));
        return read;
    }

    private sealed record Cutoffs(DateTime ReadAtUtc, IReadOnlyDictionary<Guid, float> ByVacancy);
}

/// <summary>A job index snapshot's vacancies packed for matching, in the snapshot's order.</summary>
internal sealed record PackedJobs(JobSnapshot Snapshot, string Version, Guid[] Ids, MatchVacancy[] Jobs, DateOnly[] ClosingDates);
