using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Passport;

/// <summary>
/// The passport's signing keys: the current one (made on first use if there is none), rotation,
/// and the public half of any key ever used, by id.
/// </summary>
public sealed class BadgeKeys(PortalDbContext db, IDataProtectionProvider protection, IOptions<PassportOptions> options, TimeProvider clock)
{
    // A purpose string of its own: nothing else the portal protects can be opened as a signing key.
    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Passport.BadgeSigningKey.v1");

    /// <summary>The newest key not retired, made now if there is none (first start, or after every key was retired).</summary>
    /// <remarks>Two nodes starting at once may each make one; both publish, the newer signs, and either verifies what it signed.</remarks>
    public async Task<BadgeSigningKey> CurrentAsync(CancellationToken cancellationToken = default) =>
        await db.Set<BadgeSigningKey>().Where(k => k.RetiredAtUtc == null).OrderByDescending(k => k.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken)
            ?? await CreateAsync(cancellationToken);

    /// <summary>Retires the current key and makes a new one; every retired key's public half stays published.</summary>
    public async Task<BadgeSigningKey> RotateAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var current in await db.Set<BadgeSigningKey>().Where(k => k.RetiredAtUtc == null).ToListAsync(cancellationToken))
            current.Retire(now);
        await db.SaveChangesAsync(cancellationToken);
        return await CreateAsync(cancellationToken);
    }

    /// <summary>The public JWK of a key, or null for an unknown id. Never carries the private parts.</summary>
    public async Task<JsonObject?> PublicJwkAsync(string keyId, CancellationToken cancellationToken = default) =>
        await FindAsync(keyId, cancellationToken) is { } key ? PublicJwk(key) : null;

    /// <summary>Every key's public half, newest first, as a JWK Set; makes the first key if there is none, so the set is never empty.</summary>
    public async Task<JsonObject> PublicKeySetAsync(CancellationToken cancellationToken = default)
    {
        await CurrentAsync(cancellationToken);
        var all = await db.Set<BadgeSigningKey>().AsNoTracking().OrderByDescending(k => k.CreatedAtUtc).ToListAsync(cancellationToken);
        return new JsonObject { ["keys"] = new JsonArray([.. all.Select(k => (JsonNode)PublicJwk(k))]) };
    }

    public Task<BadgeSigningKey?> FindAsync(string keyId, CancellationToken cancellationToken = default) =>
        keyId.Length != BadgeSigningKey.IdLength
            ? Task.FromResult<BadgeSigningKey?>(null)
            : db.Set<BadgeSigningKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == keyId, cancellationToken);

    public static JsonObject PublicJwk(BadgeSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = key.Id,
            ["n"] = key.Modulus,
            ["e"] = key.Exponent,
        };
    }

    /// <summary>The private key, for signing; the caller disposes it.</summary>
    internal RSA PrivateKey(BadgeSigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
        return rsa;
    }

    internal static RSA PublicKey(BadgeSigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Base64Url.DecodeFromChars(key.Modulus), Exponent = Base64Url.DecodeFromChars(key.Exponent) });
        return rsa;
    }

    private async Task<BadgeSigningKey> CreateAsync(CancellationToken cancellationToken)
    {
        using var rsa = RSA.Create(options.Value.KeySize);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var key = BadgeSigningKey.Create(
            id,
            Base64Url.EncodeToString(parameters.Modulus),
            Base64Url.EncodeToString(parameters.Exponent),
            Convert.ToBase64String(_protector.Protect(rsa.ExportPkcs8PrivateKey())),
            clock.GetUtcNow().UtcDateTime);
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }
}
