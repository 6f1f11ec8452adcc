namespace Portal.Infrastructure.Insight;

/// <summary>
/// One month of learning, city-wide (<see cref="City"/>) or for one organisation's staff: the
/// rollup the insight pages read instead of the completions themselves. Raw counts: the rule for
/// showing them (Portal.Domain.Insight.SmallNumbers) is applied when they are read.
/// </summary>
public sealed class LearningMonth
{
    /// <summary>The organisation id of the city-wide rows.</summary>
    public static readonly Guid City = Guid.Empty;

    public long Id { get; private set; }

    /// <summary>The first day of the UK calendar month.</summary>
    public DateOnly Month { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>People who passed at least one module in the month.</summary>
    public int Learners { get; private set; }

    /// <summary>People whose first ever pass was in the month.</summary>
    public int FirstTimeLearners { get; private set; }

    public int Completions { get; private set; }

    public DateTime ComputedAtUtc { get; private set; }

    public static LearningMonth Of(DateOnly month, Guid organisationId, int learners, int firstTime, int completions, DateTime computedAtUtc) => new()
    {
        Month = month,
        OrganisationId = organisationId,
        Learners = learners,
        FirstTimeLearners = firstTime,
        Completions = completions,
        ComputedAtUtc = computedAtUtc,
    };
}
