using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Content;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Careers;

/// <summary>Each career route has its own page with its story and steps, and the map and role pages lead to it.</summary>
public sealed class RoutePagesTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private ContentSet Content => app.Services.GetRequiredService<ContentStore>().Current;

    [Fact]
    public async Task TheTLevelRouteSaysWhatStudentsGoOnToAndHowLongThePlacementIs()
    {
        var route = Content.Routes["after-a-t-level"];

        var page = await app.CreateBrowser().GetPageAsync("/careers/routes/after-a-t-level");

        Assert.Equal(route.Title, page.Text("h1"));
        Assert.Equal(route.Summary, page.Text(".lead"));
        // The Markdown wraps lines, so the rendered text does too.
        var story = Regex.Replace(page.Text(".prose"), @"\s+", " ");
        Assert.Contains("industry placement of at least 315 hours", story, StringComparison.Ordinal);
        Assert.Contains("What students go on to", story, StringComparison.Ordinal);
        Assert.Contains("University.", story, StringComparison.Ordinal);
        Assert.Contains("An apprenticeship.", story, StringComparison.Ordinal);
        Assert.Contains("82% of the first T Level cohort", story, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachStepOfARouteShowsWhereItGoesHowLongWhatItNeedsAndWhatItGives()
    {
        var route = Content.Routes["after-a-t-level"];

        var page = await app.CreateBrowser().GetPageAsync("/careers/routes/after-a-t-level");

        var steps = page.QuerySelectorAll("ol.route__steps > li");
        Assert.Equal(route.Steps.Count, steps.Length);
        var nursing = Assert.Single(steps, s => s.QuerySelector(".route__move a[href='/careers/roles/registered-nurse']") is not null);
        Assert.NotNull(nursing.QuerySelector(".route__move a[href='/careers/roles/school-leaver']"));
        Assert.Contains("about 6 years", nursing.TextContent, StringComparison.Ordinal);
        Assert.NotNull(nursing.QuerySelector("a[href='/careers/programmes/t-level-health']"));
        Assert.NotNull(nursing.QuerySelector("a[href='/careers/programmes/registered-nurse-degree-apprenticeship']"));
        Assert.Contains("An enhanced DBS check", nursing.TextContent, StringComparison.Ordinal);
        Assert.Contains("At the end of this step you can get: Registration with the Nursing and Midwifery Council", nursing.TextContent, StringComparison.Ordinal);
        Assert.NotNull(nursing.QuerySelector("a[href='/careers/plan?From=school-leaver&To=registered-nurse']"));
    }

    [Fact]
    public async Task ARouteStepShowsTheExperienceTrainingAndLicenceItAsksFor()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/routes/nursing");

        var step = page.QuerySelectorAll("ol.route__steps > li")
            .Single(s => s.QuerySelector(".route__move a[href='/careers/roles/nursing-associate']") is not null
                && s.QuerySelector(".route__move a[href='/careers/roles/healthcare-support-worker']") is not null);
        Assert.Contains("1 year working in care", step.TextContent, StringComparison.Ordinal);
        var ambulance = Content.Routes["ambulance-service"].Steps.First(s => s.Requirements.DrivingLicence);

        var driving = await app.CreateBrowser().GetPageAsync("/careers/routes/ambulance-service");

        var licenceStep = driving.QuerySelectorAll("ol.route__steps > li")
            .First(s => s.QuerySelector($".route__move a[href='/careers/roles/{ambulance.To}']") is not null
                && s.QuerySelector($".route__move a[href='/careers/roles/{ambulance.From}']") is not null);
        Assert.Contains("A driving licence", licenceStep.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoutePageEndsWithWhenItWasCheckedAndItsSources()
    {
        var provenance = Content.Routes["after-a-t-level"].Provenance;

        var page = await app.CreateBrowser().GetPageAsync("/careers/routes/after-a-t-level");

        var footer = page.QuerySelector("#sources")!;
        Assert.Contains("Last checked: 5 December 2026", footer.TextContent, StringComparison.Ordinal);
        Assert.Equal(provenance.Sources.Select(s => (s.Title, s.Url.AbsoluteUri)), footer.QuerySelectorAll("li a").Select(a => (a.TextContent, a.GetAttribute("href")!)));
    }

    [Fact]
    public async Task AnUnknownRouteIsNotFound()
    {
        var response = await app.CreateBrowser().GetAsync("/careers/routes/to-the-moon");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheMapLinksToEveryRoute()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/map");

        var links = page.QuerySelectorAll("#route-pages + ul a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Content.Routes.Keys.Select(slug => $"/careers/routes/{slug}").Order(StringComparer.Ordinal), links);
    }

    [Fact]
    public async Task ARolePageLinksToEveryRouteItIsOn()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/roles/maternity-support-worker");

        var links = page.QuerySelectorAll("#on-routes + ul a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/careers/routes/after-a-t-level", "/careers/routes/maternity-and-therapy-support"], links);
    }
}
