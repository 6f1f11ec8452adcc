using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Data;
using Portal.Web.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Programmes;

/// <summary>The demo talent hub's programme, as a navigator and a person find it in Development.</summary>
public sealed class DemoProgrammesTests(DemoProgrammesTests.Factory app) : IClassFixture<DemoProgrammesTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override string EnvironmentName => "Development";
    }

    [Fact]
    public async Task TheDemoNavigatorFindsAFinishedCohortWithOutcomesAndAnOpenOneWithPlaces()
    {
        var navigator = app.CreateBrowser();
        await SignIn.PostSignInAsync(navigator, DemoAccounts.NavigatorEmail, DemoAccounts.Password, DemoAuthenticator.Key);

        var index = await navigator.GetPageAsync("/navigate/programmes");
        var programme = await navigator.GetPageAsync(index.QuerySelectorAll<IHtmlAnchorElement>("main .record-item a").Single(a => a.TextContent == DemoProgrammes.ProgrammeTitle).Href);
        var cohorts = programme.QuerySelectorAll<IHtmlAnchorElement>("main .record-item a").ToList();
        Assert.Equal(2, cohorts.Count);
        Assert.Contains("4 of 15 places taken", programme.Text("main"), StringComparison.Ordinal);

        // Newest first: the open cohort, then the finished one.
        var finished = await navigator.GetPageAsync(cohorts[1].Href);
        Assert.Contains("12 of 12 places taken", finished.Text("main"), StringComparison.Ordinal);
        var kinds = finished.QuerySelectorAll("main table tbody tr td:nth-child(2)").Select(c => c.TextContent).ToList();
        Assert.Equal(10, kinds.Count(k => k == "Completed the programme"));
        Assert.Equal(9, kinds.Count(k => k == "Interview"));
        Assert.Equal(7, kinds.Count(k => k == "Job offer"));
        Assert.Equal(5, kinds.Count(k => k == "Started work"));
        Assert.Equal(5, kinds.Count(k => k.StartsWith("Still in work at 13 weeks", StringComparison.Ordinal)));
        Assert.Equal(3, kinds.Count(k => k.StartsWith("Still in work at 26 weeks", StringComparison.Ordinal)));
        Assert.Single(kinds, k => k.StartsWith("Left work", StringComparison.Ordinal));
        Assert.Contains("6 in priority neighbourhoods; 1 with no full postcode", finished.Text("main"), StringComparison.Ordinal);

        var checkIns = await navigator.GetPageAsync("/navigate/programmes/check-ins");
        Assert.Single(checkIns.QuerySelectorAll("main .record-item"), i => i.TextContent.Contains("Not answered yet", StringComparison.Ordinal));

        // A person finds the open cohort and its places.
        var person = app.CreateBrowser();
        await SignIn.PostSignInAsync(person, "tyrone.ellis@demo.portal.test", DemoAccounts.Password);
        Assert.Contains("You have a place on this one", (await person.GetPageAsync("/programmes")).Text("main"), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(1, await db.Set<Programme>().CountAsync(p => p.Title == DemoProgrammes.ProgrammeTitle));
    }
}
