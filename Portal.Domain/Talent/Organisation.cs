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
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }

    public bool Active => EndedAtUtc is null;

    public static Membership Start(Guid organisationId, string userId, MembershipRole role, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return new Membership { OrganisationId = organisationId, UserId = userId, Role = role, StartedAtUtc = utcNow };
    }

    public void End(DateTime utcNow)
    {
        if (!Active)
            throw new InvalidOperationException("This membership has already ended.");
        EndedAtUtc = utcNow;
    }
}
