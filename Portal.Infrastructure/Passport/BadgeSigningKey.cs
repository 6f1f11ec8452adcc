namespace Portal.Infrastructure.Passport;

/// <summary>
/// An RSA key that signs passport credentials. The private half is stored only encrypted with the
/// portal's data protection (whose own keys are encrypted with the certificate kept outside the
/// database), so a database backup alone cannot sign a credential. The public half is kept in the
/// clear and published at the key's address for as long as the row exists: a retired key signs
/// nothing new, but everything it signed still verifies.
/// </summary>
public sealed class BadgeSigningKey
{
    public const int IdLength = 22;
    public const int MaxPartLength = 1024;
    public const int MaxProtectedLength = 8000;

    private BadgeSigningKey()
    {
    }

    public string Id { get; private set; } = "";

    /// <summary>The RSA modulus (JWK <c>n</c>), base64url.</summary>
    public string Modulus { get; private set; } = "";

    /// <summary>The RSA public exponent (JWK <c>e</c>), base64url.</summary>
    public string Exponent { get; private set; } = "";

    /// <summary>The PKCS#8 private key, encrypted by data protection, base64.</summary>
    public string ProtectedPrivateKey { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? RetiredAtUtc { get; private set; }

    internal static BadgeSigningKey Create(string id, string modulus, string exponent, string protectedPrivateKey, DateTime utcNow) =>
        new() { Id = id, Modulus = modulus, Exponent = exponent, ProtectedPrivateKey = protectedPrivateKey, CreatedAtUtc = utcNow };

    internal void Retire(DateTime utcNow) => RetiredAtUtc ??= utcNow;
}
