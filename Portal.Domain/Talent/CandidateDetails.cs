namespace Portal.Domain.Talent;

/// <summary>What the profile form sends; the ready-to-start items are ticks, dated by the profile.</summary>
public sealed record CandidateDetails
{
    public VacancyLocation? Location { get; init; }
    public WorkDays Days { get; init; }
    public ShiftTimes Shifts { get; init; }
    public bool DrivingLicence { get; init; }
    public decimal? MinimumHourlyPay { get; init; }
    public string? Languages { get; init; }
    public IReadOnlyList<string> WantedRoles { get; init; } = [];
    public IReadOnlyList<string> Qualifications { get; init; } = [];
    public string? Statement { get; init; }
    public bool DbsUpdateService { get; init; }
    public bool RightToWork { get; init; }
    public bool References { get; init; }
    public bool LetEmployersFindMe { get; init; }
    public bool EmailMeMatches { get; init; }
}
