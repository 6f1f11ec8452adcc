using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Web.Tests.Support;

/// <summary>
/// A data-protection certificate for a portal started outside Development and the test
/// environment, where one is required. Made once per test run, in the temp folder.
/// </summary>
public static class TestKeyProtection
{
    public const string Password = "test-only";

    private static readonly Lazy<string> Certificate = new(Create);

    public static string CertificatePath => Certificate.Value;

    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = CertificatePath,
        ["DataProtection:CertificatePassword"] = Password,
    };

    public static IEnumerable<(string Name, string Value)> Environment =>
        [("DataProtection__CertificatePath", CertificatePath), ("DataProtection__CertificatePassword", Password)];

    private static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"portal-test-dataprotection-{Guid.NewGuid():N}.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Portal tests", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
