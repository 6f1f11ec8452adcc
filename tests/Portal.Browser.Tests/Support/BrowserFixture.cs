using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright (which never downloads a browser of its own), plus the portal.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(null)
    {
    }

    /// <param name="settings">Environment for the portal process (a Development portal with its demo data).</param>
    protected BrowserFixture(IReadOnlyDictionary<string, string>? settings)
    {
        Server = new PortalServer(settings);
    }

    public PortalServer Server { get; }

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A phone-sized context: the portal's primary reader is on a phone.</summary>
    /// <param name="localhost">
    /// At http://localhost rather than the IP address: WebAuthn (passkeys) refuses an IP address as
    /// the site's name. Chromium resolves localhost to the loopback address the portal listens on.
    /// </param>
    public async Task<IPage> NewPhonePageAsync(bool localhost = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = localhost ? new UriBuilder(Server.BaseUrl) { Host = "localhost" }.Uri.ToString() : Server.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A laptop-sized context: where a manager reads the whole matrix; downloads allowed.</summary>
    public async Task<IPage> NewLaptopPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "en-GB",
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>One portal process and one Chromium for every browser test class: starting them is most of the cost.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPortal : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Portal in a browser";
}

public static class Accessibility
{
    /// <summary>Runs axe-core on the page as it stands and fails on any serious or critical finding, listing them.</summary>
    public static async Task AssertNoSeriousIssuesAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0,
            $"axe-core on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
                $"- [{v.Impact}] {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
    }
}
