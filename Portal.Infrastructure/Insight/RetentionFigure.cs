namespace Portal.Infrastructure.Insight;

/// <summary>
/// One raw count of the retention and progression rollup (<see cref="RetentionRollup"/>): staff in
/// post, starters, leavers, starters still in post months on, steps up, Enhanced Care Workers and
/// apprentices in post, for the city (<see cref="LearningMonth.City"/>) or one employer, in one UK
/// calendar month, in all or by one dimension (the city by sector). Also the counts of required
/// training in date (<see cref="TrainingInDateRollup"/>, under its own figure names, by sector and
/// by setting), which keep their own months. Kept apart from the pipeline's figures so each rollup
/// replaces only its own rows. The disclosure rule is applied when read.
/// </summary>
public sealed class RetentionFigure
{
    public const int MaxKeyLength = 40;

    public long Id { get; private set; }

    public DateOnly Month { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Figure { get; private set; } = "";

    public string Dimension { get; private set; } = "";

    public string Category { get; private set; } = "";

    public int Count { get; private set; }

    public DateTime ComputedAtUtc { get; private set; }

    public static RetentionFigure Of(DateOnly month, Guid organisationId, string figure, string dimension, string category, int count, DateTime computedAtUtc) => new()
    {
        Month = month,
        OrganisationId = organisationId,
        Figure = figure,
        Dimension = dimension,
        Category = category,
        Count = count,
        ComputedAtUtc = computedAtUtc,
    };
}
