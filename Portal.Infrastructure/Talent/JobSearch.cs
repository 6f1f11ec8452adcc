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
        var found = new List<(JobDocument Job, double? Miles, int Relevance)>();
        var candidates = snapshot.WithCareerRole(query.CareerRole);
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            var job = snapshot.Documents[i];
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
            found.Add((job, miles, scores?[i] ?? 0));
        }

        // Stable tie-breaks (newest, then id) so paging never shows a job twice or skips one.
        var ordered = query.Sort switch
        {
            JobSort.Distance => found.OrderBy(f => f.Miles ?? double.MaxValue),
            JobSort.Pay => found.OrderByDescending(f => f.Job.HourlyPay),
            _ => found.OrderByDescending(f => f.Relevance),
        };
        var pages = Math.Max(1, (found.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        var shown = ordered.ThenByDescending(f => f.Job.PublishedAtUtc).ThenBy(f => f.Job.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(f => new JobListing(f.Job.Id, f.Job.Title, f.Job.OrganisationName, f.Job.CareerRole, f.Job.District,
                f.Job.HourlyPay, f.Job.HoursPerWeek, f.Job.ClosingDate, f.Miles, f.Job.Badges));
        return new JobResults([.. shown], found.Count, page, pages);
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
