using Microsoft.Playwright;
using Portal.Browser.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Talent;

/// <summary>
/// The portal as a new user finds it after the README's first command: the Development environment
/// with its demo accounts, jobs, applications and people. Its own process, so the journeys that
/// change the demo data change nobody else's.
/// </summary>
public sealed class TalentDemoPortal : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortalServer Server { get; } = new(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });

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

    /// <summary>A phone-sized context: applicants and recruiters alike are most often on a phone.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TalentDemo : ICollectionFixture<TalentDemoPortal>
{
    public const string Name = "Talent hub over the Development demo data";
}
