using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// The in-process copy of sessions (SQLite, no Redis), with a short life so its limit can be seen:
/// every way of ending a session still ends it at once (the suite), the copy really serves
/// requests, it never lets one person in as another, and it lives no longer than configured.
/// </summary>
public sealed partial class InProcessSessionTests(InProcessSessionTests.Factory app) : SessionEndingTests<InProcessSessionTests.Factory>(app)
{
    public sealed class Factory : PortalWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sessions:InProcessCacheFor"] = "00:00:05" };
    }

    [Fact]
    public void SqliteWithoutRedisKeepsTheCopyInProcess() =>
        Assert.IsType<InProcessSessionCache>(App.Services.GetRequiredService<ISessionCache>());

    /// <summary>
    /// Without the copy this fails at the second request: the row is deleted behind the app's back
    /// (as an operator's SQL, or a command run beside the portal, would), so only the copy can still
    /// let the cookie in, and only for as long as a copy lives.
    /// </summary>
    [Fact]
    public Task SignedInRequestsAreServedFromTheCopyWhichLivesNoLongerThanConfigured() =>
        ACopyServesTheCookieAfterItsRowIsGoneButNoLongerThanItLivesAsync("Sessions:InProcessCacheFor");

    /// <summary>Copies are kept per session: two people signed in at once each only ever see their own account.</summary>
    [Fact]
    public async Task TwoPeopleSignedInAtOnceEachSeeOnlyTheirOwnAccount()
    {
        var (first, firstEmail) = await SignedInDeviceAsync();
        var (second, secondEmail) = await SignedInDeviceAsync();

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(firstEmail, await EmailOnAccountPageAsync(first));
            Assert.Equal(secondEmail, await EmailOnAccountPageAsync(second));
        }
    }

    private static async Task<string> EmailOnAccountPageAsync(Device device)
    {
        var html = await device.Client.GetStringAsync("/Identity/Account/Manage/Email");
        return AnEmail().Matches(html).Select(m => m.Value).Distinct(StringComparer.Ordinal).Single();
    }

    [GeneratedRegex(@"learner\.[0-9a-f]{32}@example\.com")]
    private static partial Regex AnEmail();
}
