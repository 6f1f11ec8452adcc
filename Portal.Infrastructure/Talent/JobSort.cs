namespace Portal.Infrastructure.Talent;

public enum JobSort
{
    Relevance,
    Distance,
    Pay,
}
