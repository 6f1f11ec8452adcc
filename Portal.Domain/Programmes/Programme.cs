namespace Portal.Domain.Programmes;

/// <summary>
/// An employability programme (six weeks with an employer partner, say) run by a navigator
/// organisation. It runs as cohorts; the programme holds what stays the same between them.
/// </summary>
public sealed class Programme
{
    public const int MaxTitleLength = 120;
    public const int MaxSummaryLength = 1000;

    private Programme()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public static Programme Create(Guid organisationId, string title, string? summary, DateTime utcNow)
    {
        var (cleanTitle, cleanSummary) = Check(title, summary);
        return new Programme { Id = Guid.NewGuid(), OrganisationId = organisationId, Title = cleanTitle, Summary = cleanSummary, CreatedAtUtc = utcNow };
    }

    /// <summary>A new name or summary; its cohorts, people and outcomes stay with it.</summary>
    public void Change(string title, string? summary) => (Title, Summary) = Check(title, summary);

    private static (string Title, string Summary) Check(string title, string? summary)
    {
        title = (title ?? "").Trim();
        summary = (summary ?? "").Trim();
        if (title.Length == 0)
            throw new ProgrammeRuleException("Give the programme a name");
        if (title.Length > MaxTitleLength)
            throw new ProgrammeRuleException($"A programme's name is at most {MaxTitleLength} characters");
        if (summary.Length > MaxSummaryLength)
            throw new ProgrammeRuleException($"The summary is at most {MaxSummaryLength} characters");
        return (title, summary);
    }
}
