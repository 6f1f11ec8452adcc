using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

public sealed class ContentStoreTests : IDisposable
{
    private readonly TempContent _content = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _content.Dispose();

    [Fact]
    public void LoadMakesTheContentCurrentAndRaisesReloaded()
    {
        var store = Store(_content.Page("about").Root);
        ContentSet? reloaded = null;
        store.Reloaded += (_, set) => reloaded = set;

        var loaded = store.Load();

        Assert.Same(loaded, store.Current);
        Assert.Same(loaded, reloaded);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, loaded.LoadedAtUtc);
    }

    [Fact]
    public void ReloadPicksUpAnEdit()
    {
        var store = Store(_content.Page("about").Root);
        store.Load();

        _content.Page("cookies");
        store.Load();

        Assert.Equal(["about", "cookies"], store.Current.Pages.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FailedLoadKeepsThePreviousContentAndRaisesNothing()
    {
        var store = Store(_content.Page("about").Root);
        var good = store.Load();
        var raised = 0;
        store.Reloaded += (_, _) => raised++;

        _content.Write("pages/broken.md", "no front matter");
        var exception = Assert.Throws<ContentValidationException>(store.Load);

        Assert.Equal("pages/broken.md", Assert.Single(exception.Errors).File);
        Assert.Same(good, store.Current);
        Assert.Equal(0, raised);
    }

    [Fact]
    public void CurrentBeforeTheFirstLoadSaysToLoadAtStartUp()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Store(_content.Root).Current);

        Assert.Contains("ContentStore.Load()", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredRelativePathIsResolvedAgainstTheContentRoot()
    {
        Directory.CreateDirectory(Path.Combine(_content.Root, "app", "words"));

        var root = ContentStore.FindRoot("words", Path.Combine(_content.Root, "app"));

        Assert.Equal(Path.Combine(_content.Root, "app", "words"), root);
    }

    [Fact]
    public void ContentFolderInsideTheContentRootComesFirst()
    {
        Directory.CreateDirectory(Path.Combine(_content.Root, "content"));
        Directory.CreateDirectory(Path.Combine(_content.Root, "app", "content"));

        var root = ContentStore.FindRoot(null, Path.Combine(_content.Root, "app"));

        Assert.Equal(Path.Combine(_content.Root, "app", "content"), root);
    }

    [Fact]
    public void ContentFolderBesideTheContentRootIsFound()
    {
        Directory.CreateDirectory(Path.Combine(_content.Root, "content"));
        Directory.CreateDirectory(Path.Combine(_content.Root, "app"));

        var root = ContentStore.FindRoot(null, Path.Combine(_content.Root, "app"));

        Assert.Equal(Path.Combine(_content.Root, "content"), root);
    }

    [Fact]
    public void MissingContentFolderNamesEveryPathTried()
    {
        var app = Directory.CreateDirectory(Path.Combine(_content.Root, "app")).FullName;

        var exception = Assert.Throws<DirectoryNotFoundException>(() => ContentStore.FindRoot(null, app));

        Assert.Contains(Path.Combine(app, "content"), exception.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_content.Root, "content"), exception.Message, StringComparison.Ordinal);
        Assert.Contains("Content:Path", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingConfiguredFolderIsNamed()
    {
        var exception = Assert.Throws<DirectoryNotFoundException>(() => ContentStore.FindRoot("nowhere", _content.Root));

        Assert.Contains(Path.Combine(_content.Root, "nowhere"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPortalContentBuildsAStoreFromTheContentSection()
    {
        _content.Page("about", body: "Text.");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Path"] = "." })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _content.Root })
            .AddPortalContent(configuration);
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<ContentStore>();

        Assert.Equal(_content.Root, store.RootPath);
        Assert.Same(store, provider.GetRequiredService<ContentStore>());
        Assert.Equal(["about"], store.Load().Pages.Keys);
    }

    private ContentStore Store(string root) => new(root, _clock, NullLogger<ContentStore>.Instance);
}
