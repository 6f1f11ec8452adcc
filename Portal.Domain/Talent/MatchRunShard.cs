namespace Portal.Domain.Talent;

/// <summary>
/// One shard of a <see cref="MatchRun"/>: the people living in a set of postcode districts, and
/// what became of it, with who worked each step and how long it took (the figures sizing is
/// worked out from).
/// </summary>
public sealed class MatchRunShard
{
    public const int MaxDistrictsLength = 4000;
    public const int MaxWorkerLength = 200;

    private MatchRunShard()
    {
    }

    public Guid RunId { get; private set; }
    public int Shard { get; private set; }

    /// <summary>The shard's postcode districts, comma-separated; an empty entry is people with no district.</summary>
    public string Districts { get; private set; } = "";

    public MatchShardState State { get; private set; }
    public int People { get; private set; }
    public long PairsScored { get; private set; }

    /// <summary>Open vacancies within reach of its people, which it scored them against.</summary>
    public int Vacancies { get; private set; }

    /// <summary>People it put forward for vacancies' lists (those another shard had not already beaten).</summary>
    public int Candidates { get; private set; }
    public int RowsWritten { get; private set; }
    public string? ScoreWorker { get; private set; }
    public DateTime? ScoredAtUtc { get; private set; }
    public int ScoreMilliseconds { get; private set; }
    public string? WriteWorker { get; private set; }
    public DateTime? WrittenAtUtc { get; private set; }
    public int WriteMilliseconds { get; private set; }

    public IReadOnlyList<string> DistrictList => Districts.Split(',');

    public static MatchRunShard Plan(Guid runId, int shard, IReadOnlyList<string> districts, int people)
    {
        ArgumentNullException.ThrowIfNull(districts);
        var joined = string.Join(',', districts);
        if (districts.Count == 0 || joined.Length > MaxDistrictsLength)
            throw new ArgumentException("A shard needs at least one district and room to list them.", nameof(districts));
        return new MatchRunShard { RunId = runId, Shard = shard, Districts = joined, State = MatchShardState.Pending, People = people };
    }
}

/// <summary>Pending, then Scored (its best people for each vacancy put forward), then Written (its people's matches stored).</summary>
public enum MatchShardState
{
    Pending,
    Scored,
    Written,
}
