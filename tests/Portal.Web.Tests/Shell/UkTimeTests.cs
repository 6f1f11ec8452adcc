using System.Net;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Shell;

/// <summary>Times shown to people are the UK's wall clock (Europe/London with summer time), whatever UTC says.</summary>
public sealed class UkTimeTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task ACourseFinishedJustAfterMidnightInSummerIsDatedThatMorning()
    {
        var email = $"learner.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);
        // 23:40 UTC on 30 June 2026 is 00:40 on 1 July in Leeds.
        var at = new DateTime(2026, 6, 30, 23, 40, 0, DateTimeKind.Utc);
        var completionId = (await app.CompletedAsync(user.Id, "duty-of-care", at)).Id;
        var browser = app.CreateBrowser();
        await SignIn.PostSignInAsync(browser, email, SignIn.Password);

        var certificate = (await browser.GetPageAsync($"/learn/certificates/{completionId}")).Text("main");
        var record = (await browser.GetPageAsync("/learn/record")).Text("main");
        var csv = await (await browser.GetAsync("/learn/record/csv")).Content.ReadAsStringAsync();

        Assert.Contains("1 July 2026", certificate, StringComparison.Ordinal);
        Assert.DoesNotContain("30 June", certificate, StringComparison.Ordinal);
        Assert.Contains("1 July 2026", record, StringComparison.Ordinal);
        Assert.Contains("2026-07-01", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJobsDashboardShowsRecurringJobsOnUkTime()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();

        var response = await admin.GetAsync("/admin/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Europe/London", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">UTC<", html, StringComparison.Ordinal);
    }
}
