using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Common;

namespace Portal.Web.Tests.Caching;

/// <summary>
/// The output cache two nodes share in Redis (the test run's throwaway server): a page evicted on
/// one node is gone for the other the moment the eviction returns, as a visitor asking the other
/// node straight after a recruiter's change would need. The framework's store alone deleted
/// fire-and-forget, and the two-node browser journey once saw a closed vacancy still served.
/// </summary>
public sealed class SharedOutputCacheTests : IAsyncLifetime
{
    private readonly ServiceProvider _nodeA = Node();
    private readonly ServiceProvider _nodeB = Node();

    private static ServiceProvider Node()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        SharedOutputCache.AddRedis(services, TestEnvironment.Redis);
        return services.BuildServiceProvider();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
    }

    [Fact]
    public async Task APageEvictedOnOneNodeIsGoneForTheOtherWhenTheEvictionReturns()
    {
        var a = _nodeA.GetRequiredService<IOutputCacheStore>();
        var b = _nodeB.GetRequiredService<IOutputCacheStore>();
        var tag = $"test-{Guid.NewGuid():N}";
        var page = new byte[20_000];
        Random.Shared.NextBytes(page);
        var stillServed = 0;
        for (var i = 0; i < 300; i++)
        {
            // Many pages under one tag, as the content tag holds: the eviction has many deletes to send.
            var keys = Enumerable.Range(0, 20).Select(k => $"{tag}-{i}-{k}").ToList();
            foreach (var key in keys)
                await b.SetAsync(key, page, [tag], TimeSpan.FromMinutes(1), CancellationToken.None);
            Assert.NotNull(await b.GetAsync(keys[^1], CancellationToken.None));

            await a.EvictByTagAsync(tag, CancellationToken.None);

            if (await b.GetAsync(keys[^1], CancellationToken.None) is not null)
                stillServed++;
        }
        Assert.Equal(0, stillServed);
    }
}
