namespace Portal.Domain.Organisations;

public enum OrganisationType
{
    CareProvider,
    NhsTrust,
    Council,
    Charity,
}
