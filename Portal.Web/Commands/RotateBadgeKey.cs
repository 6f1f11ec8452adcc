using Portal.Infrastructure.Data;
using Portal.Infrastructure.Passport;

namespace Portal.Web.Commands;

/// <summary>
/// `rotate-badge-key`: retires the key that signs passport credentials and makes a new one. Every
/// retired key stays published at its address, so credentials it signed still verify; a running
/// portal signs with the new key from its next credential.
/// </summary>
internal static class RotateBadgeKey
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var pending = await PortalDatabase.PrepareAsync(services, line => Console.Out.WriteLine(line));
        if (pending.Count > 0)
            throw new PortalDatabaseException($"the database is {PortalDatabase.Migrations(pending.Count)} behind this build: run `migrate` first.");
        await using var scope = services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<BadgeKeys>().RotateAsync();
        var urls = scope.ServiceProvider.GetRequiredService<PassportUrls>();
        await Console.Out.WriteLineAsync($"New badge signing key {key.Id}, published at {urls.Key(key.Id)}. Earlier keys stay published, so credentials they signed still verify.");
        return 0;
    }
}
