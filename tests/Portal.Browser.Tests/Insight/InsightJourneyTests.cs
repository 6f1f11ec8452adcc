using Microsoft.Playwright;
using Portal.Browser.Tests.Support;

namespace Portal.Browser.Tests.Insight;

/// <summary>
/// The demo analyst, on a phone, from the home page through every insight page: a chart and its
/// table on each (retention and progression included), a breakdown, a CSV download, and a city reference figure entered. Axe-core on
/// every page.
/// </summary>
[Collection(DemoPortal.Name)]
public sealed class InsightJourneyTests(DemoBrowserFixture portal)
{
    private const string DemoPassword = "Portal-demo-2026";

    [Fact]
    public async Task TheAnalystReadsEachInsightPageOnAPhoneDownloadsTheFiguresAndEntersACityFigure()
    {
        var page = await portal.NewPhonePageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await page.GetByLabel("Email address").FillAsync("analyst@demo.portal.test");
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Authenticator code").FillAsync(Portal.Tests.Common.Totp.Code(Portal.Web.Accounts.DemoAuthenticator.Key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Insight", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Insight", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Learning reach" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Learning reach", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "People who passed a module, by month" })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Insight", Exact = true }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The pipeline" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The pipeline", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "People at each step of the pipeline" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "People at each step, this period and the period before" })).ToContainTextAsync("Hired");
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByLabel("Break down by").SelectOptionAsync(new SelectOptionValue { Label = "Priority neighbourhood" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "People at each step by priority neighbourhood, this period" })).ToContainTextAsync("Lives in a priority neighbourhood");
        await page.AssertNoSeriousIssuesAsync();
        var csvHref = await page.GetByRole(AriaRole.Link, new() { Name = "Download these figures (CSV)" }).GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(csvHref!);
        Assert.Equal(200, csv.Status);
        Assert.Contains("rounded to the nearest 5", await csv.TextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Insight", Exact = true }).Last.ClickAsync();
        await page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "Programmes", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programmes", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Each cohort's funnel, newest first" })).ToContainTextAsync("Care careers in six weeks");
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Insight", Exact = true }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Retention and progression" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Retention and progression", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Retention and progression, this period and the period before" })).ToContainTextAsync("Moved up a step on a career route");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Staff in post, starters, leavers and turnover, by month" })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Insight", Exact = true }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Required training in date" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Required training in date", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Required training in date, at the end of the period and of the period before" })).ToContainTextAsync("Staff with all of theirs in date");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "By care setting" })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Insight", Exact = true }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Reflecting the people it serves" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reflecting the people it serves", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter or correct the city's reference figures" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The city's reference figures", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
        await page.GetByLabel("Group").SelectOptionAsync(new SelectOptionValue { Label = "White: English, Welsh, Scottish, Northern Irish or British" });
        await page.GetByLabel("Share (%)").FillAsync("73.7");
        await page.GetByLabel("Year").FillAsync("2021");
        await page.GetByLabel("Source").FillAsync("ONS Census 2021, Leeds");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the figure" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]:not([hidden])")).ToContainTextAsync("The figure is saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "The city's reference figures" })).ToContainTextAsync("73.7%");
        await page.AssertNoSeriousIssuesAsync();
        await AccountSteps.SignOutAsync(page);
    }
}
