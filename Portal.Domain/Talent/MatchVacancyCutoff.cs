namespace Portal.Domain.Talent;

/// <summary>A vacancy's lowest kept score when its list of people is full; -1 when it is not.</summary>
public sealed class MatchVacancyCutoff
{
    public Guid VacancyId { get; init; }
    public float Cutoff { get; init; }
    public DateTime ComputedAtUtc { get; init; }
}
