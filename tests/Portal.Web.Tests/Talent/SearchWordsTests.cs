using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Talent;

/// <summary>The job search understands the words people type, and keeps its filters out of the way on a phone.</summary>
public sealed class SearchWordsTests(DemoTalentTests.Factory app) : IClassFixture<DemoTalentTests.Factory>
{
    [Theory]
    [InlineData("carer", "Home care worker, Headingley mornings")]
    [InlineData("HCA", "Healthcare assistant, bank (nights)")]
    [InlineData("hca", "Healthcare support worker, community nursing")]
    [InlineData("nights", "Night care assistant, Kirkstall Lodge")]
    [InlineData("carer nights", "Night care assistant, Kirkstall Lodge")]
    [InlineData("part time", "Part-time support worker, Wetherby")]
    public async Task EverydayWordsFindTheJobsAdvertsDescribeOtherwise(string typed, string title)
    {
        var page = await app.CreateBrowser().GetPageAsync($"/jobs?Search.Keyword={Uri.EscapeDataString(typed)}");

        Assert.Contains(title, page.QuerySelectorAll(".role-card__title").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task AWordWithNoEverydayMeaningStillNarrowsTheSearch()
    {
        var page = await app.CreateBrowser().GetPageAsync("/jobs?Search.Keyword=carer+Otley");

        Assert.Equal(["Support worker, supported living Otley"], page.QuerySelectorAll(".role-card__title").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task TheFiltersAreFoldedAwayUntilOneIsUsed()
    {
        var plain = await app.CreateBrowser().GetPageAsync("/jobs?Search.Keyword=carer");
        var filtered = await app.CreateBrowser().GetPageAsync("/jobs?Search.Postcode=LS6&Search.Miles=5");

        var details = plain.QuerySelector("form details")!;
        Assert.False(details.HasAttribute("open"));
        Assert.NotNull(details.QuerySelector("[name='Search.Postcode']"));
        Assert.Null(details.QuerySelector("[name='Search.Keyword']"));
        Assert.True(filtered.QuerySelector("form details")!.HasAttribute("open"));
    }
}
