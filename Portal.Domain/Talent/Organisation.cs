namespace Portal.Domain.Talent;

public enum OrganisationType
{
    CareProvider,
    NhsTrust,
    Council,
    Charity,
}

/// <summary>An employer on the portal: a care provider, NHS trust, council or charity.</summary>
public sealed class Organisation
{
    public const int MaxNameLength = 200;
    public const int MaxCqcLocationIdLength = 20;

    private Organisation()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationType Type { get; private set; }

    /// <summary>The Care Quality Commission location id (like 1-123456789), where it has one.</summary>
    public string? CqcLocationId { get; private set; }

    public string Postcode { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public static Organisation Create(string name, OrganisationType type, string? cqcLocationId, string postcode, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(postcode);
        if (name.Length > MaxNameLength)
            throw new ArgumentException("The name is too long.", nameof(name));
        return new Organisation
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Type = type,
            CqcLocationId = string.IsNullOrWhiteSpace(cqcLocationId) ? null : cqcLocationId.Trim(),
            Postcode = postcode,
            CreatedAtUtc = utcNow,
        };
    }
}

public enum MembershipRole
{
    Recruiter,
    Manager,

    /// <summary>Works there, in a job (<see cref="Membership.JobRole"/>) whose required training the manager oversees.</summary>
    Staff,
}

/// <summary>
/// A person's place in one organisation. A person may belong to several, with a role in each;
/// leaving ends the membership (it is kept, with its end date) but never the person's own record.
/// </summary>
public sealed class Membership
{
    private Membership()
    {
    }

    public long Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string UserId { get; private set; } = "";
    public MembershipRole Role { get; private set; }

    /// <summary>For staff, the career role slug of their job (care-worker, enhanced-care-worker, ...).</summary>
    public string? JobRole { get; private set; }

    public DateTime StartedAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }

    public bool Active => EndedAtUtc is null;

    public static Membership Start(Guid organisationId, string userId, MembershipRole role, DateTime utcNow, string? jobRole = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if ((role == MembershipRole.Staff) != !string.IsNullOrEmpty(jobRole))
            throw new ArgumentException("Staff have a job role; recruiters and managers do not.", nameof(jobRole));
        return new Membership { OrganisationId = organisationId, UserId = userId, Role = role, StartedAtUtc = utcNow, JobRole = jobRole };
    }

    public void End(DateTime utcNow)
    {
        if (!Active)
            throw new InvalidOperationException("This membership has already ended.");
        EndedAtUtc = utcNow;
    }
}
