namespace Portal.Domain.Organisations;

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

    /// <summary>For staff, the team or neighbourhood they work in, if the organisation uses teams.</summary>
    public string? Team { get; private set; }

    /// <summary>
    /// For staff: a registered practitioner (a community nurse, say) who may observe and sign off
    /// others' competency in delegated healthcare activities here.
    /// </summary>
    public bool Practitioner { get; private set; }

    /// <summary>Who marked them as a practitioner (a manager or an admin), for the audit; null when they are not one.</summary>
    public string? PractitionerGrantedBy { get; private set; }

    /// <summary>When they were marked as a practitioner; null when they are not one.</summary>
    public DateTime? PractitionerSinceUtc { get; private set; }

    public DateTime StartedAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }

    public bool Active => EndedAtUtc is null;

    public const int MaxTeamLength = 80;

    /// <param name="grantedBy">For a practitioner, who marked them as one (the inviting manager, say).</param>
    public static Membership Start(Guid organisationId, string userId, MembershipRole role, DateTime utcNow, string? jobRole = null, string? team = null, bool practitioner = false, string? grantedBy = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if ((role == MembershipRole.Staff) != !string.IsNullOrEmpty(jobRole))
            throw new ArgumentException("Staff have a job role; recruiters and managers do not.", nameof(jobRole));
        if (role != MembershipRole.Staff && (team is not null || practitioner))
            throw new ArgumentException("Only staff have a team or sign off competencies.", nameof(role));
        var membership = new Membership { OrganisationId = organisationId, UserId = userId, Role = role, StartedAtUtc = utcNow };
        if (role == MembershipRole.Staff)
            membership.ChangeJob(jobRole!, team, practitioner, grantedBy, utcNow);
        return membership;
    }

    /// <summary>
    /// Moves a member of staff to another job or team, or marks them as a practitioner (or not),
    /// recording who marked them and when; un-marking clears both.
    /// </summary>
    public void ChangeJob(string jobRole, string? team, bool practitioner, string? changedBy = null, DateTime? utcNow = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobRole);
        if (Role != MembershipRole.Staff)
            throw new InvalidOperationException("Only staff have a job.");
        if (!Active)
            throw new InvalidOperationException("They have left; their job cannot change.");
        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        if (team is { Length: > MaxTeamLength })
            throw new ArgumentException($"A team name is at most {MaxTeamLength} characters.", nameof(team));
        JobRole = jobRole;
        Team = team;
        if (practitioner && !Practitioner)
        {
            PractitionerGrantedBy = changedBy;
            PractitionerSinceUtc = utcNow ?? StartedAtUtc;
        }
        else if (!practitioner)
        {
            PractitionerGrantedBy = null;
            PractitionerSinceUtc = null;
        }
        Practitioner = practitioner;
    }

    public void End(DateTime utcNow)
    {
        if (!Active)
            throw new InvalidOperationException("This membership has already ended.");
        EndedAtUtc = utcNow;
    }
}
