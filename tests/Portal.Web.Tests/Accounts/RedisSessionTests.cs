using System.Net;
using Portal.Tests.Common;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// Sessions with a copy in Redis (the test run's throwaway server): every event that ends a
/// session in <see cref="SessionEndingTests{TFactory}"/> must end the cached copy too, on the
/// request straight after, not when the copy expires.
/// </summary>
public sealed class RedisSessionTests(RedisSessionTests.Factory app) : SessionEndingTests<RedisSessionTests.Factory>(app)
{
    public sealed class Factory : PortalWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Sessions:Redis"] = TestEnvironment.Redis,
            ["Sessions:RedisCacheFor"] = "00:00:05",
        };
    }

    /// <summary>
    /// Without this, the tests above would pass with no cache at all. The row is deleted behind
    /// the app's back (as an operator's SQL would), so only the copy can still let the cookie in,
    /// and only for as long as a copy lives.
    /// </summary>
    [Fact]
    public Task SignedInRequestsAreServedFromTheCopyWhichLivesNoLongerThanConfigured() =>
        ACopyServesTheCookieAfterItsRowIsGoneButNoLongerThanItLivesAsync("Sessions:RedisCacheFor");
}

/// <summary>
/// Redis configured but not answering: every way of ending a session still works, from the
/// database alone, and the operator is told the cache could not be reached.
/// </summary>
public sealed class UnreachableRedisSessionTests(UnreachableRedisSessionTests.Factory app) : SessionEndingTests<UnreachableRedisSessionTests.Factory>(app)
{
    public sealed class Factory : PortalWebFactory
    {
        // Port 1 on loopback: nothing listens there, so every connection is refused at once.
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sessions:Redis"] = "127.0.0.1:1" };
    }

    [Fact]
    public async Task EndingASessionTellsTheOperatorTheCacheCouldNotBeCleared()
    {
        var (device, _) = await SignedInDeviceAsync();
        var saved = device.SavedCookie();

        var signOut = await device.Client.SubmitAsync(await device.Client.GetPageAsync("/profile"), new Dictionary<string, string>(), "form[action*='Logout']");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await OpensProfileWithAsync(saved));
        Assert.Contains("could not be removed from the Redis cache", App.Errors.ToString(), StringComparison.Ordinal);
    }
}
