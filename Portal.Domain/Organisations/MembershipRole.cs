namespace Portal.Domain.Organisations;

public enum MembershipRole
{
    Recruiter,
    Manager,

    /// <summary>Works there, in a job (<see cref="Membership.JobRole"/>) whose required training the manager oversees.</summary>
    Staff,
}
