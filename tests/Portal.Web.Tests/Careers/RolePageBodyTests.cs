using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Careers;

/// <summary>
/// A role page's body is rendered once and kept for everyone signed in (issue 25): it must change the
/// moment anything on it changes (a recruiter's vacancy, a content release, a closing date passing),
/// and the part that is a person's own (the header's sign-out form) must stay that person's.
/// </summary>
public sealed class RolePageBodyTests(RolePageBodyTests.Factory app) : IClassFixture<RolePageBodyTests.Factory>
{
    public sealed class Factory : ContentCopyFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private const string Page = "/careers/roles/care-worker";

    /// <summary>How many rendered page parts the portal keeps: one more means a body was rendered and kept.</summary>
    private int Kept() => ((MemoryCache)app.Services.GetRequiredService<CacheTagHelperMemoryCacheFactory>().Cache).Count;

    private static async Task<IReadOnlyList<string>> VacancyLinksAsync(HttpClient browser) =>
        [.. (await browser.GetPageAsync(Page)).QuerySelectorAll(".vacancy-links a").Select(a => a.GetAttribute("href")!)];

    [Fact]
    public async Task AVacancyARecruiterPublishesOrClosesShowsAtOnceToSomeoneSignedIn()
    {
        var learner = await app.AsNewUserAsync(PortalRoles.Learner);
        var before = await VacancyLinksAsync(learner);
        var kept = Kept();
        Assert.Equal(before, await VacancyLinksAsync(learner));
        Assert.Equal(kept, Kept());

        var admin = await app.AsAdminWithTwoFactorAsync();
        var (recruiter, vacancy, _) = await app.RecruiterWithVacancyAsync(admin, $"Pudsey Care {Guid.NewGuid():N}", "Care worker, Pudsey earlies");
        Assert.Contains($"/jobs/{vacancy}", await VacancyLinksAsync(learner));

        var page = await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}");
        Assert.Equal(HttpStatusCode.Redirect, (await recruiter.SubmitAsync(page, new Dictionary<string, string>(), "form[action*=Close]")).StatusCode);
        Assert.DoesNotContain($"/jobs/{vacancy}", await VacancyLinksAsync(learner));
    }

    [Fact]
    public async Task AnEditedRoleShowsToSomeoneSignedInOnceTheContentIsLoadedAgain()
    {
        var learner = await app.AsNewUserAsync(PortalRoles.Learner);
        var title = (await learner.GetPageAsync("/careers/roles/personal-assistant")).Text("h1");
        var file = Path.Combine(app.ContentCopy, "careers", "roles", "personal-assistant.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace($"title: {title}", $"title: {title} (direct payments)", StringComparison.Ordinal));
        Assert.Equal(title, (await learner.GetPageAsync("/careers/roles/personal-assistant")).Text("h1"));

        app.Services.GetRequiredService<ContentStore>().Load();

        Assert.Equal($"{title} (direct payments)", (await learner.GetPageAsync("/careers/roles/personal-assistant")).Text("h1"));
    }

    [Fact]
    public async Task AVacancyLeavesTheListTheDayAfterItCloses()
    {
        // From nine in the morning, so that 23 hours later is the closing day and 46 hours later the day after,
        // whatever the time this run started at (or another test in this class left the clock at).
        var now = app.Clock.GetUtcNow();
        app.Clock.Advance(now.UtcDateTime.Date.AddDays(1).AddHours(9) - now.UtcDateTime);
        var learner = await app.AsNewUserAsync(PortalRoles.Learner);
        var admin = await app.AsAdminWithTwoFactorAsync();
        var tomorrow = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        var (_, vacancy, _) = await app.RecruiterWithVacancyAsync(admin, $"Farsley Care {Guid.NewGuid():N}", "Care worker, closing soon", closes: tomorrow);
        Assert.Contains($"/jobs/{vacancy}", await VacancyLinksAsync(learner));

        // Used once a day, so the learner stays signed in; nothing about the vacancies changes, only the day.
        app.Clock.Advance(TimeSpan.FromHours(23));
        var onTheDay = await VacancyLinksAsync(learner);
        app.Clock.Advance(TimeSpan.FromHours(23));
        var dayAfter = await VacancyLinksAsync(learner);

        Assert.Equal(tomorrow.AddDays(1), DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        Assert.Contains($"/jobs/{vacancy}", onTheDay);
        Assert.DoesNotContain($"/jobs/{vacancy}", dayAfter);
    }

    [Fact]
    public async Task TwoPeopleShareTheBodyButEachSignsOutOnlyThemselves()
    {
        var first = await app.AsNewUserAsync(PortalRoles.Learner);
        var second = await app.AsNewUserAsync(PortalRoles.Learner);
        var firstPage = await first.GetPageAsync(Page);
        var kept = Kept();

        var secondPage = await second.GetPageAsync(Page);

        Assert.Equal(kept, Kept());
        Assert.Equal(firstPage.QuerySelector("main")!.InnerHtml, secondPage.QuerySelector("main")!.InnerHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(secondPage, new Dictionary<string, string>(), "form[action*='Logout']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task ASignedOutCopyCachedJustBeforeMidnightIsNotServedAfterIt()
    {
        // Half a second before midnight: the copy stored now may live only that long.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        app.Clock.Advance(now.Date.AddDays(1) - now - TimeSpan.FromMilliseconds(500));
        var visitor = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Page)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        var afterMidnight = await visitor.GetAsync(Page);
        var later = await visitor.GetAsync(Page);

        // The output cache marks what it serves with Age: after midnight the page is drawn anew, and that copy is kept.
        Assert.Null(afterMidnight.Headers.Age);
        Assert.NotNull(later.Headers.Age);
    }
}
