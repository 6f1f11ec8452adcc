using System.Net;
using Portal.Web.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Navigation;

/// <summary>The demo navigator's caseload as the README promises it in Development.</summary>
public sealed class DemoNavigationTests(DemoNavigationTests.Factory app) : IClassFixture<DemoNavigationTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override string EnvironmentName => "Development";
    }

    [Fact]
    public async Task TheDemoNavigatorFindsACaseloadAcrossTheStagesAndOneNewRequest()
    {
        var navigator = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(navigator, DemoAccounts.NavigatorEmail, DemoAccounts.Password, DemoAuthenticator.Key)).StatusCode);

        var page = await navigator.GetPageAsync("/navigate");

        Assert.Contains(DemoNavigation.QueuedName, Assert.Single(page.QuerySelectorAll(".caseload-queue li")).TextContent, StringComparison.Ordinal);
        var caseload = page.QuerySelectorAll(".caseload__person").Select(p => p.TextContent).ToList();
        Assert.Equal(6, caseload.Count);
        foreach (var stage in new[] { "New", "Exploring", "Preparing", "Applying", "In work" })
            Assert.Contains(caseload, row => row.Contains($": {stage}", StringComparison.Ordinal));
        var overdue = (await navigator.GetPageAsync("/navigate?Filter.Overdue=true")).Text(".caseload");
        Assert.Contains("Kyle Broadbent", overdue, StringComparison.Ordinal);
        Assert.Contains("Mary Ogunleye", (await navigator.GetPageAsync("/navigate?Filter.Stage=Closed")).Text(".caseload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADemoPersonSeesTheirPlanOnTheirHomePage()
    {
        var person = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(person, "aisha.begum@demo.portal.test", DemoAccounts.Password)).StatusCode);

        var plan = (await person.GetPageAsync("/")).Text(".your-plan");

        Assert.Contains($"Your plan with {DemoAccounts.HubName}", plan, StringComparison.Ordinal);
        Assert.Contains("Taster morning at Chapeltown Community Health", plan, StringComparison.Ordinal);
    }
}
