using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Accounts;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Accounts;

/// <summary>The Redis copy of sessions against the test run's throwaway Redis.</summary>
public sealed class RedisSessionCacheTests : IDisposable
{
    private readonly RedisSessionCache _cache = new(
        Options.Create(new SessionLifetimeOptions { Redis = TestEnvironment.Redis, RedisCacheFor = TimeSpan.FromMinutes(1) }),
        TimeProvider.System, NullLogger<RedisSessionCache>.Instance);

    private static CachedSession Live() => new([1, 2, 3, 4], DateTime.UtcNow, DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddDays(1));

    [Fact]
    public async Task ACopyComesBackAsItWasKept()
    {
        var id = Guid.NewGuid().ToString("N");
        var kept = Live();

        await _cache.KeepAsync(id, kept);

        var copy = await _cache.GetAsync(id);
        Assert.NotNull(copy);
        Assert.Equal(kept.Ticket, copy.Ticket);
        Assert.Equal((kept.LastSeenUtc, kept.ExpiresUtc, kept.AbsoluteExpiresUtc), (copy.LastSeenUtc, copy.ExpiresUtc, copy.AbsoluteExpiresUtc));
    }

    /// <summary>
    /// A request that read the row just before the session ended must not put a copy back after
    /// the end cleared it, or the ended session would work again until the copy expired.
    /// </summary>
    [Fact]
    public async Task AReadRacingTheEndCannotKeepACopyOfAnEndedSession()
    {
        var id = Guid.NewGuid().ToString("N");
        await _cache.KeepAsync(id, Live());

        await _cache.EndAsync([id]);
        await _cache.KeepAsync(id, Live());

        Assert.Null(await _cache.GetAsync(id));
    }

    [Fact]
    public async Task ARenewedSessionIsReadAfreshButCanBeKeptAgain()
    {
        var id = Guid.NewGuid().ToString("N");
        await _cache.KeepAsync(id, Live());

        await _cache.ForgetAsync(id);
        Assert.Null(await _cache.GetAsync(id));

        await _cache.KeepAsync(id, Live());
        Assert.NotNull(await _cache.GetAsync(id));
    }

    [Fact]
    public async Task ASessionAboutToEndIsNotKeptLongerThanItHasLeft()
    {
        var id = Guid.NewGuid().ToString("N");
        var ending = Live() with { ExpiresUtc = DateTime.UtcNow.AddMilliseconds(300) };

        await _cache.KeepAsync(id, ending);
        await Task.Delay(1000);

        Assert.Null(await _cache.GetAsync(id));
    }

    public void Dispose() => _cache.Dispose();
}
