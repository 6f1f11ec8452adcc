namespace Portal.Domain.Organisations;

/// <summary>
/// A person's place in one organisation. A person may belong to several, with a role in each;
/// leaving ends the membership (it is kept, with its end date) but never the person's own record.
/// </summary>
public sealed class Membership
{
    private readonly List<JobHeld> _jobs = [];

    private Membership()
    {
    }

    public long Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string UserId { get; private set; } = "";
    public MembershipRole Role { get; private set; }

    /// <summary>For staff, the career role slug of their job (care-worker, enhanced-care-worker, ...).</summary>
    public string? JobRole { get; private set; }

    /// <summary>For staff: whether they hold their job as an apprentice, as their manager recorded it.</summary>
    public bool Apprentice { get; private set; }

    /// <summary>For staff, every job they have held here, oldest first; the last is the one they hold now. Load it before changing their job.</summary>
    public IReadOnlyList<JobHeld> Jobs => _jobs;

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
    /// <param name="apprentice">For staff, whether they start the job as an apprentice.</param>
    public static Membership Start(Guid organisationId, string userId, MembershipRole role, DateTime utcNow, string? jobRole = null, string? team = null, bool practitioner = false, string? grantedBy = null, bool apprentice = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if ((role == MembershipRole.Staff) != !string.IsNullOrEmpty(jobRole))
            throw new ArgumentException("Staff have a job role; recruiters and managers do not.", nameof(jobRole));
        if (role != MembershipRole.Staff && (team is not null || practitioner || apprentice))
            throw new ArgumentException("Only staff have a team or sign off competencies.", nameof(role));
        var membership = new Membership { OrganisationId = organisationId, UserId = userId, Role = role, StartedAtUtc = utcNow };
        if (role == MembershipRole.Staff)
        {
            membership.ChangeJob(jobRole!, team, practitioner, grantedBy, utcNow);
            membership.Apprentice = apprentice;
            membership._jobs.Add(JobHeld.Start(membership, jobRole!, apprentice, utcNow));
        }
        return membership;
    }

    /// <summary>
    /// Moves a member of staff to another job or team, or marks them as a practitioner (or not),
    /// recording who marked them and when; un-marking clears both. A new job, or starting or
    /// finishing an apprenticeship in it, closes the job they held and opens the new one in
    /// <see cref="Jobs"/> (which must be loaded); a new team alone is the same job.
    /// </summary>
    /// <param name="apprentice">Whether they now hold the job as an apprentice; null leaves it as it is.</param>
    public void ChangeJob(string jobRole, string? team, bool practitioner, string? changedBy = null, DateTime? utcNow = null, bool? apprentice = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobRole);
        if (Role != MembershipRole.Staff)
            throw new InvalidOperationException("Only staff have a job.");
        if (!Active)
            throw new InvalidOperationException("They have left; their job cannot change.");
        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        if (team is { Length: > MaxTeamLength })
            throw new ArgumentException($"A team name is at most {MaxTeamLength} characters.", nameof(team));
        var apprenticeNow = apprentice ?? Apprentice;
        if (JobRole is not null && (JobRole != jobRole || Apprentice != apprenticeNow))
        {
            var at = utcNow ?? throw new ArgumentNullException(nameof(utcNow), "A new job needs the time it starts.");
            var current = _jobs.LastOrDefault(j => j.Current)
                ?? throw new InvalidOperationException("Their job history is not loaded: load it with the membership before changing their job.");
            current.Replace(at);
            _jobs.Add(JobHeld.Start(this, jobRole, apprenticeNow, at));
        }
        JobRole = jobRole;
        Apprentice = apprenticeNow;
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

    /// <summary>
    /// For staff whose membership was made before job history was kept: their one job so far, from
    /// the day they joined. Does nothing when they already have a history, so it is safe to repeat.
    /// </summary>
    public void RecordFirstJob()
    {
        if (Role != MembershipRole.Staff || _jobs.Count > 0)
            return;
        _jobs.Add(JobHeld.Start(this, JobRole!, Apprentice, StartedAtUtc));
    }

    public void End(DateTime utcNow)
    {
        if (!Active)
            throw new InvalidOperationException("This membership has already ended.");
        EndedAtUtc = utcNow;
    }
}
