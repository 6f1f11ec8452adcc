using System.Buffers.Binary;
using System.Buffers.Text;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Portal.Web.Tests.Passport;

/// <summary>
/// A verifier written from the specifications alone, sharing no code with the portal's signer or
/// verifier: RFC 7515 compact JWS, OB 3.0 section 8.2 (JOSE header, payload claims, verification),
/// W3C Bitstring Status List sections 2.2, 3.2 and 7.1, and the PNG chunk layout. Keys and lists
/// are fetched over HTTP from the running portal, as any outside verifier would.
/// </summary>
public sealed class IndependentVerifier(HttpClient http)
{
    public sealed record Verified(JsonElement Header, JsonElement Payload, JsonElement Jwk);

    /// <summary>Verifies the signature against the JWK the kid URL answers; throws with the rule broken.</summary>
    public async Task<Verified> VerifyAsync(string jws)
    {
        var parts = jws.Split('.');
        Rule(parts.Length == 3, "a compact JWS has three parts");
        var header = Decode(parts[0]);
        // OB 3.0 8.2.3: "Additional JOSE Headers are NOT allowed"; typ, if present, is "JWT".
        foreach (var property in header.EnumerateObject())
            Rule(property.Name is "alg" or "kid" or "jwk" or "typ", $"header {property.Name} is not allowed");
        Rule(header.GetProperty("alg").GetString() == "RS256", "alg is RS256");
        if (header.TryGetProperty("typ", out var typ))
            Rule(typ.GetString() == "JWT", "typ is JWT");
        var kid = header.GetProperty("kid").GetString()!;
        var response = await http.GetAsync(new Uri(kid).PathAndQuery);
        Rule(response.StatusCode == HttpStatusCode.OK, $"the kid URL {kid} answers");
        var jwk = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        // A bare JWK (the 1EdTech validator reads kty, n, e straight from the body), never a private part.
        Rule(jwk.GetProperty("kty").GetString() == "RSA", "the JWK is an RSA key");
        foreach (var secret in new[] { "d", "p", "q", "dp", "dq", "qi" })
            Rule(!jwk.TryGetProperty(secret, out _), $"the JWK has no {secret}");
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(jwk.GetProperty("n").GetString()),
            Exponent = Base64Url.DecodeFromChars(jwk.GetProperty("e").GetString()),
        });
        Rule(rsa.KeySize >= 2048, "the key is at least 2048 bits");
        Rule(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "the RS256 signature verifies");
        return new Verified(header, Decode(parts[1]), jwk);
    }

    /// <summary>OB 3.0 8.2.6.1: each JWT claim equals the credential property it mirrors.</summary>
    public static void CheckClaims(JsonElement payload)
    {
        var issuer = payload.GetProperty("issuer");
        var issuerId = issuer.ValueKind == JsonValueKind.String ? issuer.GetString() : issuer.GetProperty("id").GetString();
        Rule(payload.GetProperty("iss").GetString() == issuerId, "iss equals issuer.id");
        Rule(payload.GetProperty("sub").GetString() == payload.GetProperty("credentialSubject").GetProperty("id").GetString(), "sub equals credentialSubject.id");
        Rule(payload.GetProperty("jti").GetString() == payload.GetProperty("id").GetString(), "jti equals id");
        Rule(DateTimeOffset.FromUnixTimeSeconds(payload.GetProperty("nbf").GetInt64()) == DateTimeOffset.Parse(payload.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            "nbf equals validFrom");
        if (payload.TryGetProperty("validUntil", out var until))
            Rule(DateTimeOffset.FromUnixTimeSeconds(payload.GetProperty("exp").GetInt64()) == DateTimeOffset.Parse(until.GetString()!, System.Globalization.CultureInfo.InvariantCulture), "exp equals validUntil");
        else
            Rule(!payload.TryGetProperty("exp", out _), "no exp without validUntil");
        Rule(!payload.TryGetProperty("vc", out _), "no vc wrapper in OB 3.0");
    }

    /// <summary>Bitstring Status List 3.2: fetch and verify the list credential, expand it, read the entry's bit.</summary>
    public async Task<bool> RevokedAsync(JsonElement payload)
    {
        var entry = payload.GetProperty("credentialStatus");
        Rule(entry.GetProperty("type").GetString() == "BitstringStatusListEntry", "the status entry is a BitstringStatusListEntry");
        Rule(entry.GetProperty("statusPurpose").GetString() == "revocation", "the entry is for revocation");
        var listUrl = entry.GetProperty("statusListCredential").GetString()!;
        Rule(entry.GetProperty("id").GetString() != listUrl, "the entry's id is not the list's URL");
        var index = int.Parse(entry.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var listJws = await http.GetStringAsync(new Uri(listUrl).PathAndQuery);
        var list = (await VerifyAsync(listJws)).Payload;
        Rule(list.GetProperty("type").EnumerateArray().Any(t => t.GetString() == "BitstringStatusListCredential"), "the list is a BitstringStatusListCredential");
        Rule(list.GetProperty("id").GetString() == listUrl, "the list is the one named");
        var subject = list.GetProperty("credentialSubject");
        Rule(subject.GetProperty("type").GetString() == "BitstringStatusList", "its subject is a BitstringStatusList");
        Rule(subject.GetProperty("statusPurpose").GetString() == "revocation", "the list is for revocation");
        var bits = Expand(subject.GetProperty("encodedList").GetString()!);
        Rule(bits.Length * 8 >= 131_072, "the list holds at least 131,072 entries");
        return (bits[index / 8] & (1 << (7 - (index % 8)))) != 0;
    }

    /// <summary>Multibase "u" (base64url, no padding), then GZIP.</summary>
    public static byte[] Expand(string encodedList)
    {
        Rule(encodedList.StartsWith('u'), "the list is multibase base64url");
        using var gzip = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encodedList.AsSpan(1))), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        return bits.ToArray();
    }

    /// <summary>The text of the first iTXt chunk keyed "openbadgecredential", each chunk's CRC checked on the way.</summary>
    public static string? BakedCredential(byte[] png)
    {
        Rule(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG signature");
        var offset = 8;
        while (offset < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Rule(Crc(png.AsSpan(offset + 4, 4 + length)) == crc, $"the {type} chunk's CRC matches");
            if (type == "iTXt")
            {
                var data = png.AsSpan(offset + 8, length);
                var keywordEnd = data.IndexOf((byte)0);
                if (Encoding.Latin1.GetString(data[..keywordEnd]) == "openbadgecredential")
                {
                    Rule(data[keywordEnd + 1] == 0 && data[keywordEnd + 2] == 0, "uncompressed");
                    var rest = data[(keywordEnd + 3)..];
                    rest = rest[(rest.IndexOf((byte)0) + 1)..];
                    rest = rest[(rest.IndexOf((byte)0) + 1)..];
                    return Encoding.UTF8.GetString(rest);
                }
            }
            offset += 12 + length;
        }
        return null;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    public static JsonElement Decode(string part) => JsonDocument.Parse(Base64Url.DecodeFromChars(part)).RootElement.Clone();

    private static void Rule(bool holds, string rule)
    {
        if (!holds)
            throw new VerificationFailedException(rule);
    }
}

public sealed class VerificationFailedException(string rule) : Exception($"Credential check failed: {rule}");
