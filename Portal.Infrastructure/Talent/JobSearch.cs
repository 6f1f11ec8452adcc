using System.Buffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

/// <summary>The public job search: open vacancies only, answered from the in-memory <see cref="JobIndex"/>.</summary>
public sealed class JobSearch(PortalDbContext db, JobIndex index, ContentStore content, IOptions<TalentOptions> options, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<JobResults> SearchAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var snapshot = await index.CurrentAsync(cancellationToken);
        var scores = snapshot.Score(query.Keyword, content.Current.SearchWords);
        var candidates = snapshot.WithCareerRole(query.CareerRole);
        var documents = snapshot.Documents;
        // What passes the filters, by position in the index: a pooled array of values, so a role with
        // a thousand open vacancies costs no list of them per search.
        var found = ArrayPool<Found>.Shared.Rent(Math.Max(1, candidates.Count));
        try
        {
            var count = 0;
            for (var c = 0; c < candidates.Count; c++)
            {
                var i = candidates[c];
                var job = documents[i];
                if (job.ClosingDate < today
                    || (scores is not null && scores[i] == 0)
                    || (query.MinimumPay is { } pay && job.HourlyPay < pay)
                    || (query.GuaranteedHours && !job.GuaranteedHours)
                    || (query.PaidTravelTime && !job.PaidTravelTime)
                    || (query.WholeShiftPaid && job.PayBasis != PayBasis.WholeShift)
                    || (query.Shifts != ShiftTimes.None && (job.Shifts & query.Shifts) == 0)
                    || (query.PublishedAfter is { } after && job.PublishedAtUtc <= after)
                    || (query.PublishedUpTo is { } upTo && job.PublishedAtUtc > upTo))
                    continue;
                double? miles = query.From is { } from ? Distance.Miles(from.Latitude, from.Longitude, job.Latitude, job.Longitude) : null;
                if (query.WithinMiles is { } within && miles is { } m && m > within)
                    continue;
                found[count++] = new Found(i, miles, scores?[i] ?? 0);
            }

            var pages = Math.Max(1, (count + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pages);
            var best = Best(found.AsSpan(0, count), page * PageSize, new JobOrder(query.Sort, documents));
            var shown = new List<JobListing>(PageSize);
            for (var k = (page - 1) * PageSize; k < best.Length; k++)
            {
                var job = documents[best[k].Index];
                shown.Add(new JobListing(job.Id, job.Title, job.OrganisationName, job.CareerRole, job.District,
                    job.HourlyPay, job.HoursPerWeek, job.ClosingDate, best[k].Miles, job.Badges));
            }
            return new JobResults(shown, count, page, pages) { IndexVersion = snapshot.Version, AsOf = today };
        }
        finally
        {
            ArrayPool<Found>.Shared.Return(found);
        }
    }

    /// <summary>A vacancy that passed the filters: its place in the index, how far away, how well it matched the keywords.</summary>
    private readonly record struct Found(int Index, double? Miles, int Relevance);

    /// <summary>
    /// The first <paramref name="wanted"/> in order, best first: a heap of that many kept as the rest
    /// go by (a page of twenty from a thousand sorts twenty, not a thousand).
    /// </summary>
    private static Found[] Best(ReadOnlySpan<Found> found, int wanted, JobOrder order)
    {
        wanted = Math.Min(wanted, found.Length);
        if (wanted == 0)
            return [];
        // The heap's top is the worst kept, so a better candidate replaces it.
        var kept = new PriorityQueue<Found, Found>(wanted, Comparer<Found>.Create((a, b) => order.Compare(b, a)));
        foreach (var f in found)
        {
            if (kept.Count < wanted)
                kept.Enqueue(f, f);
            else if (order.Compare(f, kept.Peek()) < 0)
                kept.EnqueueDequeue(f, f);
        }
        var best = new Found[kept.Count];
        for (var i = best.Length - 1; i >= 0; i--)
            best[i] = kept.Dequeue();
        return best;
    }

    /// <summary>
    /// The order results are shown in: by distance (unknown last), pay (highest first) or relevance,
    /// then newest, then id, so paging never shows a job twice or skips one.
    /// </summary>
    private sealed class JobOrder(JobSort sort, IReadOnlyList<JobDocument> documents) : IComparer<Found>
    {
        public int Compare(Found x, Found y)
        {
            var a = documents[x.Index];
            var b = documents[y.Index];
            var first = sort switch
            {
                JobSort.Distance => (x.Miles ?? double.MaxValue).CompareTo(y.Miles ?? double.MaxValue),
                JobSort.Pay => b.HourlyPay.CompareTo(a.HourlyPay),
                _ => y.Relevance.CompareTo(x.Relevance),
            };
            return first != 0 ? first
                : b.PublishedAtUtc.CompareTo(a.PublishedAtUtc) is var newest and not 0 ? newest
                : a.Id.CompareTo(b.Id);
        }
    }

    /// <summary>An open vacancy with its organisation's name, for anyone; null when it is not open.</summary>
    public async Task<(Vacancy Vacancy, string OrganisationName)?> FindOpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var row = await db.Set<Vacancy>().AsNoTracking()
            .Where(v => v.Id == id && v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today)
            .Join(db.Set<Organisation>(), v => v.OrganisationId, o => o.Id, (v, o) => new { Vacancy = v, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Vacancy, row.Name);
    }

    public IReadOnlyList<string> Badges(VacancyDetails details) => FairWork.Badges(details, options.Value.RealLivingWage);
}
