namespace Portal.Domain.Talent;

public enum VacancyStatus
{
    Draft,
    Published,
    Closed,
}

/// <summary>Days of the week a job's shifts fall on.</summary>
[Flags]
public enum WorkDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    Weekend = Saturday | Sunday,
}

/// <summary>The parts of the day a job's shifts cover.</summary>
[Flags]
public enum ShiftTimes
{
    None = 0,
    Early = 1,
    Late = 2,
    Night = 4,
}

/// <summary>The single days and shift times, in order, for forms and for reading a pattern back out.</summary>
public static class WorkPattern
{
    public static IReadOnlyList<WorkDays> Days { get; } =
        [WorkDays.Monday, WorkDays.Tuesday, WorkDays.Wednesday, WorkDays.Thursday, WorkDays.Friday, WorkDays.Saturday, WorkDays.Sunday];

    public static IReadOnlyList<ShiftTimes> Shifts { get; } = [ShiftTimes.Early, ShiftTimes.Late, ShiftTimes.Night];

    public static IReadOnlyList<WorkDays> DaysIn(WorkDays days) => [.. Days.Where(d => days.HasFlag(d))];

    public static IReadOnlyList<ShiftTimes> ShiftsIn(ShiftTimes shifts) => [.. Shifts.Where(s => shifts.HasFlag(s))];
}

/// <summary>How a care worker is paid for a shift: for all of it, or only for time in visits.</summary>
public enum PayBasis
{
    WholeShift,
    PerVisit,
}

/// <summary>Where a vacancy is: the postcode as given, its district, and the district's centre.</summary>
public sealed record VacancyLocation(string Postcode, string District, double Latitude, double Longitude);

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

/// <summary>
/// A job an organisation is recruiting for. Drafts can be edited freely; publishing needs a closing
/// date still to come; a closed vacancy can be reopened with a new closing date.
/// </summary>
public sealed class Vacancy
{
    private Vacancy()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public VacancyStatus Status { get; private set; }
    public VacancyDetails Details { get; private set; } = null!;
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }

    /// <summary>Published and not past its closing date: what applicants can see and apply to.</summary>
    public bool IsOpen(DateOnly today) => Status == VacancyStatus.Published && Details.ClosingDate >= today;

    public static Vacancy Draft(Guid organisationId, VacancyDetails details, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(details);
        Check(details);
        return new Vacancy
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Status = VacancyStatus.Draft,
            Details = details,
            CreatedAtUtc = utcNow,
            UpdatedAtUtc = utcNow,
        };
    }

    /// <param name="minimumWage">The legal pay floor: a published vacancy's new pay must not fall below it.</param>
    public void Edit(VacancyDetails details, DateTime utcNow, MinimumWage minimumWage)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(minimumWage);
        Check(details);
        if (Status == VacancyStatus.Published && details.ClosingDate < DateOnly.FromDateTime(utcNow))
            throw new VacancyRuleException("A published vacancy's closing date cannot be in the past; close it instead");
        if (Status == VacancyStatus.Published)
            CheckPay(details.HourlyPay, utcNow, minimumWage);
        Details = details;
        UpdatedAtUtc = utcNow;
    }

    /// <param name="minimumWage">The legal pay floor: nothing below the rates in force today is published.</param>
    public void Publish(DateTime utcNow, MinimumWage minimumWage)
    {
        ArgumentNullException.ThrowIfNull(minimumWage);
        if (Status == VacancyStatus.Published)
            throw new VacancyRuleException("This vacancy is already published");
        if (Details.ClosingDate < DateOnly.FromDateTime(utcNow))
            throw new VacancyRuleException("The closing date has passed; set a new one before publishing");
        CheckPay(Details.HourlyPay, utcNow, minimumWage);
        Status = VacancyStatus.Published;
        PublishedAtUtc ??= utcNow;
        UpdatedAtUtc = utcNow;
    }

    public void Close(DateTime utcNow)
    {
        if (Status != VacancyStatus.Published)
            throw new VacancyRuleException("Only a published vacancy can be closed");
        Status = VacancyStatus.Closed;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>Opens a closed vacancy again, with a closing date still to come.</summary>
    public void Reopen(DateOnly closingDate, DateTime utcNow, MinimumWage minimumWage)
    {
        ArgumentNullException.ThrowIfNull(minimumWage);
        if (Status != VacancyStatus.Closed)
            throw new VacancyRuleException("Only a closed vacancy can be reopened");
        if (closingDate < DateOnly.FromDateTime(utcNow))
            throw new VacancyRuleException("Choose a closing date that has not passed");
        // The floor may have risen since it was first published.
        CheckPay(Details.HourlyPay, utcNow, minimumWage);
        Details = Details with { ClosingDate = closingDate };
        Status = VacancyStatus.Published;
        UpdatedAtUtc = utcNow;
    }

    private static void CheckPay(decimal hourlyPay, DateTime utcNow, MinimumWage minimumWage)
    {
        if (minimumWage.Undercut(hourlyPay, DateOnly.FromDateTime(utcNow)) is { } floor)
        {
            throw new VacancyRuleException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The pay, £{hourlyPay:0.00} an hour, is below the National Living Wage of £{floor.Age21AndOver:0.00} an hour "
                + $"that the law has required for workers aged 21 and over since {floor.EffectiveFrom:d MMMM yyyy}. Raise the pay to at least £{floor.Age21AndOver:0.00}, then publish."));
        }
    }

    private static void Check(VacancyDetails details)
    {
        if (details.Problems() is { Count: > 0 } problems)
            throw new VacancyRuleException(problems[0].Message);
    }
}

/// <summary>A vacancy change its rules do not allow; the message is for the recruiter.</summary>
public sealed class VacancyRuleException(string message) : Exception(message);
