namespace Portal.Domain.Training;

/// <summary>
/// A module an employer requires of the person: their latest completion, if any, the training that
/// employer recognised from a credential issued elsewhere (the best one that still counts), and since
/// when it has been required (the day they joined in that job).
/// </summary>
public sealed record RequiredModule(string ModuleSlug, DateTime? LatestCompletionUtc, int? RefreshMonths, DateTime RequiredSinceUtc)
{
    /// <summary>A recognised credential: achieved then, valid until then (null: no end of its own).</summary>
    public (DateTime FromUtc, DateTime? UntilUtc)? Recognised { get; init; }
}
