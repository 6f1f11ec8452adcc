using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;

namespace Portal.Browser.Tests.Careers;

/// <summary>A newcomer on a phone finds a route into care, then looks further ahead.</summary>
[Collection(SharedPortal.Name)]
public sealed class CareersJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task NewcomerPlansFromNewToCareToEnhancedCareWorkerThenToRegisteredNurse()
    {
        var page = await fixture.NewPhonePageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Explore careers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Careers in health and care" })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Enhanced care worker" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enhanced care worker", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Plan your route to this job" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("I am")).ToHaveValueAsync("new-to-care");
        await Assertions.Expect(page.GetByLabel("I want to be")).ToHaveValueAsync("enhanced-care-worker");
        var quickest = page.Locator("article.route").First;
        await Assertions.Expect(quickest.GetByRole(AriaRole.Heading)).ToHaveTextAsync(new Regex("^Quickest route: about"));
        await Assertions.Expect(quickest.GetByRole(AriaRole.Link, new() { Name = "Care worker", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(quickest.GetByText("Care Certificate")).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();

        // Then further: from where that route ends, to nursing.
        await page.GetByLabel("I am").SelectOptionAsync("enhanced-care-worker");
        await page.GetByLabel("I want to be").SelectOptionAsync("registered-nurse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my route" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.route").First.GetByRole(AriaRole.Link, new() { Name = "Registered nurse", Exact = true })).ToBeVisibleAsync();
        // Registration is what the nursing steps give, not what they need: it is named at the end of a step.
        await Assertions.Expect(page.Locator("article.route").First.GetByText("At the end of this step you can get: Registration with the Nursing and Midwifery Council").First).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
    }

    [Fact]
    public async Task FromTheHomePageToARoleToItsProgrammeWhoseFactsSayWhereTheyComeFrom()
    {
        var page = await fixture.NewPhonePageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Explore careers" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lead adult care worker", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lead adult care worker", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sources")).ToContainTextAsync("Last checked: 5 December 2026");
        await page.AssertNoSeriousIssuesAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Lead Adult Care Worker apprenticeship (level 3)" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lead Adult Care Worker apprenticeship (level 3)", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^ST0006") })).ToBeVisibleAsync();
        var sources = page.GetByRole(AriaRole.Region, new() { Name = "Where this comes from" });
        await sources.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(sources).ToContainTextAsync("Last checked: 5 December 2026");
        await Assertions.Expect(sources.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await page.AssertNoSeriousIssuesAsync();
    }

    [Fact]
    public async Task FromTheMapToTheTLevelRouteAndOnToItsProgramme()
    {
        var page = await fixture.NewPhonePageAsync();

        await page.GotoAsync("/careers/map");
        await page.GetByRole(AriaRole.Link, new() { Name = "After the T Level in Health", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "After the T Level in Health", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What students go on to" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".prose")).ToContainTextAsync("at least 315 hours");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Where this comes from" })).ToContainTextAsync("Last checked: 5 December 2026");
        await page.AssertNoSeriousIssuesAsync();

        await page.Locator("ol.route__steps").GetByRole(AriaRole.Link, new() { Name = "T Level in Health" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("T Level");
    }

    [Fact]
    public async Task PlanFormExplainsAMissingChoiceWithoutJavaScript()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.BaseUrl.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/careers/plan");
        await page.GetByLabel("I am").SelectOptionAsync("school-leaver");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my route" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose the job you want to do");
        await Assertions.Expect(page.GetByLabel("I am")).ToHaveValueAsync("school-leaver");
        // axe-core needs script, so this page's accessibility is checked in the journey above, with script on.
        await context.DisposeAsync();
    }
}
