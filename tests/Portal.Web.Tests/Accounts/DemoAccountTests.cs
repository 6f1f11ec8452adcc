using System.Net;
using Portal.Web.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>The Development experience the README promises: demo accounts exist and work.</summary>
public sealed class DemoAccountTests(DemoAccountTests.Factory app) : IClassFixture<DemoAccountTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override string EnvironmentName => "Development";
    }

    [Theory]
    [InlineData("recruiter@demo.portal.test", "/recruit")]
    [InlineData("manager@demo.portal.test", "/manage/matrix")]
    [InlineData(DemoAccounts.NurseEmail, "/competencies/observe")]
    [InlineData("learner@demo.portal.test", "/")]
    [InlineData(DemoAccounts.AdminEmail, "/admin/jobs")]
    [InlineData("analyst@demo.portal.test", "/insight/learning")]
    public async Task EachDemoAccountSignsInWithTheReadmePasswordAndReachesItsArea(string email, string path)
    {
        var browser = app.CreateBrowser();

        var signIn = await SignIn.PostSignInAsync(browser, email, DemoAccounts.Password, DemoAuthenticator.Key);
        if (path == "/competencies/observe")
        {
            // The demo nurse can observe the demo learner, the Enhanced care worker at Demo Homecare.
            var list = await (await browser.GetAsync("/competencies")).Content.ReadAsStringAsync();
            path = System.Text.RegularExpressions.Regex.Match(list, "/competencies/observe/[0-9]+/[a-z-]+").Value;
            Assert.NotEmpty(path);
        }
        var page = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>Staff need two factors, the demo's too; their second-step page gives the demo key and the code now.</summary>
    [Theory]
    [InlineData("recruiter@demo.portal.test")]
    [InlineData("manager@demo.portal.test")]
    [InlineData(DemoAccounts.AdminEmail)]
    public async Task ADemoStaffAccountAsksForASecondStepWhosePageGivesTheDemoKeyAndCode(string email)
    {
        var browser = app.CreateBrowser();

        var password = await SignIn.PostSignInAsync(browser, email, DemoAccounts.Password);
        Assert.Contains("LoginWith2fa", password.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var secondStep = await browser.GetPageAsync(password.Headers.Location!.OriginalString);
        Assert.Contains(DemoAuthenticator.Key, secondStep.Text(".alert-info"), StringComparison.Ordinal);
        var signedIn = await browser.SubmitAsync(secondStep, new Dictionary<string, string> { ["Input.TwoFactorCode"] = secondStep.Text(".demo-code") });

        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
    }

    /// <summary>A year of learning at the demo employers: the analyst's chart has bars in most months, not an empty frame.</summary>
    [Fact]
    public async Task TheDemoAnalystSeesAYearOfLearningAcrossTheCity()
    {
        var browser = app.CreateBrowser();
        await SignIn.PostSignInAsync(browser, "analyst@demo.portal.test", DemoAccounts.Password, DemoAuthenticator.Key);

        var page = await browser.GetPageAsync("/insight/learning");

        var people = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();
        Assert.Equal(12, people.Count);
        Assert.True(people.Count(p => p != "0") >= 9, string.Join(", ", people));
        Assert.Contains("Figures as of", page.Text("main"), StringComparison.Ordinal);
        Assert.True(page.QuerySelectorAll("figure.insight-chart rect[fill='#1d70b8']").Length >= 6);
    }

    [Fact]
    public async Task TheDemoAnalystSeesAYearOfThePipelineAndTheFinishedCohortAndTheNavigatorTheirHubsCohort()
    {
        var analyst = app.CreateBrowser();
        await SignIn.PostSignInAsync(analyst, "analyst@demo.portal.test", DemoAccounts.Password, DemoAuthenticator.Key);

        var pipeline = await analyst.GetPageAsync("/insight/pipeline");
        var steps = pipeline.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[1].TextContent.Trim());
        Assert.NotEqual("0", steps["Applied"]);
        Assert.NotEqual("0", steps["Hired"]);
        Assert.True(pipeline.QuerySelectorAll("figure.insight-chart rect[fill='#1d70b8']").Length >= 8);

        var programmes = await analyst.GetPageAsync("/insight/programmes");
        var finished = programmes.QuerySelector("table")!.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList())
            .Single(r => r[0].StartsWith(DemoProgrammes.ProgrammeTitle, StringComparison.Ordinal) && r[1] != "fewer than 5");
        Assert.Equal(["10", "10", "10", "5"], finished.Skip(1).Take(4));

        var navigator = app.CreateBrowser();
        await SignIn.PostSignInAsync(navigator, DemoAccounts.NavigatorEmail, DemoAccounts.Password, DemoAuthenticator.Key);
        var hub = await navigator.GetPageAsync("/insight/programmes");
        Assert.Contains(DemoAccounts.HubName, hub.Text("main"), StringComparison.Ordinal);
        Assert.Contains(DemoProgrammes.ProgrammeTitle, hub.Text("table"), StringComparison.Ordinal);
    }

    /// <summary>A year of starters, leavers and promotions at the demo employers: recognisable figures, not zeros.</summary>
    [Fact]
    public async Task TheDemoAnalystSeesAYearOfStartersLeaversAndPromotions()
    {
        var analyst = app.CreateBrowser();
        await SignIn.PostSignInAsync(analyst, "analyst@demo.portal.test", DemoAccounts.Password, DemoAuthenticator.Key);

        var page = await analyst.GetPageAsync("/insight/retention");

        var measures = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[1].TextContent.Trim());
        Assert.NotEqual("0", measures["Starters"]);
        Assert.NotEqual("0", measures["Leavers"]);
        Assert.EndsWith("%", measures["Turnover over the year to the last month"], StringComparison.Ordinal);
        Assert.NotEqual("0", measures["Moved up a step on a career route"]);
        Assert.NotEqual("0", measures["Enhanced Care Workers in post at the end"]);
        Assert.NotEqual("0", measures["Apprentices in post at the end"]);
        // Two or three starters a month: most months' bars are the held-back pattern, but there are bars.
        Assert.True(page.QuerySelectorAll("figure.insight-chart rect[fill='#1d70b8'], figure.insight-chart rect[fill^='url(']").Length >= 8);
    }

    /// <summary>A year of required training in date at the demo employers, split by kind of employer and care setting.</summary>
    [Fact]
    public async Task TheDemoAnalystSeesAYearOfRequiredTrainingInDateBySectorAndSetting()
    {
        var analyst = app.CreateBrowser();
        await SignIn.PostSignInAsync(analyst, "analyst@demo.portal.test", DemoAccounts.Password, DemoAuthenticator.Key);

        var page = await analyst.GetPageAsync("/insight/training");

        var tables = page.QuerySelectorAll("table");
        var now = tables[0].QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[1].TextContent.Trim());
        Assert.EndsWith("%", now["Required training in date"], StringComparison.Ordinal);
        // Every month of the year has a figure, worked out from the training records on the first update.
        Assert.All(tables[1].QuerySelectorAll("tbody tr"), r => Assert.EndsWith("%", r.Children[2].TextContent.Trim(), StringComparison.Ordinal));
        Assert.Contains("Care at home (domiciliary care)", tables[3].TextContent, StringComparison.Ordinal);
        Assert.True(tables[3].QuerySelectorAll("tbody tr").Length >= 3);
    }

    [Fact]
    public async Task TheDemoLearnerSignsInWithThePasswordAlone()
    {
        var response = await SignIn.PostSignInAsync(app.CreateBrowser(), DemoAccounts.LearnerEmail, DemoAccounts.Password);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}

/// <summary>Outside Development no demo account is created, whatever the settings say.</summary>
public sealed class NoDemoAccountsOutsideDevelopmentTests(NoDemoAccountsOutsideDevelopmentTests.Factory app)
    : IClassFixture<NoDemoAccountsOutsideDevelopmentTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:SeedDemoAccounts"] = "true" };
    }

    [Fact]
    public async Task DemoAccountsAreNotSeeded()
    {
        _ = app.CreateBrowser();

        Assert.Null(await app.WithUsersAsync(users => users.FindByEmailAsync("learner@demo.portal.test")));
    }
}
