using Portal.Domain.Talent;

namespace Portal.Infrastructure.Talent;

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

    /// <summary>Only vacancies first published after this moment (for job alerts: since the last run).</summary>
    public DateTime? PublishedAfter { get; init; }

    /// <summary>Only vacancies first published at or before this moment.</summary>
    public DateTime? PublishedUpTo { get; init; }
}
