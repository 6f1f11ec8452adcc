using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Web.Security;

/// <summary>
/// The data-protection keys (which protect sign-in cookies, session tickets, antiforgery tokens and
/// emailed reset links) live in the app database, shared by every node. Stored as they are, anyone
/// with a backup could forge a cookie. So each key is encrypted with a certificate kept outside the
/// database (section "DataProtection"); outside Development and the test environment the portal
/// will not start without one. In Development one is made on first start, under App_Data.
/// </summary>
internal static class KeyProtection
{
    private const string Section = "DataProtection";

    /// <summary>Under App_Data, beside the development database (and, like it, never committed).</summary>
    private const string DevelopmentCertificate = "App_Data/dataprotection-development.pfx";

    public static void AddKeyProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var current = Current(configuration, environment);
        // Every signed-in request decrypts the sign-in cookie, and every page with a form unprotects
        // the antiforgery cookie and protects a token. Off Windows the default (AES-CBC plus a separate
        // HMAC) took 17-25 µs per operation here; AES-GCM, one pass, 7-10 µs. Existing keys keep
        // their algorithm until they roll over.
        // Keys live in the app database, shared by every node (the default is a folder per machine,
        // so a cookie from one node failed on another), under one application name.
        services.AddDataProtection()
            .SetApplicationName("health-and-care-portal")
            .PersistKeysToDbContext<PortalDbContext>()
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            })
            // Keys stay encrypted to the certificate they were written with: after a certificate
            // change the old one is still needed, as a previous certificate, until its keys expire.
            .ProtectKeysWithCertificate(current)
            .UnprotectKeysWithAnyCertificate([current, .. Previous(configuration)]);
    }

    /// <summary>
    /// Keys written before encryption was turned on hold their secret in plain XML, and would
    /// still open (or forge) anything protected with them. They are deleted before the key ring is
    /// first read, so everyone signs in once more and every key in use is an encrypted one.
    /// </summary>
    public static async Task<int> DropUnencryptedKeysAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var dropped = await db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains("<masterKey")).ExecuteDeleteAsync();
        if (dropped > 0)
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyProtection))
                .LogWarning("Deleted {Count} data-protection key(s) stored unencrypted; people signed in with them sign in again", dropped);
        }
        return dropped;
    }

    private static X509Certificate2 Current(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration[$"{Section}:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!TransportSecurity.HardenCookies(environment))
                return DevelopmentCertificateIn(environment.ContentRootPath);
            throw new PortalConfigurationException(
                "DataProtection:CertificatePath must name a PFX certificate (RSA, with its private key) kept outside the database: " +
                "without it the keys that protect sign-in cookies would be stored unencrypted.");
        }
        return Load(path, configuration[$"{Section}:CertificatePassword"], $"{Section}:CertificatePath");
    }

    private static List<X509Certificate2> Previous(IConfiguration configuration) =>
        configuration.GetSection($"{Section}:PreviousCertificates").GetChildren()
            .Select((c, i) => Load(c["Path"] ?? "", c["Password"], $"{Section}:PreviousCertificates:{i}:Path"))
            .ToList();

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new PortalConfigurationException($"{setting}: the certificate '{path}' could not be opened ({e.Message.TrimEnd('.')}); check the path and the password.");
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
            throw new PortalConfigurationException($"{setting}: the certificate '{path}' must be an RSA certificate with its private key.");
        return certificate;
    }

    /// <summary>
    /// Made once and kept, so keys written in one run open in the next. Several processes may
    /// start at once (tests): each writes its own file and only the first to be moved into place counts.
    /// </summary>
    private static X509Certificate2 DevelopmentCertificateIn(string contentRoot)
    {
        var path = Path.Combine(contentRoot, DevelopmentCertificate);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Portal data protection (development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, created.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }
        return Load(path, null, "the development data-protection certificate");
    }
}
