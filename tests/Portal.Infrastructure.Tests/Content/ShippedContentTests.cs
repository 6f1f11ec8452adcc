using Portal.Infrastructure.Content;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Content;

public sealed class ShippedContentTests
{
    private static readonly string ContentFolder = Path.Combine(TestEnvironment.RepositoryRoot(), "content");

    [Fact]
    public void ShippedContentLoadsWithoutErrors()
    {
        var set = new ContentLoader().Load(ContentFolder, DateTime.UnixEpoch);

        Assert.NotEmpty(set.Pages);
    }

    [Fact]
    public void ShippedContentHasTheFourInfoPages()
    {
        var set = new ContentLoader().Load(ContentFolder, DateTime.UnixEpoch);

        Assert.Equal(["about", "accessibility", "cookies", "privacy"], set.Pages.Keys.Order(StringComparer.Ordinal));
        Assert.All(set.Pages.Values, page => Assert.Contains("<h2", page.Html, StringComparison.Ordinal));
    }

    [Fact]
    public void DotnetRunFromPortalWebFindsTheShippedContent()
    {
        var root = ContentStore.FindRoot(configuredPath: null, contentRootPath: Path.Combine(TestEnvironment.RepositoryRoot(), "Portal.Web"));

        Assert.Equal(ContentFolder, root);
    }
}
