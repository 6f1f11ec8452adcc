using Microsoft.Extensions.Logging.Abstractions;
using Portal.Infrastructure.Content;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>The content the portal ships, loaded once for the rollups that read its career routes.</summary>
internal static class ShippedContent
{
    private static readonly Lazy<ContentStore> Loaded = new(() =>
    {
        var store = new ContentStore(Path.Combine(TestEnvironment.RepositoryRoot(), "content"), TimeProvider.System, NullLogger<ContentStore>.Instance);
        store.Load();
        return store;
    });

    public static ContentStore Store => Loaded.Value;
}
