namespace Portal.Domain.Talent;

/// <summary>A match already sent in a weekly "new matches" email, so the next one has only new ones.</summary>
public sealed class MatchEmailed
{
    public string UserId { get; init; } = "";
    public Guid VacancyId { get; init; }
    public DateTime SentAtUtc { get; init; }
}
