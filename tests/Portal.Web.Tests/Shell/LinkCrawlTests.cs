using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Talent;
using Portal.Infrastructure;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Pathways;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Shell;

/// <summary>
/// Every link a person can follow leads somewhere: from the home page, signed out and as each demo
/// account, every internal link on every page reached is followed (up to a bound), and none answers
/// 404 or a server error, and no link is left without an address. A page renamed or moved without
/// its links following is caught here: a literal link then answers 404, and a routed one (asp-page
/// to a page that no longer exists) is written with no address at all.
/// </summary>
public sealed class LinkCrawlTests(LinkCrawlTests.Factory app) : IClassFixture<LinkCrawlTests.Factory>
{
    /// <summary>Development, for the demo accounts and their organisation; plus a little more to link to.</summary>
    public sealed class Factory : PortalWebFactory
    {
        private readonly Lazy<Task> _seeded;

        public Factory() => _seeded = new(SeedAsync);

        protected override string EnvironmentName => "Development";

        public Task Seeded => _seeded.Value;

        /// <summary>A published job the learner applied to, a finished module, a saved plan and a job alert: pages that only show with data.</summary>
        private async Task SeedAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var users = provider.GetRequiredService<UserManager<PortalUser>>();
            var learner = (await users.FindByEmailAsync("learner@demo.portal.test"))!.Id;
            var recruiter = (await users.FindByEmailAsync("recruiter@demo.portal.test"))!.Id;
            var now = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

            var vacancies = provider.GetRequiredService<VacancyService>();
            var organisation = (await vacancies.RecruitingForAsync(recruiter))[0].Id;
            var vacancy = (await vacancies.CreateAsync(recruiter, organisation, new VacancyDetails
            {
                CareerRole = "care-worker",
                Title = "Home care worker, Headingley",
                DescriptionMarkdown = "Visit people at home across the area.",
                Location = provider.GetRequiredService<PostcodeDistricts>().Locate("LS6 1AA").Location!,
                HourlyPay = 13.50m,
                HoursPerWeek = 30,
                Days = WorkDays.Weekdays,
                Shifts = ShiftTimes.Early,
                PayBasis = PayBasis.WholeShift,
                GuaranteedHours = true,
                PaidTravelTime = true,
                PaidTraining = true,
                DrivingLicenceRequired = false,
                ClosingDate = UkTime.Today(now).AddDays(30),
            })).Value!;
            Assert.True((await vacancies.ChangeAsync(recruiter, vacancy.Id, (v, at) => v.Publish(at, new TalentOptions().LegalMinimumWage()))).IsDone);
            Assert.True((await provider.GetRequiredService<ApplicationService>().ApplyAsync(learner, vacancy.Id, "I can start soon.")).IsDone);

            // One the demo record does not already hold (see DemoLearning).
            await CompletedAsync(learner, DemoLearning.NotStarted[^1], now);

            var content = provider.GetRequiredService<ContentStore>().Current;
            Assert.True((await provider.GetRequiredService<PlanService>().SaveAsync(learner, "new-to-care", "care-worker", content)).IsDone);
            Assert.True((await provider.GetRequiredService<AlertService>().SaveAsync(learner, "Care jobs", "Search.Keyword=care", AlertFrequency.Weekly)).IsDone);
        }
    }

    /// <summary>Pages fetched per person at most: enough for every section and its items, not every lesson of every module.</summary>
    private const int MaxPages = 150;

    /// <summary>Variants of one address by query string (filters, pages of results) worth fetching.</summary>
    private const int MaxQueriesPerPath = 3;

    private sealed record Visit(string Url, string From);

    [Theory]
    [InlineData(null, "/")]
    [InlineData("learner@demo.portal.test", "/learn/record")]
    [InlineData("recruiter@demo.portal.test", "/recruit")]
    [InlineData("manager@demo.portal.test", "/manage")]
    [InlineData(DemoAccounts.NurseEmail, "/competencies")]
    [InlineData(DemoAccounts.AdminEmail, "/admin")]
    public async Task NoLinkFromTheHomePagesLeadsNowhere(string? email, string home)
    {
        await app.Seeded;
        var browser = app.CreateBrowser();
        if (email is not null)
            Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, DemoAccounts.Password, DemoAuthenticator.Key)).StatusCode);

        var queue = new Queue<Visit>([new("/", "start"), new(home, "start")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/", home };
        var queriesPerPath = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var fetched = 0;
        while (queue.Count > 0 && fetched < MaxPages)
        {
            var visit = queue.Dequeue();
            fetched++;
            using var response = await browser.GetAsync(visit.Url);
            var status = (int)response.StatusCode;
            if (status == 404 || status >= 500)
            {
                problems.Add($"{visit.Url} answered {status} (linked from {visit.From})");
                continue;
            }
            var links = new List<string>();
            if (response.Headers.Location is { } location)
            {
                links.Add(location.OriginalString);
            }
            else if (response.Content.Headers.ContentType?.MediaType == "text/html" && !IsDashboard(visit.Url))
            {
                var page = await Forms.ParseAsync(response);
                foreach (var anchor in page.QuerySelectorAll("a"))
                {
                    var href = anchor.GetAttribute("href");
                    if (string.IsNullOrWhiteSpace(href))
                        problems.Add($"{visit.Url} has a link with no address: \"{anchor.TextContent.Trim()}\"");
                    else
                        links.Add(href);
                }
                links.AddRange(page.QuerySelectorAll("form[method=get]").Select(f => f.GetAttribute("action") ?? visit.Url));
            }

            foreach (var link in links)
            {
                if (Internal(visit.Url, link) is not { } url || !seen.Add(url))
                    continue;
                var path = url.Split('?')[0];
                if (url.Contains('?', StringComparison.Ordinal) && (queriesPerPath[path] = queriesPerPath.GetValueOrDefault(path) + 1) > MaxQueriesPerPath)
                    continue;
                queue.Enqueue(new(url, visit.Url));
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems in {fetched} pages:\n" + string.Join("\n", problems));
        // The crawl really went somewhere: the home page alone links to more than a handful.
        Assert.True(fetched > 20, $"Only {fetched} pages were reached.");
    }

    /// <summary>The link as a path and query on this site, or null for another site, a fragment, a file or something not a page.</summary>
    private static string? Internal(string from, string href)
    {
        if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            return null;
        var site = new Uri("http://localhost");
        var target = new Uri(new Uri(site, from), href);
        if (target.Scheme is not ("http" or "https") || target.Host != site.Host)
            return null;
        var path = target.AbsolutePath;
        if (path.StartsWith("/lib/", StringComparison.Ordinal) || path.StartsWith("/css/", StringComparison.Ordinal) || Path.HasExtension(path))
            return null;
        return path + target.Query;
    }

    /// <summary>Hangfire's dashboard is reached, but its own pages are not the portal's to crawl.</summary>
    private static bool IsDashboard(string url) => url.StartsWith("/admin/jobs", StringComparison.OrdinalIgnoreCase);
}
