namespace Portal.Infrastructure.Insight;

/// <summary>
/// One raw count in the pipeline and programme rollups: a figure (a pipeline step, vacancies
/// posted, days to hire, a cohort's hires), for the city (<see cref="LearningMonth.City"/>) or one
/// organisation, in one UK calendar month, broken down by one dimension (route, programme,
/// neighbourhood, an equality question, ...) into one category. The disclosure rule is applied
/// when it is read, never here.
/// </summary>
public sealed class InsightFigure : IStoredRow
{
    public const int MaxKeyLength = 40;
    public const int MaxCategoryLength = 80;

    /// <summary>The dimension of an undivided figure, with an empty category.</summary>
    public const string All = "all";

    /// <summary>Durations kept as counts by whole days (the category), so a period's median can be worked out.</summary>
    public const string ByDays = "days";

    /// <summary>A cohort's funnel: the month is the cohort's first, the category its id, and each count is over the cohort's whole life.</summary>
    public const string ByCohort = "cohort";

    public long Id { get; private set; }

    public DateOnly Month { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Figure { get; private set; } = "";

    public string Dimension { get; private set; } = "";

    public string Category { get; private set; } = "";

    public int Count { get; private set; }

    /// <summary>When the count was last written: a run that works out the same count leaves the row as it was.</summary>
    public DateTime ComputedAtUtc { get; private set; }

    public static InsightFigure Of(DateOnly month, Guid organisationId, string figure, string dimension, string category, int count, DateTime computedAtUtc) => new()
    {
        Month = month,
        OrganisationId = organisationId,
        Figure = figure,
        Dimension = dimension,
        Category = category.Length > MaxCategoryLength ? category[..MaxCategoryLength] : category,
        Count = count,
        ComputedAtUtc = computedAtUtc,
    };
}
