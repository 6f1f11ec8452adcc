using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Content;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Careers;

/// <summary>The role explorer and role pages, over the real careers content.</summary>
public sealed class ExplorerTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private ContentSet Content => app.Services.GetRequiredService<ContentStore>().Current;

    private IReadOnlyList<CareerRole> Jobs => [.. Content.Roles.Values.Where(r => !r.EntryPoint)];

    [Fact]
    public async Task ExplorerListsEveryJobWithTitleSummaryAndPay()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers");

        var cards = page.QuerySelectorAll(".role-card");
        Assert.Equal(Jobs.Count, cards.Length);
        Assert.True(Jobs.Count >= 14, "the catalogue should hold the jobs the issue lists");
        var careWorker = Content.Roles["care-worker"];
        var card = Assert.Single(cards, c => c.QuerySelector("a")!.TextContent == careWorker.Title);
        Assert.Contains(careWorker.Summary, card.TextContent, StringComparison.Ordinal);
        Assert.Contains($"£{careWorker.Pay!.HourlyFrom:0.00} to £{careWorker.Pay.HourlyTo:0.00} an hour", card.TextContent, StringComparison.Ordinal);
        Assert.Equal("/careers/roles/care-worker", card.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task NoQualificationsFilterShowsOnlyJobsYouCanStartWithout()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers?Filter.NoQualifications=true");

        var titles = page.QuerySelectorAll(".role-card__title a").Select(a => a.TextContent).Order().ToList();
        Assert.Equal(Jobs.Where(r => r.NoQualificationsNeeded).Select(r => r.Title).Order(), titles);
        Assert.NotEmpty(titles);
        Assert.True(titles.Count < Jobs.Count);
    }

    [Theory]
    [InlineData("nhs")]
    [InlineData("social-care")]
    public async Task SectorFilterKeepsThatSectorAndRolesInBoth(string sector)
    {
        var page = await app.CreateBrowser().GetPageAsync($"/careers?Filter.Sector={sector}");

        var titles = page.QuerySelectorAll(".role-card__title a").Select(a => a.TextContent).Order().ToList();
        Assert.Equal(Jobs.Where(r => r.Sector == sector || r.Sector == "both").Select(r => r.Title).Order(), titles);
    }

    [Fact]
    public async Task PayAndSettingFiltersCombine()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers?Filter.Setting=hospital&Filter.PayFrom=15");

        var titles = page.QuerySelectorAll(".role-card__title a").Select(a => a.TextContent).Order().ToList();
        Assert.Equal(Jobs.Where(r => r.Settings.Contains("hospital") && r.Pay!.HourlyTo >= 15).Select(r => r.Title).Order(), titles);
        Assert.NotEmpty(titles);
    }

    [Fact]
    public async Task AWrongPayValueIsExplainedAndHidesNothing()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers?Filter.PayFrom=lots");

        Assert.Contains("'lots' is not a number; enter the hourly pay in figures", page.Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(Jobs.Count, page.QuerySelectorAll(".role-card").Length);
    }

    [Fact]
    public async Task RolePageShowsTheRoleInFull()
    {
        var role = Content.Roles["enhanced-care-worker"];

        var page = await app.CreateBrowser().GetPageAsync("/careers/roles/enhanced-care-worker");

        Assert.Equal(role.Title, page.Text("h1"));
        Assert.Contains($"£{role.Pay!.HourlyFrom:0.00}", page.Text(".role-facts"), StringComparison.Ordinal);
        Assert.All(role.EntryRequirements, r => Assert.Contains(r, page.Body!.TextContent, StringComparison.Ordinal));
        Assert.Contains("What a day looks like", page.Text("main .prose h2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RolePageShowsTheRoutesInAndOut()
    {
        var steps = Content.Planner.Graph.Steps;

        var page = await app.CreateBrowser().GetPageAsync("/careers/roles/care-worker");

        var links = page.QuerySelectorAll(".route-links:not(.training-links):not(.vacancy-links):not(.route-file-links) a:not(.programme-link)").Select(a => a.GetAttribute("href")).ToList();
        var expected = steps.Where(s => s.To == "care-worker").Select(s => s.From)
            .Concat(steps.Where(s => s.From == "care-worker").Select(s => s.To))
            .Select(slug => $"/careers/roles/{slug}");
        Assert.Equal(expected.Order(), links.Order());
        Assert.Contains("/careers/roles/new-to-care", links);
        Assert.Contains("/careers/roles/enhanced-care-worker", links);
    }

    [Fact]
    public async Task MapPageDrawsEveryStepAndListsTheSameRoutesAsText()
    {
        var steps = Content.Planner.Graph.Steps;

        var page = await app.CreateBrowser().GetPageAsync("/careers/map");

        Assert.Equal(steps.Count, page.QuerySelectorAll("svg path.route-map__edge").Length);
        Assert.Equal(Content.Roles.Count, page.QuerySelectorAll("svg a.route-map__node").Length);
        var listed = page.QuerySelectorAll(".route-list li").Sum(li => li.QuerySelectorAll("a").Length - 1);
        Assert.Equal(steps.Count, listed);
    }

    [Fact]
    public async Task UnknownRoleIsANotFoundPageLinkingBackToTheExplorer()
    {
        var response = await app.CreateBrowser().GetAsync("/careers/roles/astronaut");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Page not found", page.Text("h1"));
        Assert.NotNull(page.QuerySelector("main a[href='/careers']"));
    }
}
