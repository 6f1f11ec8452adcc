namespace Portal.Browser.Tests.Support;

/// <summary>
/// A portal started as `dotnet run` starts it, in Development with its demo accounts and data, so a
/// journey begins where a new person trying the portal begins. Its own process: the demo data must
/// not meet the accounts other browser tests make.
/// </summary>
public sealed class DemoBrowserFixture() : BrowserFixture(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });

[CollectionDefinition(Name)]
public sealed class DemoPortal : ICollectionFixture<DemoBrowserFixture>
{
    public const string Name = "Demo portal in a browser";
}
