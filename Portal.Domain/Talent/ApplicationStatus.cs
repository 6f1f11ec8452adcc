namespace Portal.Domain.Talent;

public enum ApplicationStatus
{
    Submitted,
    Shortlisted,
    Interview,
    Offer,
    Hired,
    Rejected,
    Withdrawn,
}
