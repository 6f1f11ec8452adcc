using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Jobs;

/// <summary>Section "Jobs".</summary>
public sealed class JobsOptions
{
    /// <summary>Run a Hangfire server in this process. Turn off for web-only nodes.</summary>
    public bool ServerEnabled { get; set; } = true;

    [Range(1, 64)]
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How often a server database is polled for queued work (PostgreSQL, SQL Server).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
