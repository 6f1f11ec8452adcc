using Portal.Web.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>The Development demo shows an ordinary day: the care worker's employer requires things, some overdue, some due soon, most done, with sign-offs.</summary>
public sealed class DemoLearningTests(DemoAccountTests.Factory app) : IClassFixture<DemoAccountTests.Factory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = app.CreateBrowser();
        await SignIn.PostSignInAsync(browser, email, DemoAccounts.Password, DemoAuthenticator.Key);
        return browser;
    }

    [Fact]
    public async Task TheDemoCareWorkerSeesHerEmployersRequirementsAndHerSignOff()
    {
        var learner = await SignedInAsync(DemoAccounts.LearnerEmail);

        var home = await learner.GetPageAsync("/");
        Assert.Contains($"{DemoAccounts.OrganisationName} requires", home.Text(".employer-requirements h3"), StringComparison.Ordinal);
        Assert.Contains("6 overdue or not done, 1 due soon, 12 done (of 19)", home.Text(".employer-requirements__summary"), StringComparison.Ordinal);
        var record = await learner.GetPageAsync("/learn/record");
        Assert.Contains("Medication support: signed off by Nia Nurse", record.Text(".sign-off"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoNurseHasASignOffReadyAndTheManagersMatrixHasGaps()
    {
        var nurse = await SignedInAsync(DemoAccounts.NurseEmail);
        var manager = await SignedInAsync("manager@demo.portal.test");

        Assert.Contains("1 person is ready for you to observe", (await nurse.GetPageAsync("/")).Text(".home-signoffs"), StringComparison.Ordinal);
        Assert.Contains("missing or expired", (await manager.GetPageAsync("/")).Text(".home-matrix__summary"), StringComparison.Ordinal);
    }
}
