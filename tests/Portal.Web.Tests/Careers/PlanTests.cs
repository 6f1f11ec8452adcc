using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Content;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Careers;

/// <summary>"I am / I want to be" over the real routes, as a form without JavaScript.</summary>
public sealed class PlanTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private ContentSet Content => app.Services.GetRequiredService<ContentStore>().Current;

    [Fact]
    public async Task NewToCareToEnhancedCareWorkerShowsTheQuickestRouteFirstWithWhatEachStepNeeds()
    {
        var expected = Content.Planner.Plan("new-to-care", "enhanced-care-worker", 3);

        var page = await app.CreateBrowser().GetPageAsync("/careers/plan?From=new-to-care&To=enhanced-care-worker");

        var routes = page.QuerySelectorAll("article.route");
        Assert.Equal(expected.Routes.Count, routes.Length);
        Assert.True(routes.Length >= 2);
        var quickest = routes[0];
        Assert.StartsWith("Quickest route: about", quickest.QuerySelector("h3")!.TextContent.Trim(), StringComparison.Ordinal);
        var stepTitles = quickest.QuerySelectorAll(".route__move a").Select(a => a.TextContent).ToList();
        Assert.Equal(expected.Shortest!.Steps.Select(s => Content.Roles[s.To].Title), stepTitles);
        // The first step needs the Care Certificate and the usual checks, by name.
        var firstStep = quickest.QuerySelectorAll(".route__step")[0].TextContent;
        Assert.Contains(Content.Programmes["care-certificate"].Title, firstStep, StringComparison.Ordinal);
        Assert.Contains("An enhanced DBS check", firstStep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutesAreListedFromQuickestToLongest()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/plan?From=new-to-care&To=registered-nurse");

        var months = Content.Planner.Plan("new-to-care", "registered-nurse", 3).Routes.Select(r => r.TotalMonths).ToList();
        Assert.Equal(months.Order(), months);
        Assert.Equal(months.Count, page.QuerySelectorAll("article.route").Length);
    }

    [Fact]
    public async Task NoRouteSaysSoPlainly()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/plan?From=registered-manager&To=care-worker");

        Assert.Equal("No route found", page.Text("#routes-heading"));
        Assert.Empty(page.QuerySelectorAll("article.route"));
    }

    [Theory]
    [InlineData("/careers/plan?From=astronaut&To=care-worker", "Choose where you are starting from")]
    [InlineData("/careers/plan?From=new-to-care&To=school-leaver", "Choose the job you want to do")]
    [InlineData("/careers/plan?From=new-to-care", "Choose the job you want to do")]
    public async Task TamperedOrMissingChoicesAreExplained(string url, string message)
    {
        var response = await app.CreateBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(message, page.Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("article.route"));
    }

    [Fact]
    public async Task EmptyFormShowsNoErrors()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/plan");

        Assert.Null(page.QuerySelector(".alert-danger"));
        Assert.True(page.QuerySelectorAll("#from option").Length > Content.Roles.Count - 1);
    }
}
