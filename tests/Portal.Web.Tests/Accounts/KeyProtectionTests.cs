using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// The keys behind every cookie are in the database; a copy of the database (a backup) must not
/// be enough to forge one. Each key is encrypted with a certificate kept elsewhere.
/// </summary>
public sealed class KeyProtectionTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task EveryKeyInTheDatabaseIsEncrypted()
    {
        await app.AsNewUserAsync(PortalRoles.Learner);

        var keys = await KeysAsync(app);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AKeyStoredUnencryptedByAnEarlierVersionIsDeletedAtTheNextStart()
    {
        await app.AsNewUserAsync(PortalRoles.Learner);
        var plain = UnencryptedKeyXml();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "plain", Xml = plain });
            await db.SaveChangesAsync();
        }
        Assert.Contains(await KeysAsync(app), xml => xml.Contains("<masterKey", StringComparison.Ordinal));

        using var restarted = new SameDatabase(app.DataRoot);
        var browser = await restarted.AsNewUserAsync(PortalRoles.Learner);

        var keys = await KeysAsync(restarted);
        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, xml => xml.Contains("<masterKey", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }

    /// <summary>The portal started again over the fixture's database.</summary>
    private sealed class SameDatabase(string dataRoot) : PortalWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(dataRoot, "portal.db")}",
        };
    }

    private static async Task<List<string>> KeysAsync(PortalWebFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    /// <summary>A key as data protection writes one with no encryptor, as the portal did before.</summary>
    private static string UnencryptedKeyXml()
    {
        var folder = Directory.CreateTempSubdirectory("portal-plain-key-");
        try
        {
            _ = DataProtectionProvider.Create(folder, builder => builder.SetApplicationName("health-and-care-portal")).CreateProtector("test").Protect("x"u8.ToArray());
            return File.ReadAllText(Assert.Single(folder.GetFiles("key-*.xml")).FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
