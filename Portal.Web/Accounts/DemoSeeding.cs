using Microsoft.Extensions.Options;

namespace Portal.Web.Accounts;

/// <summary>The one rule every demo seeder obeys: demo data is written in Development with seeding on, and nowhere else.</summary>
internal static class DemoSeeding
{
    public static bool IsOn(IServiceProvider services) =>
        services.GetRequiredService<IHostEnvironment>().IsDevelopment()
        && services.GetRequiredService<IOptions<AccountsOptions>>().Value.SeedDemoAccounts;
}
