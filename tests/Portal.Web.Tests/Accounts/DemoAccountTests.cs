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
    public async Task EachDemoAccountSignsInWithTheReadmePasswordAndReachesItsArea(string email, string path)
    {
        var browser = app.CreateBrowser();

        var signIn = await SignIn.PostSignInAsync(browser, email, DemoAccounts.Password);
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
