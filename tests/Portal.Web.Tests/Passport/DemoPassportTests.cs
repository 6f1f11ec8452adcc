using Portal.Web.Accounts;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Passport;

/// <summary>In Development the demo care worker's passport is already full, and her manager can see what was earned with them.</summary>
public sealed class DemoPassportTests(DemoAccountTests.Factory app) : IClassFixture<DemoAccountTests.Factory>
{
    private Task<HttpClient> SignedInAsync(string email) => SignedInAsync(app, email);

    private static async Task<HttpClient> SignedInAsync(DemoAccountTests.Factory factory, string email)
    {
        var browser = factory.CreateBrowser();
        await SignIn.PostSignInAsync(browser, email, DemoAccounts.Password, DemoAuthenticator.Key);
        return browser;
    }

    [Fact]
    public async Task TheDemoLearnerHoldsSeveralCredentialsCurrentAndExpired()
    {
        var passport = await (await SignedInAsync(DemoAccounts.LearnerEmail)).GetPageAsync("/passport");
        var items = passport.QuerySelectorAll(".passport-item").Select(i => i.TextContent).ToList();
        Assert.True(items.Count >= 5, $"{items.Count} credentials");
        Assert.Contains(items, i => i.Contains("Medication support", StringComparison.Ordinal) && i.Contains("Competency signed off", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("Expired", StringComparison.Ordinal));
        Assert.All(items, i => Assert.Contains("Lee Learner", i, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDemoManagerSeesTheSignOffEarnedAtDemoHomecare()
    {
        // A portal of its own, so the learner has never opened her passport (which would issue it then).
        using var own = new DemoAccountTests.Factory();
        var page = await (await SignedInAsync(own, "manager@demo.portal.test")).GetPageAsync("/manage/credentials");
        Assert.Contains("Medication support", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
