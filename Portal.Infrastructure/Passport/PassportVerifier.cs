using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Portal.Infrastructure.Passport;

/// <summary>What checking a credential found, in facts a page can say in plain words.</summary>
/// <param name="Problem">Why it could not be checked at all, or why it must not be trusted; null when the checks ran.</param>
/// <param name="Revoked">True or false from our status list; null when we hold no record of it.</param>
public sealed record CredentialCheck(
    string? Problem,
    bool SignatureValid,
    string? IssuerName,
    string? HolderName,
    string? AchievementName,
    DateTime? ValidFromUtc,
    DateTime? ValidUntilUtc,
    bool? Revoked,
    bool Expired,
    bool NotYetValid,
    Guid? CredentialId)
{
    public static CredentialCheck Refused(string problem, bool signatureValid = false) => new(problem, signatureValid, null, null, null, null, null, null, false, false, null);

    public bool Valid => Problem is null && SignatureValid && Revoked == false && !Expired && !NotYetValid;
}

/// <summary>
/// Checks a credential this portal issued, as OB 3.0 section 8.2.6 tells a verifier to: the
/// signature against the public key its kid names, then each JWT claim against the credential
/// property it mirrors, then revocation (our status list) and the dates.
/// </summary>
public sealed class PassportVerifier(BadgeKeys keys, PassportUrls urls, PassportService passport, TimeProvider clock)
{
    /// <summary>Far more than any credential we issue; longer text is refused before any work.</summary>
    public const int MaxLength = 20_000;

    private static readonly string[] AllowedHeaders = ["alg", "kid", "jwk", "typ"];

    public async Task<CredentialCheck> CheckAsync(string? text, CancellationToken cancellationToken = default)
    {
        var jws = (text ?? "").Trim();
        if (jws.Length == 0)
            return CredentialCheck.Refused("Paste the credential text, or upload the badge image.");
        if (jws.Length > MaxLength)
            return CredentialCheck.Refused("This is far too long to be one of our credentials. Paste only the credential text (the contents of the .jwt file).");
        if (jws.StartsWith('{'))
            return CredentialCheck.Refused("This is a credential without its signature, which cannot be checked. Paste the signed text (the .jwt file), or upload the badge image.");
        var parts = jws.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            return CredentialCheck.Refused("This is not a signed credential. The text should be three long blocks of letters and numbers joined by dots, as in the .jwt file.");
        if (Json(parts[0]) is not { ValueKind: JsonValueKind.Object } header || Json(parts[1]) is not { ValueKind: JsonValueKind.Object } payload || Bytes(parts[2]) is not { } signature)
            return CredentialCheck.Refused("This credential text is damaged (part of it has been changed or cut off), so it cannot be checked. Ask for it again.");
        if (header.EnumerateObject().Any(h => !AllowedHeaders.Contains(h.Name)) || Text(header, "alg") != "RS256")
            return CredentialCheck.Refused("This credential is signed in a way Open Badges does not allow, so it cannot be trusted.");
        if (urls.OwnKeyId(Text(header, "kid")) is not { } keyId)
            return CredentialCheck.Refused("This credential was not issued by this portal, so it cannot be checked here. Check it with the organisation that issued it.");
        if (await keys.FindAsync(keyId, cancellationToken) is not { } key)
            return CredentialCheck.Refused("This credential names a signing key this portal never had, so it is not genuine.");

        using (var rsa = BadgeKeys.PublicKey(key))
        {
            if (!rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                return CredentialCheck.Refused("The signature does not match: this credential has been changed since it was issued, or was never issued by us. Do not rely on it.");
        }

        // Signed by us; now the claims must say what the credential says (section 8.2.6.1).
        var issuer = payload.TryGetProperty("issuer", out var i) ? i : default;
        var issuerId = issuer.ValueKind == JsonValueKind.String ? issuer.GetString() : Text(issuer, "id");
        var subject = payload.TryGetProperty("credentialSubject", out var s) ? s : default;
        var validFrom = Date(Text(payload, "validFrom"));
        var validUntil = Date(Text(payload, "validUntil"));
        var claimsAgree = Text(payload, "iss") == issuerId
            && Text(payload, "jti") == Text(payload, "id")
            && Text(subject, "id") is { } subjectId && Text(payload, "sub") == subjectId
            && validFrom is { } from && Seconds(payload, "nbf") == new DateTimeOffset(from).ToUnixTimeSeconds()
            && (Seconds(payload, "exp") is { } exp ? validUntil is { } until && exp == new DateTimeOffset(until).ToUnixTimeSeconds() : validUntil is null);
        if (!claimsAgree)
            return CredentialCheck.Refused("The signature is ours, but the credential's contents do not agree with their own envelope (dates, ids or issuer), so it is not valid.", signatureValid: true);

        var achievement = subject.TryGetProperty("achievement", out var a) ? a : default;
        var holder = subject.TryGetProperty("identifier", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Where(x => Text(x, "identityType") == "name" && x.TryGetProperty("hashed", out var h) && h.ValueKind == JsonValueKind.False).Select(x => Text(x, "identityHash")).FirstOrDefault()
            : null;
        bool? revoked = null;
        if (payload.TryGetProperty("credentialStatus", out var status) && urls.OwnStatusList(Text(status, "statusListCredential")) is { } list
            && int.TryParse(Text(status, "statusListIndex"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            revoked = await passport.RevokedAsync(list, index, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Text(payload, "id") is { } urn && urn.StartsWith("urn:uuid:", StringComparison.Ordinal) && Guid.TryParse(urn.AsSpan(9), out var g) ? g : (Guid?)null;
        return new CredentialCheck(null, true, Text(issuer, "name") ?? issuerId, holder, Text(achievement, "name"), validFrom, validUntil, revoked,
            validUntil is { } end && end <= now, validFrom > now, id);
    }

    private static JsonElement? Json(string part)
    {
        if (Bytes(part) is not { } bytes)
            return null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Bytes(string part)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    private static DateTime? Date(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d.UtcDateTime : null;
}
