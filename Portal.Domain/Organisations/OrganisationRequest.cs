using Portal.Domain.Names;

namespace Portal.Domain.Organisations;

/// <summary>
/// Someone asking for their employer to be set up on the portal, with themselves as its first
/// recruiter or manager. An admin approves it (the organisation is created and the requester
/// joins it) or declines it with a reason the requester is told. Decided once; kept afterwards.
/// </summary>
public sealed class OrganisationRequest
{
    public const int MaxNoteLength = 1000;
    public const int MaxReasonLength = 500;

    private OrganisationRequest()
    {
    }

    public Guid Id { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public string Name { get; private set; } = "";
    public OrganisationType Type { get; private set; }
    public string? CqcLocationId { get; private set; }
    public string Postcode { get; private set; } = "";

    /// <summary>The role the requester takes in the organisation once it is approved.</summary>
    public MembershipRole RequesterRole { get; private set; }

    /// <summary>What the requester told the admin, such as their job title or a phone number.</summary>
    public string? Note { get; private set; }

    public DateTime RequestedAtUtc { get; private set; }
    public OrganisationRequestStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DeclineReason { get; private set; }

    /// <summary>The organisation created when the request was approved.</summary>
    public Guid? OrganisationId { get; private set; }

    public static OrganisationRequest Create(string requestedBy, string name, OrganisationType type, string? cqcLocationId, string postcode, MembershipRole requesterRole, string? note, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(postcode);
        if (name.Trim().Length > Organisation.MaxNameLength)
            throw new ArgumentException("The name is too long.", nameof(name));
        ShownNames.Guard(name, nameof(name));
        if (requesterRole is not (MembershipRole.Recruiter or MembershipRole.Manager))
            throw new ArgumentException("The first member of an organisation recruits or manages; staff join by invitation.", nameof(requesterRole));
        if (note?.Length > MaxNoteLength)
            throw new ArgumentException("The note is too long.", nameof(note));
        return new OrganisationRequest
        {
            Id = Guid.NewGuid(),
            RequestedBy = requestedBy,
            Name = name.Trim(),
            Type = type,
            CqcLocationId = string.IsNullOrWhiteSpace(cqcLocationId) ? null : cqcLocationId.Trim(),
            Postcode = postcode,
            RequesterRole = requesterRole,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RequestedAtUtc = utcNow,
            Status = OrganisationRequestStatus.Pending,
        };
    }

    /// <summary>The organisation this request asks for; the caller saves it and then calls <see cref="Approve"/>.</summary>
    public Organisation ToOrganisation(DateTime utcNow) => Organisation.Create(Name, Type, CqcLocationId, Postcode, utcNow);

    public void Approve(string adminId, Guid organisationId, DateTime utcNow)
    {
        Decide(adminId, utcNow);
        Status = OrganisationRequestStatus.Approved;
        OrganisationId = organisationId;
    }

    public void Decline(string adminId, string reason, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (reason.Trim().Length > MaxReasonLength)
            throw new ArgumentException("The reason is too long.", nameof(reason));
        Decide(adminId, utcNow);
        Status = OrganisationRequestStatus.Declined;
        DeclineReason = reason.Trim();
    }

    private void Decide(string adminId, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminId);
        if (Status != OrganisationRequestStatus.Pending)
            throw new InvalidOperationException($"This request was already {Status.ToString().ToLowerInvariant()}.");
        if (adminId == RequestedBy)
            throw new InvalidOperationException("Nobody may approve or decline their own request.");
        DecidedBy = adminId;
        DecidedAtUtc = utcNow;
    }
}
