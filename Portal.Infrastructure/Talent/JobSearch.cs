using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

public enum JobSort
{
    Relevance,
    Distance,
    Pay,
}

/// <summary>What an applicant searches by; everything optional.</summary>
public sealed record JobQuery
{
    public string? Keyword { get; init; }
    public string? CareerRole { get; init; }

    /// <summary>Where from, for distance: a located postcode or district.</summary>
    public VacancyLocation? From { get; init; }

    public int? WithinMiles { get; init; }
    public decimal? MinimumPay { get; init; }
    public bool GuaranteedHours { get; init; }
    public bool PaidTravelTime { get; init; }
    public bool WholeShiftPaid { get; init; }
    public ShiftTimes Shifts { get; init; }
    public JobSort Sort { get; init; }
    public int Page { get; init; } = 1;
}

public sealed record JobListing(Guid Id, string Title, string OrganisationName, string CareerRole, string District, decimal HourlyPay, decimal HoursPerWeek, DateOnly ClosingDate, double? Miles, IReadOnlyList<string> Badges);

public sealed record JobResults(IReadOnlyList<JobListing> Jobs, int Total, int Page, int Pages);

/// <summary>The public job search: open vacancies only, filtered in the database, distance worked out after.</summary>
public sealed class JobSearch(PortalDbContext db, IOptions<TalentOptions> options, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<JobResults> SearchAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var vacancies = db.Set<Vacancy>().AsNoTracking()
            .Where(v => v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today);
        if (!string.IsNullOrWhiteSpace(query.CareerRole))
            vacancies = vacancies.Where(v => v.Details.CareerRole == query.CareerRole);
        if (query.MinimumPay is { } pay)
            vacancies = vacancies.Where(v => v.Details.HourlyPay >= pay);
        if (query.GuaranteedHours)
            vacancies = vacancies.Where(v => v.Details.GuaranteedHours);
        if (query.PaidTravelTime)
            vacancies = vacancies.Where(v => v.Details.PaidTravelTime);
        if (query.WholeShiftPaid)
            vacancies = vacancies.Where(v => v.Details.PayBasis == PayBasis.WholeShift);
        if (query.From is { } from && query.WithinMiles is { } miles)
        {
            // A box around the circle, in the database; the exact distance is checked below.
            var latitudeSpan = miles / 69.0;
            var longitudeSpan = miles / (69.0 * Math.Cos(from.Latitude * Math.PI / 180));
            var (south, north, west, east) = (from.Latitude - latitudeSpan, from.Latitude + latitudeSpan, from.Longitude - longitudeSpan, from.Longitude + longitudeSpan);
            vacancies = vacancies.Where(v => v.Details.Location.Latitude >= south && v.Details.Location.Latitude <= north
                && v.Details.Location.Longitude >= west && v.Details.Location.Longitude <= east);
        }
        var keyword = query.Keyword?.Trim();
        if (!string.IsNullOrEmpty(keyword))
        {
            var pattern = $"%{keyword.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            vacancies = vacancies.Where(v => EF.Functions.Like(v.Details.Title.ToLower(), pattern, "\\") || EF.Functions.Like(v.Details.DescriptionMarkdown.ToLower(), pattern, "\\"));
        }

        var rows = await vacancies
            .Join(db.Set<Organisation>(), v => v.OrganisationId, o => o.Id, (v, o) => new { Vacancy = v, OrganisationName = o.Name })
            .ToListAsync(cancellationToken);

        var wage = options.Value.RealLivingWage;
        var listings = rows
            .Select(r => (r.Vacancy, r.OrganisationName, Miles: query.From is { } f
                ? Distance.Miles(f.Latitude, f.Longitude, r.Vacancy.Details.Location.Latitude, r.Vacancy.Details.Location.Longitude)
                : (double?)null))
            .Where(r => query.WithinMiles is not { } within || r.Miles is not { } m || m <= within)
            .Where(r => query.Shifts == ShiftTimes.None || (r.Vacancy.Details.Shifts & query.Shifts) != 0)
            .Select(r => (Listing: new JobListing(r.Vacancy.Id, r.Vacancy.Details.Title, r.OrganisationName, r.Vacancy.Details.CareerRole,
                r.Vacancy.Details.Location.District, r.Vacancy.Details.HourlyPay, r.Vacancy.Details.HoursPerWeek, r.Vacancy.Details.ClosingDate,
                r.Miles, FairWork.Badges(r.Vacancy.Details, wage)), Relevance: Relevance(r.Vacancy.Details, keyword), r.Vacancy.PublishedAtUtc));

        // Stable tie-breaks (newest, then id) so paging never shows a job twice or skips one.
        var ordered = query.Sort switch
        {
            JobSort.Distance => listings.OrderBy(l => l.Listing.Miles ?? double.MaxValue),
            JobSort.Pay => listings.OrderByDescending(l => l.Listing.HourlyPay),
            _ => listings.OrderByDescending(l => l.Relevance),
        };
        var all = ordered.ThenByDescending(l => l.PublishedAtUtc).ThenBy(l => l.Listing.Id).Select(l => l.Listing).ToList();
        var pages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        return new JobResults([.. all.Skip((page - 1) * PageSize).Take(PageSize)], all.Count, page, pages);
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

    // A keyword in the title counts for more than one in the description.
    private static int Relevance(VacancyDetails details, string? keyword) =>
        string.IsNullOrEmpty(keyword) ? 0
        : (details.Title.Contains(keyword, StringComparison.OrdinalIgnoreCase) ? 2 : 0)
            + (details.DescriptionMarkdown.Contains(keyword, StringComparison.OrdinalIgnoreCase) ? 1 : 0);
}
