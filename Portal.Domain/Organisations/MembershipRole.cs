namespace Portal.Domain.Organisations;

public enum MembershipRole
{
    Recruiter,
    Manager,

    /// <summary>Works there, in a job (<see cref="Membership.JobRole"/>) whose required training the manager oversees.</summary>
    Staff,

    /// <summary>Helps people into work on the organisation's caseload (a talent hub, council employment service, college or voluntary group).</summary>
    Navigator,
}
