using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Infrastructure.Passport;

/// <summary>
/// Signs a payload as a compact JWS with header exactly alg RS256, kid (the key's public address)
/// and typ JWT: OB 3.0 section 8.2.3 allows no other header. The string overload of CreateToken
/// writes the payload as given; the descriptor overload would add an exp an hour ahead.
/// </summary>
public sealed class CredentialSigner(BadgeKeys keys, PassportUrls urls)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<(string Jws, string KeyId)> SignAsync(JsonObject payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var key = await keys.CurrentAsync(cancellationToken);
        using var rsa = keys.PrivateKey(key);
        // An RsaSecurityKey, not an X509SecurityKey, which would add an x5t header. No provider
        // cache: the RSA object is disposed after this call, and a cached provider would outlive it.
        var securityKey = new RsaSecurityKey(rsa) { KeyId = urls.Key(key.Id), CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } };
        var jws = Handler.CreateToken(payload.ToJsonString(), new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256));
        return (jws, key.Id);
    }
}
