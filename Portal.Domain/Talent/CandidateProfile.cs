namespace Portal.Domain.Talent;

/// <summary>
/// What a person tells employers about themselves. Training is not here: it comes from their
/// learning record, never from typing. "Ready to start" items are declared with the date they were
/// declared, so a recruiter can see how fresh each is; consent switches decide who may find them.
/// </summary>
public sealed class CandidateProfile
{
    public const int MaxStatementLength = 1000;
    public const int MaxLanguagesLength = 200;

    private CandidateProfile()
    {
    }

    public string UserId { get; private set; } = "";
    public string? Postcode { get; private set; }
    public string? District { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }

    /// <summary>Where the person lives, to the district; null when they have not said.</summary>
    public VacancyLocation? Location =>
        Postcode is not null && District is not null && Latitude is { } latitude && Longitude is { } longitude
            ? new VacancyLocation(Postcode, District, latitude, longitude)
            : null;
    public WorkDays Days { get; private set; }
    public ShiftTimes Shifts { get; private set; }
    public bool DrivingLicence { get; private set; }

    /// <summary>The lowest hourly pay they would take; null when they did not say.</summary>
    public decimal? MinimumHourlyPay { get; private set; }

    public string? Languages { get; private set; }
    public IReadOnlyList<string> WantedRoles { get; private set; } = [];

    /// <summary>Qualifications and programmes the person says they hold (programme slugs).</summary>
    public IReadOnlyList<string> Qualifications { get; private set; } = [];

    public string? Statement { get; private set; }

    /// <summary>When they declared an enhanced DBS check on the update service; null when they have not.</summary>
    public DateOnly? DbsUpdateServiceDeclaredOn { get; private set; }

    public DateOnly? RightToWorkDeclaredOn { get; private set; }
    public DateOnly? ReferencesDeclaredOn { get; private set; }
    public bool LetEmployersFindMe { get; private set; }
    public bool EmailMeMatches { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public static CandidateProfile For(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return new CandidateProfile { UserId = userId };
    }

    public void Update(CandidateDetails details, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.MinimumHourlyPay is < 0m or > 200m)
            throw new ArgumentException("The hourly pay asked is out of range.", nameof(details));
        if (details.Statement is { Length: > MaxStatementLength } || details.Languages is { Length: > MaxLanguagesLength })
            throw new ArgumentException("A field is too long.", nameof(details));
        var today = DateOnly.FromDateTime(utcNow);
        Postcode = details.Location?.Postcode;
        District = details.Location?.District;
        Latitude = details.Location?.Latitude;
        Longitude = details.Location?.Longitude;
        Days = details.Days;
        Shifts = details.Shifts;
        DrivingLicence = details.DrivingLicence;
        MinimumHourlyPay = details.MinimumHourlyPay;
        Languages = Blank(details.Languages);
        WantedRoles = [.. details.WantedRoles.Distinct(StringComparer.Ordinal)];
        Qualifications = [.. details.Qualifications.Distinct(StringComparer.Ordinal)];
        Statement = Blank(details.Statement);
        // A tick keeps the date it was first given; un-ticking clears it.
        DbsUpdateServiceDeclaredOn = details.DbsUpdateService ? DbsUpdateServiceDeclaredOn ?? today : null;
        RightToWorkDeclaredOn = details.RightToWork ? RightToWorkDeclaredOn ?? today : null;
        ReferencesDeclaredOn = details.References ? ReferencesDeclaredOn ?? today : null;
        LetEmployersFindMe = details.LetEmployersFindMe;
        EmailMeMatches = details.EmailMeMatches;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>The route checks this profile declares, by the slugs career routes use.</summary>
    public IReadOnlyList<string> DeclaredChecks() =>
    [
        .. DbsUpdateServiceDeclaredOn is null ? Array.Empty<string>() : ["dbs", "dbs-enhanced"],
        .. RightToWorkDeclaredOn is null ? Array.Empty<string>() : ["right-to-work"],
        .. ReferencesDeclaredOn is null ? Array.Empty<string>() : ["references"],
    ];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
