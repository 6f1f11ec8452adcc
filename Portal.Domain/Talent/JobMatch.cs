namespace Portal.Domain.Talent;

/// <summary>
/// A stored match between a person and an open vacancy: the score and the facts its reasons are
/// written from. A pair is kept when the vacancy is among the person's best (<see cref="ForPerson"/>)
/// or the person among the vacancy's best (<see cref="ForVacancy"/>), or both. Rows are derived:
/// the matching run rewrites them, so nothing here is edited in place.
/// </summary>
public sealed class JobMatch
{
    public string UserId { get; init; } = "";
    public Guid VacancyId { get; init; }
    public float Score { get; init; }
    public float Miles { get; init; }
    public int ModulesHeld { get; init; }
    public int ModulesRequired { get; init; }
    public int ProgrammesHeld { get; init; }
    public int ProgrammesRequired { get; init; }
    public float DaysFit { get; init; }
    public float PayAsked { get; init; }
    public float HourlyPay { get; init; }
    public bool RoleWanted { get; init; }
    public bool OnSavedRoute { get; init; }
    public bool ForPerson { get; init; }
    public bool ForVacancy { get; init; }
    public DateTime ComputedAtUtc { get; init; }

    public MatchScore Facts => new(Score, Miles, ModulesHeld, ModulesRequired, DaysFit, RoleWanted, OnSavedRoute, ProgrammesHeld, ProgrammesRequired, PayAsked, HourlyPay);

    public IReadOnlyList<string> Reasons(MatchSide side) => Matching.Reasons(Facts, side);
}
