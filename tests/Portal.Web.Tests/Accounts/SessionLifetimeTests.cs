using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>How long a sign-in lasts: a day unused, and a week at most however much it is used (the defaults).</summary>
public sealed class SessionLifetimeTests(SessionLifetimeTests.Factory app) : IClassFixture<SessionLifetimeTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task ASessionUsedEveryDayStillEndsAWeekAfterSignIn()
    {
        var browser = await app.AsNewUserAsync(PortalRoles.Learner);
        for (var day = 1; day <= 7; day++)
        {
            app.Clock.Advance(TimeSpan.FromHours(23));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        }

        // 169 hours after sign-in, 8 after it was last used.
        app.Clock.Advance(TimeSpan.FromHours(8));

        var response = await browser.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionLeftUnusedForADayEnds()
    {
        var browser = await app.AsNewUserAsync(PortalRoles.Learner);
        app.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/profile")).StatusCode);
    }
}
