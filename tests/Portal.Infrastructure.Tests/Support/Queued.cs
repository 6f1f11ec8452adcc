using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;

namespace Portal.Infrastructure.Tests.Support;

/// <summary>A Hangfire storage with no server: what services queue stays there for a test to read.</summary>
public sealed class Queued : IDisposable
{
    private readonly InMemoryStorage _storage = new();

    public IBackgroundJobClient Client => new BackgroundJobClient(_storage);

    public Rematch Rematch(PortalDbContext db) => new(db, Client, NullLogger<Rematch>.Instance);

    /// <summary>Queued jobs as "Type.Method(first argument)".</summary>
    public IReadOnlyList<string> Jobs() =>
        [.. _storage.GetMonitoringApi().EnqueuedJobs("default", 0, 1000).Select(j => $"{j.Value.Job.Type.Name}.{j.Value.Job.Method.Name}({(j.Value.Job.Args.Count > 0 ? j.Value.Job.Args[0] : null)})")];

    public void Dispose() => _storage.Dispose();
}
