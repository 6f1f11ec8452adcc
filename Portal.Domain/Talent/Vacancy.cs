namespace Portal.Domain.Talent;

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
