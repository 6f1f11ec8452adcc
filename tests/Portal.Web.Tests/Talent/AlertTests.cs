using System.Net;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Talent;

/// <summary>Job alerts: a search kept as its own query string, listed, and deleted only by its owner.</summary>
public sealed class AlertTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private const string Search = "/jobs?Search.Keyword=night&Search.Postcode=LS6&Search.Miles=5&Search.Shifts=Night";

    [Fact]
    public async Task ASavedSearchIsListedAndRunsTheSameSearch()
    {
        var browser = await app.AsNewUserAsync();

        var saved = await browser.SubmitAsync(await browser.GetPageAsync(Search), new Dictionary<string, string> { ["AlertName"] = "Nights near LS6", ["AlertFrequency"] = "Daily" }, "form.job-alert-form");

        Assert.Equal("/profile/alerts", saved.Headers.Location!.OriginalString);
        var alerts = await browser.GetPageAsync("/profile/alerts");
        var link = alerts.QuerySelector(".record-item__title a")!;
        Assert.Equal("Nights near LS6", link.TextContent);
        Assert.Equal("/jobs?Search.Keyword=night&Search.Miles=5&Search.Postcode=LS6&Search.Shifts=Night", link.GetAttribute("href"));
        Assert.Contains("Daily", alerts.Text(".record-item"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlertWithoutANameIsRefused()
    {
        var browser = await app.AsNewUserAsync();

        var response = await browser.SubmitAsync(await browser.GetPageAsync(Search), new Dictionary<string, string> { ["AlertName"] = "" }, "form.job-alert-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await browser.GetPageAsync("/profile/alerts")).QuerySelectorAll(".record-item"));
    }

    [Fact]
    public async Task OnlyItsOwnerCanDeleteAnAlert()
    {
        var owner = await app.AsNewUserAsync();
        await owner.SubmitAsync(await owner.GetPageAsync(Search), new Dictionary<string, string> { ["AlertName"] = "Mine" }, "form.job-alert-form");
        var page = await owner.GetPageAsync("/profile/alerts");
        var action = page.QuerySelector("form[action*=Delete]")!.GetAttribute("action")!;
        var other = await app.AsNewUserAsync();
        var token = (await other.GetPageAsync("/profile/alerts")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await other.GetPageAsync("/profile")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var stolen = await other.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Single((await owner.GetPageAsync("/profile/alerts")).QuerySelectorAll(".record-item"));

        var deleted = await owner.SubmitAsync(page, new Dictionary<string, string>(), "form[action*=Delete]");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty((await owner.GetPageAsync("/profile/alerts")).QuerySelectorAll(".record-item"));
    }
}
