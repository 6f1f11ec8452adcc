namespace Portal.Domain.Talent;

/// <summary>
/// A full matching run spread over shards of people that any node may work. The run, not the job
/// queue, is the record: which shards there are, which are done, and whether the run completed.
/// Every shard scores and writes with the same <see cref="RunAtUtc"/> and content version, so the
/// shards of one run fit together as one single run would.
/// </summary>
public sealed class MatchRun
{
    public const int MaxContentVersionLength = MatchPerson.MaxContentVersionLength;

    private MatchRun()
    {
    }

    public Guid Id { get; private set; }
    public MatchRunState State { get; private set; }
    public string ContentVersion { get; private set; } = "";

    /// <summary>"Now" for every shard: what counts as in date, open and when each row was computed.</summary>
    public DateTime RunAtUtc { get; private set; }

    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public int Shards { get; private set; }

    /// <param name="utcNow">Kept to the microsecond, the finest PostgreSQL stores, so every shard reads back the same instant.</param>
    public static MatchRun Start(Guid id, string contentVersion, int shards, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentVersion);
        ArgumentOutOfRangeException.ThrowIfNegative(shards);
        var at = new DateTime(utcNow.Ticks - (utcNow.Ticks % 10), DateTimeKind.Utc);
        return new MatchRun { Id = id, State = MatchRunState.Scoring, ContentVersion = contentVersion, RunAtUtc = at, StartedAtUtc = at, Shards = shards };
    }
}

/// <summary>
/// Scoring: shards score their people and put forward their best people for each vacancy.
/// Writing: the vacancies' lists are settled, shards write their people's matches.
/// Completed: every shard wrote and the run was finished, once. Abandoned: a later run took over.
/// </summary>
public enum MatchRunState
{
    Scoring,
    Writing,
    Completed,
    Abandoned,
}
