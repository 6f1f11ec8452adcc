using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Content;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Careers;

/// <summary>Career pages come from the output cache, and a content reload replaces them at once.</summary>
public sealed class ContentCacheTests(ContentCacheTests.Factory app) : IClassFixture<ContentCacheTests.Factory>
{
    public sealed class Factory : ContentCopyFactory;

    [Fact]
    public async Task AnEditedRoleShowsOnlyAfterTheContentIsLoadedAgain()
    {
        var browser = app.CreateBrowser();
        var file = Path.Combine(app.ContentCopy, "careers", "roles", "care-worker.md");
        var first = await browser.GetAsync("/careers/roles/care-worker");
        var second = await browser.GetAsync("/careers/roles/care-worker");

        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("title: Care worker", "title: Home care worker", StringComparison.Ordinal));
        app.Services.GetRequiredService<ContentStore>().Load();
        var afterReload = await browser.GetAsync("/careers/roles/care-worker");

        // The output cache marks what it serves with Age: the second request was a hit, the one after the reload was not.
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Null(afterReload.Headers.Age);
        Assert.Equal("Home care worker", (await Forms.ParseAsync(afterReload)).Text("h1"));
    }

    [Fact]
    public async Task ASignedInVisitorIsNeverServedTheSignedOutCopy()
    {
        var anonymous = app.CreateBrowser();
        await anonymous.GetAsync("/careers");
        Assert.NotNull((await anonymous.GetAsync("/careers")).Headers.Age);

        var signedIn = await app.AsNewUserAsync();
        var response = await signedIn.GetAsync("/careers");

        Assert.Null(response.Headers.Age);
        Assert.NotNull((await Forms.ParseAsync(response)).QuerySelector("form[action*='Logout'] button"));
    }
}
