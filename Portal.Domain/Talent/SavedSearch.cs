namespace Portal.Domain.Talent;

/// <summary>
/// A job search kept as an alert. The search is stored as the query string the search page itself
/// reads, so an alert finds exactly what the person saw; the background run records when it last
/// ran, and only vacancies published since then are news.
/// </summary>
public sealed class SavedSearch
{
    public const int MaxNameLength = 80;
    public const int MaxQueryLength = 1000;

    private SavedSearch()
    {
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Query { get; private set; } = "";
    public AlertFrequency Frequency { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When the alert last ran; it starts at creation, so the first email holds only what is new since.</summary>
    public DateTime LastRunAtUtc { get; private set; }

    public static SavedSearch Create(string userId, string name, string query, AlertFrequency frequency, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(query);
        if (name.Trim().Length > MaxNameLength || query.Length > MaxQueryLength)
            throw new ArgumentException("The name or search is too long.");
        return new SavedSearch { Id = Guid.NewGuid(), UserId = userId, Name = name.Trim(), Query = query, Frequency = frequency, CreatedAtUtc = utcNow, LastRunAtUtc = utcNow };
    }

    public void Ran(DateTime utcNow) => LastRunAtUtc = utcNow > LastRunAtUtc ? utcNow : LastRunAtUtc;
}
