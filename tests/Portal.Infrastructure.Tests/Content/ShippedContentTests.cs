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

    [Fact]
    public void ShippedModulesCoverTheCareCertificateAndEnhancedCareWorkerTopics()
    {
        var modules = new ContentLoader().Load(ContentFolder, DateTime.UnixEpoch).Modules;

        Assert.True(modules.Count >= 16, $"{modules.Count} modules");
        var standards = modules.Values.SelectMany(m => m.CareCertificateStandards).ToHashSet();
        Assert.Superset(new HashSet<int> { 3, 5, 6, 7, 8, 10, 12, 14, 15, 16 }, standards);
        Assert.Superset(
            new HashSet<string> { "delegated-healthcare-activities", "recognising-deterioration", "pressure-area-care", "enabling-and-reablement", "trusted-assessor-basics" },
            modules.Keys.ToHashSet());
        Assert.All(modules.Values, m => Assert.InRange(m.Quiz.Questions.Count, 3, 6));
    }
}
