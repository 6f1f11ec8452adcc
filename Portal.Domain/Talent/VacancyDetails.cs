namespace Portal.Domain.Talent;

/// <summary>Everything a recruiter says about a vacancy; checked by <see cref="Vacancy"/>.</summary>
public sealed record VacancyDetails
{
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 8000;

    public required string CareerRole { get; init; }
    public required string Title { get; init; }
    public required string DescriptionMarkdown { get; init; }
    public required VacancyLocation Location { get; init; }
    public required decimal HourlyPay { get; init; }
    public required decimal HoursPerWeek { get; init; }
    public required WorkDays Days { get; init; }
    public required ShiftTimes Shifts { get; init; }
    public required PayBasis PayBasis { get; init; }
    public required bool GuaranteedHours { get; init; }
    public required bool PaidTravelTime { get; init; }
    public required bool PaidTraining { get; init; }
    public required bool DrivingLicenceRequired { get; init; }
    public IReadOnlyList<string> RequiredModules { get; init; } = [];
    public IReadOnlyList<string> RequiredProgrammes { get; init; } = [];
    public required DateOnly ClosingDate { get; init; }

    /// <summary>What is wrong with these details, in words a recruiter can act on; empty when nothing is.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > MaxTitleLength)
            problems.Add((nameof(Title), $"Give the job a title of up to {MaxTitleLength} characters"));
        if (string.IsNullOrWhiteSpace(DescriptionMarkdown) || DescriptionMarkdown.Length > MaxDescriptionLength)
            problems.Add((nameof(DescriptionMarkdown), $"Describe the job in up to {MaxDescriptionLength} characters"));
        if (HourlyPay is < 5m or > 200m)
            problems.Add((nameof(HourlyPay), "Enter the hourly pay in pounds, like 12.60"));
        if (HoursPerWeek is <= 0m or > 60m)
            problems.Add((nameof(HoursPerWeek), "Enter the hours a week, from 1 to 60"));
        if (Days == WorkDays.None)
            problems.Add((nameof(Days), "Choose the days the shifts fall on"));
        if (Shifts == ShiftTimes.None)
            problems.Add((nameof(Shifts), "Choose early, late or night shifts, or more than one"));
        return problems;
    }
}
