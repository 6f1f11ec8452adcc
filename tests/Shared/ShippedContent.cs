using Microsoft.Extensions.Logging.Abstractions;
using Portal.Infrastructure.Content;

namespace Portal.Tests.Common;

/// <summary>
/// The content the portal ships (the repository's content folder), loaded once per test run for
/// the tests that read it as it is. A test that changes content makes its own (TempContent).
/// </summary>
public static class ShippedContent
{
    private static readonly Lazy<ContentStore> Loaded = new(() =>
    {
        var store = new ContentStore(Folder, TimeProvider.System, NullLogger<ContentStore>.Instance);
        store.Load();
        return store;
    });

    public static string Folder => Path.Combine(TestEnvironment.RepositoryRoot(), "content");

    /// <summary>A store serving the shipped content, as the portal's services take it.</summary>
    public static ContentStore Store => Loaded.Value;

    /// <summary>The shipped content set itself.</summary>
    public static ContentSet Set => Store.Current;
}
