namespace Portal.Domain.Programmes;

/// <summary>What a cohort asks of its caller to be set up: its dates, places, where, partners and promise.</summary>
public sealed record CohortDetails(DateOnly StartsOn, DateOnly EndsOn, int Places, string? Venue, bool Online, string? Partners, string? Promise);

/// <summary>
/// One run of a programme: dates, a number of places, a venue or online, partner employers (named;
/// an employer on the portal or not) and what the programme promises those who finish (a guaranteed
/// interview, say). <see cref="Taken"/> counts enrolments, so a place is taken by one conditional
/// update and two people joining at once can never fill more places than there are.
/// </summary>
public sealed class Cohort
{
    public const int MaxVenueLength = 200;
    public const int MaxPartnersLength = 400;
    public const int MaxPromiseLength = 400;
    public const int MaxPlaces = 500;

    private Cohort()
    {
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public int Places { get; private set; }
    public int Taken { get; private set; }
    public string? Venue { get; private set; }
    public bool Online { get; private set; }
    public string? Partners { get; private set; }
    public string? Promise { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public int PlacesLeft => Math.Max(0, Places - Taken);

    /// <summary>Open to join until the day it starts, while places remain.</summary>
    public bool OpenOn(DateOnly today) => today <= StartsOn && Taken < Places;

    public bool FinishedOn(DateOnly today) => today > EndsOn;

    public static Cohort Create(Guid programmeId, CohortDetails details, DateTime utcNow)
    {
        var clean = Check(details);
        return new Cohort
        {
            Id = Guid.NewGuid(), ProgrammeId = programmeId, StartsOn = clean.StartsOn, EndsOn = clean.EndsOn, Places = clean.Places,
            Venue = clean.Venue, Online = clean.Online, Partners = clean.Partners, Promise = clean.Promise, CreatedAtUtc = utcNow,
        };
    }

    /// <summary>
    /// New dates, places, venue, partners or promise. Never fewer places than people enrolled, and
    /// never dates that leave one of its sessions outside them.
    /// </summary>
    /// <param name="firstSession">The day of its earliest session, if it has any.</param>
    /// <param name="lastSession">The day of its latest session, if it has any.</param>
    public void Change(CohortDetails details, DateOnly? firstSession, DateOnly? lastSession)
    {
        var clean = Check(details);
        if (clean.Places < Taken)
            throw new ProgrammeRuleException($"{Taken} {(Taken == 1 ? "person is" : "people are")} enrolled, so it needs at least {Taken} places");
        if (firstSession < clean.StartsOn || lastSession > clean.EndsOn)
            throw new ProgrammeRuleException($"Its sessions run from {firstSession:d MMM yyyy} to {lastSession:d MMM yyyy}: keep the dates around them, or change the sessions first");
        (StartsOn, EndsOn, Places, Venue, Online, Partners, Promise) = (clean.StartsOn, clean.EndsOn, clean.Places, clean.Venue, clean.Online, clean.Partners, clean.Promise);
    }

    private static CohortDetails Check(CohortDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var venue = Clean(details.Venue);
        if (details.EndsOn < details.StartsOn)
            throw new ProgrammeRuleException("The cohort cannot end before it starts");
        if (details.Places is < 1 or > MaxPlaces)
            throw new ProgrammeRuleException($"Places must be between 1 and {MaxPlaces}");
        if (venue is null && !details.Online)
            throw new ProgrammeRuleException("Say where it meets, or that it is online");
        if (venue is { Length: > MaxVenueLength })
            throw new ProgrammeRuleException($"The venue is at most {MaxVenueLength} characters");
        var partners = Clean(details.Partners);
        if (partners is { Length: > MaxPartnersLength })
            throw new ProgrammeRuleException($"Partner employers are at most {MaxPartnersLength} characters");
        var promise = Clean(details.Promise);
        if (promise is { Length: > MaxPromiseLength })
            throw new ProgrammeRuleException($"The promise is at most {MaxPromiseLength} characters");
        return details with { Venue = venue, Partners = partners, Promise = promise };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One session of a cohort, on a day; attendance is recorded against it.</summary>
public sealed class CohortSession
{
    public const int MaxTitleLength = 120;

    private CohortSession()
    {
    }

    public long Id { get; private set; }
    public Guid CohortId { get; private set; }
    public DateOnly On { get; private set; }
    public string Title { get; private set; } = "";

    public static CohortSession Create(Cohort cohort, DateOnly on, string title)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        title = (title ?? "").Trim();
        if (title.Length == 0)
            throw new ProgrammeRuleException("Say what the session is");
        if (title.Length > MaxTitleLength)
            throw new ProgrammeRuleException($"A session's name is at most {MaxTitleLength} characters");
        if (on < cohort.StartsOn || on > cohort.EndsOn)
            throw new ProgrammeRuleException($"A session is between the cohort's first and last days ({cohort.StartsOn:d MMM} to {cohort.EndsOn:d MMM yyyy})");
        return new CohortSession { CohortId = cohort.Id, On = on, Title = title };
    }
}

/// <summary>A person's place on a cohort, and whether they completed it.</summary>
public sealed class Enrolment
{
    private Enrolment()
    {
    }

    public long Id { get; private set; }
    public Guid CohortId { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>Who enrolled them: themselves, or the navigator's id.</summary>
    public string EnrolledBy { get; private set; } = "";
    public DateTime EnrolledAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }

    public static Enrolment Start(Guid cohortId, string userId, string enrolledBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(enrolledBy);
        return new Enrolment { CohortId = cohortId, UserId = userId, EnrolledBy = enrolledBy, EnrolledAtUtc = utcNow };
    }

    /// <summary>Marks the programme completed; a second time changes nothing, so the first date stands.</summary>
    public bool Complete(DateTime utcNow)
    {
        if (CompletedAtUtc is not null)
            return false;
        CompletedAtUtc = utcNow;
        return true;
    }
}

/// <summary>Whether an enrolled person came to a session; one row per session and person, changed in place.</summary>
public sealed class Attendance
{
    private Attendance()
    {
    }

    public long Id { get; private set; }
    public long SessionId { get; private set; }
    public string UserId { get; private set; } = "";
    public bool Attended { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }

    public static Attendance Record(long sessionId, string userId, bool attended, DateTime utcNow) =>
        new() { SessionId = sessionId, UserId = userId, Attended = attended, RecordedAtUtc = utcNow };

    public void Change(bool attended, DateTime utcNow)
    {
        Attended = attended;
        RecordedAtUtc = utcNow;
    }
}
