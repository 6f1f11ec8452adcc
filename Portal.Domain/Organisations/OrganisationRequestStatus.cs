namespace Portal.Domain.Organisations;

public enum OrganisationRequestStatus
{
    Pending,
    Approved,
    Declined,
}
