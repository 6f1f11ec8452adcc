using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Portal.Web;

/// <summary>
/// The output cache every node shares, in Redis (<c>OutputCache:Redis</c>). The framework's Redis
/// store deletes an evicted tag's pages fire-and-forget, so its eviction can return before Redis
/// has deleted anything: a visitor who asks another node straight after a change (a recruiter
/// closes a vacancy, the page answers on the next request) could still be served the old page.
/// Here an eviction ends with one round trip on the same connection, and Redis answers a
/// connection's commands in order, so when it returns the pages are gone for every node.
/// </summary>
internal static class SharedOutputCache
{
    public static void AddRedis(IServiceCollection services, string configuration)
    {
        var connection = new Connection(configuration);
        services.AddStackExchangeRedisOutputCache(options =>
        {
            options.InstanceName = "portal:";
            options.ConnectionMultiplexerFactory = connection.GetAsync;
        });
        var framework = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(framework);
        services.AddSingleton<IOutputCacheStore>(provider => new EvictionConfirmed(Create(framework, provider), connection));
    }

    private static IOutputCacheStore Create(ServiceDescriptor descriptor, IServiceProvider provider) => descriptor switch
    {
        { ImplementationInstance: IOutputCacheStore instance } => instance,
        { ImplementationFactory: { } factory } => (IOutputCacheStore)factory(provider),
        { ImplementationType: { } type } => (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, type),
        _ => throw new InvalidOperationException("The Redis output cache store is registered in a way this wrapper does not know."),
    };

    /// <summary>
    /// One connection for the store and its confirmations. A connection that failed is tried again
    /// on the next request, as the framework's store does on its own: Redis down when the node
    /// started must not leave the node without its cache once Redis is back.
    /// </summary>
    private sealed class Connection(string configuration) : IDisposable
    {
        private readonly Lock _lock = new();
        private Task<IConnectionMultiplexer>? _current;

        public Task<IConnectionMultiplexer> GetAsync()
        {
            lock (_lock)
            {
                if (_current is null || _current.IsFaulted || _current.IsCanceled)
                    _current = ConnectAsync();
                return _current;
            }
        }

        private async Task<IConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(configuration);

        public void Dispose()
        {
            lock (_lock)
            {
                if (_current is { IsCompletedSuccessfully: true })
                    _current.Result.Dispose();
            }
        }
    }

    private sealed class EvictionConfirmed(IOutputCacheStore store, Connection connection) : IOutputCacheBufferStore, IDisposable
    {
        public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
            var redis = await connection.GetAsync();
            await redis.GetDatabase().PingAsync();
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => store.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            store.SetAsync(key, value, tags, validFor, cancellationToken);

        // The buffer forms spare a copy of each page; the framework's store has them.
        public ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken) =>
            store is IOutputCacheBufferStore buffers ? buffers.TryGetAsync(key, destination, cancellationToken) : CopyAsync(key, destination, cancellationToken);

        public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            store is IOutputCacheBufferStore buffers
                ? buffers.SetAsync(key, value, tags, validFor, cancellationToken)
                : store.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);

        private async ValueTask<bool> CopyAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
        {
            if (await store.GetAsync(key, cancellationToken) is not { } page)
                return false;
            await destination.WriteAsync(page, cancellationToken);
            return true;
        }

        public void Dispose()
        {
            (store as IDisposable)?.Dispose();
            connection.Dispose();
        }
    }
}
