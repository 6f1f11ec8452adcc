using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portal.Domain.Passport;

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

    /// <summary>The issuer's id (<c>iss</c>), once the signature is good.</summary>
    public string? IssuerUrl { get; init; }

    /// <summary>Null when this portal issued it; the trust list's entry when another issuer did.</summary>
    public TrustedIssuer? TrustedIssuer { get; init; }

    /// <summary>The credential's own id, as it names itself.</summary>
    public string? CredentialUri { get; init; }

    public string? AchievementId { get; init; }

    /// <summary>The Care Certificate standards the achievement aligns to.</summary>
    public IReadOnlyList<int> Standards { get; init; } = [];

    public string? StatusListUrl { get; init; }
    public int? StatusIndex { get; init; }

    /// <summary>The holder's hashed email addresses with their salts, to match against an account.</summary>
    public IReadOnlyList<(string Hash, string Salt)> EmailHashes { get; init; } = [];

    /// <summary>Whether the credential was issued to this email address (by its salted hash).</summary>
    public bool IssuedTo(string? email) =>
        email is { Length: > 0 } && EmailHashes.Any(h => string.Equals(CredentialJson.IdentityHash(email, h.Salt), h.Hash, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Checks a credential this portal issued, as OB 3.0 section 8.2.6 tells a verifier to: the
/// signature against the public key its kid names, then each JWT claim against the credential
/// property it mirrors, then revocation (our status list) and the dates.
/// </summary>
public sealed class PassportVerifier(BadgeKeys keys, PassportUrls urls, PassportService passport, TrustList trust, IssuerFetcher fetcher, TimeProvider clock)
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
        var kid = Text(header, "kid");
        TrustedIssuer? trusted = null;
        if (urls.OwnKeyId(kid) is { } keyId)
        {
            if (await keys.FindAsync(keyId, cancellationToken) is not { } key)
                return CredentialCheck.Refused("This credential names a signing key this portal never had, so it is not genuine.");
            using var rsa = BadgeKeys.PublicKey(key);
            if (!Verify(rsa, parts, signature))
                return CredentialCheck.Refused("The signature does not match: this credential has been changed since it was issued, or was never issued by us. Do not rely on it.");
        }
        else
        {
            trusted = await trust.PublisherOfAsync(kid, cancellationToken);
            if (trusted is null)
                return CredentialCheck.Refused("This credential's issuer is not on the trust list, so it cannot be checked here. Check it with the organisation that issued it, or ask an administrator to add that issuer.");
            var (jwk, problem) = await ForeignKeyAsync(kid!, cancellationToken);
            if (jwk is null)
                return CredentialCheck.Refused($"The issuer's signing key could not be fetched, so this credential cannot be checked now. Try again later. ({problem})");
            using (jwk)
            {
                if (!Verify(jwk, parts, signature))
                    return CredentialCheck.Refused($"The signature does not match {trusted.Name}'s key: this credential has been changed since it was issued, or was never issued by them. Do not rely on it.");
            }
        }

        // Signed; now the claims must say what the credential says (section 8.2.6.1).
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
        if (trusted is not null && (issuerId != trusted.IssuerUrl || Text(payload, "iss") != trusted.IssuerUrl))
            return CredentialCheck.Refused($"This credential is signed with {trusted.Name}'s key but names another issuer, so it is not valid.", signatureValid: true);
        if (!claimsAgree)
            return CredentialCheck.Refused("The signature is good, but the credential's contents do not agree with their own envelope (dates, ids or issuer), so it is not valid.", signatureValid: true);

        var achievement = subject.TryGetProperty("achievement", out var a) ? a : default;
        var holder = subject.TryGetProperty("identifier", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Where(x => Text(x, "identityType") == "name" && x.TryGetProperty("hashed", out var h) && h.ValueKind == JsonValueKind.False).Select(x => Text(x, "identityHash")).FirstOrDefault()
            : null;
        bool? revoked = null;
        var statusUrl = payload.TryGetProperty("credentialStatus", out var status) ? Text(status, "statusListCredential") : null;
        int? statusIndex = int.TryParse(Text(status, "statusListIndex"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : null;
        if (trusted is null)
        {
            if (urls.OwnStatusList(statusUrl) is { } list && statusIndex is { } at)
                revoked = await passport.RevokedAsync(list, at, cancellationToken);
        }
        else if (statusUrl is null)
        {
            // Nothing to check against: the issuer gave it no way to be revoked.
            revoked = false;
        }
        else
        {
            if (statusIndex is null)
                return CredentialCheck.Refused("The credential's revocation entry is damaged, so whether it was revoked cannot be checked.", signatureValid: true);
            var (found, problem) = await ForeignRevokedAsync(trusted, statusUrl, statusIndex.Value, cancellationToken);
            if (found is null)
                return CredentialCheck.Refused($"The signature is good, but {trusted.Name}'s revocation list could not be checked, so it cannot be relied on now. Try again later. ({problem})", signatureValid: true);
            revoked = found;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var credentialUri = Text(payload, "id");
        var id = trusted is null && credentialUri is { } urn && urn.StartsWith("urn:uuid:", StringComparison.Ordinal) && Guid.TryParse(urn.AsSpan(9), out var g) ? g : (Guid?)null;
        return new CredentialCheck(null, true, trusted?.Name ?? Text(issuer, "name") ?? issuerId, holder, Text(achievement, "name"), validFrom, validUntil, revoked,
            validUntil is { } end && end <= now, validFrom > now, id)
        {
            IssuerUrl = issuerId,
            TrustedIssuer = trusted,
            CredentialUri = credentialUri,
            AchievementId = Text(achievement, "id"),
            Standards = Standards(achievement),
            StatusListUrl = statusUrl,
            StatusIndex = statusIndex,
            EmailHashes = EmailHashes(subject),
        };
    }

    /// <summary>
    /// Whether the bit of a trusted issuer's status list is set: the list is fetched, its signature
    /// checked against a key that issuer publishes, its issuer must be that issuer, and its purpose revocation.
    /// </summary>
    public async Task<(bool? Revoked, string? Problem)> ForeignRevokedAsync(TrustedIssuer trusted, string statusUrl, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        var (text, problem) = await fetcher.GetAsync(statusUrl, cancellationToken);
        if (text is null)
            return (null, problem);
        var parts = text.Trim().Split('.');
        if (parts.Length != 3 || Json(parts[0]) is not { ValueKind: JsonValueKind.Object } header || Json(parts[1]) is not { ValueKind: JsonValueKind.Object } payload || Bytes(parts[2]) is not { } signature)
            return (null, "the list is not a signed credential");
        var kid = Text(header, "kid");
        if (Text(header, "alg") != "RS256" || !trusted.Publishes(kid))
            return (null, "the list is not signed with a key the issuer publishes");
        var (jwk, keyProblem) = await ForeignKeyAsync(kid!, cancellationToken);
        if (jwk is null)
            return (null, keyProblem);
        using (jwk)
        {
            if (!Verify(jwk, parts, signature))
                return (null, "the list's signature does not match");
        }
        var issuer = payload.TryGetProperty("issuer", out var i) ? i : default;
        var listIssuer = issuer.ValueKind == JsonValueKind.String ? issuer.GetString() : Text(issuer, "id");
        var subject = payload.TryGetProperty("credentialSubject", out var s) ? s : default;
        if (listIssuer != trusted.IssuerUrl || Text(payload, "id") != statusUrl || Text(subject, "statusPurpose") != "revocation")
            return (null, "the list is not this issuer's revocation list");
        if (DecodeList(Text(subject, "encodedList")) is not { } bits || index >= bits.Length * 8)
            return (null, "the list is damaged");
        return ((bits[index / 8] & (0x80 >> (index % 8))) != 0, null);
    }

    /// <summary>The bits of an encoded list: "u" (multibase base64url) and GZIP, as Bitstring Status List section 2.2 writes them.</summary>
    public static byte[]? DecodeList(string? encoded)
    {
        if (encoded is not { Length: > 1 } || encoded[0] != 'u' || Bytes(encoded[1..]) is not { } zipped)
            return null;
        try
        {
            using var input = new System.IO.Compression.GZipStream(new MemoryStream(zipped), System.IO.Compression.CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > 16 * 1024 * 1024)
                    return null;
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A trusted issuer's public key, fetched from its kid: a bare JWK, or a key set holding one with that id.</summary>
    private async Task<(RSA? Key, string? Problem)> ForeignKeyAsync(string kid, CancellationToken cancellationToken)
    {
        var (text, problem) = await fetcher.GetAsync(kid, cancellationToken);
        if (text is null)
            return (null, problem);
        if (TrustList.KeySetProblem(text) is not null || ParseText(text) is not { ValueKind: JsonValueKind.Object } jwk)
            return (null, "the key address did not answer with one public key");
        var key = jwk.TryGetProperty("keys", out var set) && set.ValueKind == JsonValueKind.Array
            ? set.EnumerateArray().FirstOrDefault(k => kid.EndsWith("/" + Text(k, "kid"), StringComparison.Ordinal))
            : jwk;
        return TrustList.PublicRsa(key) is { } rsa ? (rsa, null) : (null, "the key address did not answer with an RSA public key");
    }

    private static bool Verify(RSA rsa, string[] parts, byte[] signature) =>
        rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private static List<int> Standards(JsonElement achievement) =>
        achievement.ValueKind == JsonValueKind.Object && achievement.TryGetProperty("alignment", out var alignments) && alignments.ValueKind == JsonValueKind.Array
            ? [.. alignments.EnumerateArray()
                .Where(a => Text(a, "targetFramework") == "Care Certificate")
                .Select(a => int.TryParse(Text(a, "targetCode"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
                .Where(n => n > 0).Distinct()]
            : [];

    private static List<(string, string)> EmailHashes(JsonElement subject) =>
        subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty("identifier", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? [.. ids.EnumerateArray()
                .Where(x => Text(x, "identityType") == "emailAddress" && x.TryGetProperty("hashed", out var h) && h.ValueKind == JsonValueKind.True
                    && Text(x, "identityHash") is not null && Text(x, "salt") is not null)
                .Select(x => (Text(x, "identityHash")!, Text(x, "salt")!))]
            : [];

    private static JsonElement? ParseText(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
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
