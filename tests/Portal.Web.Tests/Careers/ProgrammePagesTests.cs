using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Content;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Careers;

/// <summary>Programme pages show every fact the content holds, and the pages built from content say when they were checked and against what.</summary>
public sealed class ProgrammePagesTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private ContentSet Content => app.Services.GetRequiredService<ContentStore>().Current;

    [Fact]
    public async Task TheProgrammeListLinksToEveryProgramme()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/programmes");

        var links = page.QuerySelectorAll(".role-card__title a").Select(a => a.GetAttribute("href")).Order().ToList();
        Assert.Equal(Content.Programmes.Keys.Select(slug => $"/careers/programmes/{slug}").Order(), links);
        Assert.Contains("/careers/programmes", (await app.CreateBrowser().GetPageAsync("/careers")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task AnApprenticeshipPageShowsItsFactsWhoPaysWhatComesAfterAndWhoUsesIt()
    {
        var programme = Content.Programmes["lead-adult-care-worker-apprenticeship"];

        var page = await app.CreateBrowser().GetPageAsync("/careers/programmes/lead-adult-care-worker-apprenticeship");

        Assert.Equal(programme.Title, page.Text("h1"));
        var facts = page.Text(".role-facts");
        Assert.Contains("Level 3", facts, StringComparison.Ordinal);
        Assert.Contains("About 1 year 6 months", facts, StringComparison.Ordinal);
        Assert.Contains("the funding rules set a minimum number of hours for each standard", facts, StringComparison.Ordinal);
        Assert.Contains("pays the apprenticeship levy", facts, StringComparison.Ordinal);
        Assert.Contains("16 to 21 at the start", facts, StringComparison.Ordinal);
        var standard = page.QuerySelector(".role-facts a")!;
        Assert.StartsWith("ST0006", standard.TextContent, StringComparison.Ordinal);
        Assert.Equal(programme.StandardUrl!.AbsoluteUri, standard.GetAttribute("href"));
        Assert.All(programme.EntryRequirements.Concat(programme.After), item => Assert.Contains(item, page.Body!.TextContent, StringComparison.Ordinal));
        Assert.Contains("only if you were 16 to 18 when you started", page.Text(".prose"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/careers/programmes/lead-adult-care-diploma-level-3']"));
        Assert.NotNull(page.QuerySelector("a[href='/careers/roles/lead-adult-care-worker']"));
        Assert.NotNull(page.QuerySelector("a[href='/careers/plan?From=senior-care-worker&To=lead-adult-care-worker']"));
    }

    [Fact]
    public async Task TheDiplomaPageSaysWhichApprenticeshipItIsPartOf()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/programmes/lead-adult-care-diploma-level-3");

        Assert.NotNull(page.QuerySelector("a[href='/careers/programmes/lead-adult-care-worker-apprenticeship']"));
    }

    [Fact]
    public async Task TheCareCertificatePageMapsEachOfTheSixteenStandardsToTheModulesThatCoverIt()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/programmes/care-certificate");

        var rows = page.QuerySelectorAll(".standards-table tbody tr");
        Assert.Equal(16, rows.Length);
        Assert.All(rows, row => Assert.DoesNotContain("No module on this portal yet", row.TextContent, StringComparison.Ordinal));
        Assert.NotNull(rows[10].QuerySelector("a[href='/learn/safeguarding-children']"));
        Assert.StartsWith("11. Safeguarding children", rows[10].QuerySelector("th")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(rows[4].QuerySelector("a[href='/learn/mental-capacity-act']"));
    }

    [Fact]
    public async Task AnUnknownProgrammeIsNotFound()
    {
        var response = await app.CreateBrowser().GetAsync("/careers/programmes/astronaut-training");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ASignedOutProgrammePageComesFromTheCache()
    {
        var browser = app.CreateBrowser();

        var first = await browser.GetAsync("/careers/programmes/care-certificate");
        var second = await browser.GetAsync("/careers/programmes/care-certificate");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age ?? first.Headers.Age);
    }

    [Theory]
    [InlineData("/careers/programmes/t-level-health", "t-level-health")]
    [InlineData("/careers/roles/healthcare-support-worker", "healthcare-support-worker")]
    [InlineData("/learn/medication-support", "medication-support")]
    public async Task PagesBuiltFromContentEndWithWhenTheyWereCheckedAndTheirSources(string url, string slug)
    {
        var provenance = Content.Programmes.TryGetValue(slug, out var programme) ? programme.Provenance
            : Content.Roles.TryGetValue(slug, out var role) ? role.Provenance
            : Content.Modules[slug].Provenance;

        var page = await app.CreateBrowser().GetPageAsync(url);

        var footer = page.QuerySelector("#sources")!;
        Assert.Contains("Last checked: 5 December 2026", footer.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-12-05", footer.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal(provenance.Sources.Select(s => (s.Title, s.Url.AbsoluteUri)), footer.QuerySelectorAll("li a").Select(a => (a.TextContent, a.GetAttribute("href")!)));
    }

    [Fact]
    public async Task RolePayIsShownAsOfItsCheckWithWhereItComesFrom()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/roles/healthcare-support-worker");

        var pay = page.QuerySelectorAll(".role-facts > div").Single(d => d.QuerySelector("dt")!.TextContent == "Pay").QuerySelector("dd")!.TextContent;
        Assert.Contains("£12.92 an hour (NHS band 2), as of 5 December 2026", pay, StringComparison.Ordinal);
        Assert.Contains("the 3.3% award from 1 April 2026", pay, StringComparison.Ordinal);
        Assert.Contains("See the sources", pay, StringComparison.Ordinal);
        var card = (await app.CreateBrowser().GetPageAsync("/careers")).QuerySelectorAll(".role-card").Single(c => c.QuerySelector("a")!.TextContent == "Care worker");
        Assert.Contains("£12.71 to £13.45 an hour, as of 5 December 2026", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASocialCareRoleShowsItsCareWorkforcePathwayCategoryAndLinksToItsProgrammes()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/roles/lead-adult-care-worker");

        Assert.Contains("Supervisor or leader", page.Text(".role-facts"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a.programme-link[href='/careers/programmes/lead-adult-care-worker-apprenticeship']"));
    }

    [Fact]
    public async Task ThePlanSaysRegistrationComesAtTheEndOfTheNursingStepNotBeforeIt()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/plan?From=senior-healthcare-assistant&To=registered-nurse");

        var quickest = page.QuerySelector("article.route")!;
        Assert.Contains("At the end of this step you can get: Registration with the Nursing and Midwifery Council", quickest.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(quickest.QuerySelectorAll("li"), li => li.TextContent.Trim() == "Registration with the Nursing and Midwifery Council");
        Assert.NotNull(quickest.QuerySelector("a[href^='/careers/programmes/']"));
    }

    [Fact]
    public async Task ThePlanToTeamLeaderDoesNotAskForTheDiplomaTheApprenticeshipIncludes()
    {
        var page = await app.CreateBrowser().GetPageAsync("/careers/plan?From=senior-care-worker&To=team-leader");

        var lists = page.QuerySelector("article.route")!.QuerySelectorAll("p.route__need")
            .Where(p => p.NextElementSibling?.LocalName == "ul")
            .Select(p => (Heading: p.TextContent.Trim(), Items: p.NextElementSibling!.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList()))
            .ToList();

        Assert.DoesNotContain(lists.Where(l => l.Heading == "You will need:").SelectMany(l => l.Items), item => item.Contains("Diploma", StringComparison.Ordinal));
        Assert.Contains("Level 3 Diploma in Adult Care", lists.Single(l => l.Heading == "You already have or will have by then:").Items);
    }

    [Theory]
    [InlineData("/help/privacy", "Information Commissioner's Office")]
    [InlineData("/help/privacy", "lawful basis")]
    [InlineData("/help/accessibility", "Equality Advisory and Support Service")]
    [InlineData("/help/accessibility", "partially compliant")]
    [InlineData("/help/accessibility", "This statement was prepared on 5 December 2026")]
    public async Task TheStatementsSayWhatTheLawAsksOf(string url, string text)
    {
        var page = await app.CreateBrowser().GetPageAsync(url);

        Assert.Contains(text, page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperatorWhoHasNotSetTheirDetailsSeesPlaceholdersNotSomeoneElsesName()
    {
        var page = await app.CreateBrowser().GetPageAsync("/help/privacy");

        Assert.Contains("[not set yet: Content:Operator:Name] runs this portal", page.Text("main"), StringComparison.Ordinal);
    }
}
