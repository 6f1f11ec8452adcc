using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Talent;

/// <summary>Section "Matching": how the nightly full run is shared out.</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>
    /// Split the nightly run into shards of people by postcode district, queued as jobs any node's
    /// Hangfire server takes. Off: one process does the whole run, as a single node needs.
    /// </summary>
    public bool Sharded { get; set; }

    /// <summary>About how many people a shard holds (whole districts, so a shard can be larger).</summary>
    [Range(100, 10_000_000)]
    public int PeoplePerShard { get; set; } = 20_000;

    /// <summary>Recorded against each shard a node works; empty means the machine name and process id.</summary>
    [MaxLength(Portal.Domain.Talent.MatchRunShard.MaxWorkerLength)]
    public string? WorkerName { get; set; }

    internal string Worker => string.IsNullOrWhiteSpace(WorkerName) ? $"{Environment.MachineName}/{Environment.ProcessId}" : WorkerName;
}
