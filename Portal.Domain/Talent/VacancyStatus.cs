namespace Portal.Domain.Talent;

public enum VacancyStatus
{
    Draft,
    Published,
    Closed,
}
