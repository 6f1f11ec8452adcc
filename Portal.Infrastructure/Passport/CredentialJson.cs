using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Portal.Domain.Passport;

namespace Portal.Infrastructure.Passport;

/// <summary>What one credential says, before it is written as Open Badges 3.0 JSON.</summary>
/// <param name="AchievementPath">The achievement's stable path under /passport/achievements/, one per version of what was assessed.</param>
/// <param name="AchievementType">An Open Badges AchievementType: Course, Competency or Certificate.</param>
/// <param name="Standards">Care Certificate standards (number and title) the achievement aligns to.</param>
public sealed record CredentialFacts(
    Guid Id,
    AchievementKind Kind,
    string AchievementPath,
    string AchievementType,
    string AchievementName,
    string Description,
    string CriteriaNarrative,
    string? Version,
    IReadOnlyList<(int Number, string Title)> Standards,
    string NameAtIssue,
    string Email,
    DateTime ValidFromUtc,
    DateTime? ValidUntilUtc,
    int StatusList,
    int StatusIndex);

/// <summary>
/// Writes credentials as the Open Badges 3.0 specification shapes them (its data model, appendix B,
/// and the VC-JWT proof format, section 8.2), and the Bitstring Status List that revokes them.
/// </summary>
public static class CredentialJson
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary>Defines 1EdTechJsonSchemaValidator2019, the credentialSchema type, which the OB context does not.</summary>
    public const string ObExtensionsContext = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    public const string SchemaUrl = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /// <summary>Skills for Care's page of the Care Certificate standards: each alignment's targetUrl.</summary>
    public const string CareCertificateUrl = "https://www.skillsforcare.org.uk/Developing-your-workforce/Care-Certificate/Care-Certificate-standards.aspx";

    /// <summary>The length of every status list: the minimum the Bitstring Status List asks for (16KB).</summary>
    public const int StatusListLength = 131_072;

    /// <summary>
    /// Whole seconds in UTC: a JWT's nbf and exp are whole seconds and must equal validFrom and
    /// validUntil exactly (OB 3.0 section 8.2.6.1), so the dates are cut to the second before either is written.
    /// </summary>
    public static DateTime ToSecond(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    public static string Date(DateTime utc) => ToSecond(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject IssuerProfile(PassportUrls urls, string name, string? email)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var profile = new JsonObject { ["id"] = urls.Issuer, ["type"] = new JsonArray("Profile"), ["name"] = name, ["url"] = urls.Site + "/" };
        if (!string.IsNullOrWhiteSpace(email))
            profile["email"] = email;
        return profile;
    }

    /// <summary>
    /// The JWT payload: the credential's own properties plus iss, jti, nbf, sub and exp (OB 3.0
    /// section 8.2.4.1), with no "vc" wrapper. The subject's id is a fresh urn:uuid per credential,
    /// because sub must equal it, and a per-person one would let anyone link a person's credentials.
    /// </summary>
    public static JsonObject Payload(CredentialFacts facts, PassportUrls urls, JsonObject issuer, Guid subjectId, string salt)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(issuer);
        var id = $"urn:uuid:{facts.Id}";
        var subject = $"urn:uuid:{subjectId}";
        var achievement = new JsonObject
        {
            ["id"] = urls.Achievement(facts.AchievementPath),
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = facts.AchievementType,
            ["name"] = facts.AchievementName,
            ["description"] = facts.Description,
            ["criteria"] = new JsonObject { ["narrative"] = facts.CriteriaNarrative },
        };
        if (facts.Version is { } version)
            achievement["version"] = version;
        if (facts.Standards.Count > 0)
        {
            achievement["alignment"] = new JsonArray([.. facts.Standards.Select(s => (JsonNode)new JsonObject
            {
                ["type"] = new JsonArray("Alignment"),
                ["targetName"] = $"Care Certificate standard {s.Number}: {s.Title}",
                ["targetUrl"] = CareCertificateUrl,
                ["targetFramework"] = "Care Certificate",
                ["targetCode"] = s.Number.ToString(CultureInfo.InvariantCulture),
                ["targetType"] = "ext:CareCertificateStandard",
            })]);
        }

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(VcContext, ObContext, ObExtensionsContext),
            ["id"] = id,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = facts.AchievementName,
            ["issuer"] = issuer.DeepClone(),
            ["validFrom"] = Date(facts.ValidFromUtc),
            ["awardedDate"] = Date(facts.ValidFromUtc),
        };
        if (facts.ValidUntilUtc is { } until)
            credential["validUntil"] = Date(until);
        credential["credentialSubject"] = new JsonObject
        {
            ["id"] = subject,
            ["type"] = new JsonArray("AchievementSubject"),
            ["identifier"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["identityType"] = "emailAddress",
                    ["hashed"] = true,
                    ["identityHash"] = IdentityHash(facts.Email, salt),
                    ["salt"] = salt,
                },
                new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["identityType"] = "name",
                    ["hashed"] = false,
                    ["identityHash"] = facts.NameAtIssue,
                }),
            ["achievement"] = achievement,
        };
        credential["credentialSchema"] = new JsonArray(new JsonObject { ["id"] = SchemaUrl, ["type"] = "1EdTechJsonSchemaValidator2019" });
        var list = urls.StatusList(facts.StatusList);
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = $"{list}#{facts.StatusIndex}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = facts.StatusIndex.ToString(CultureInfo.InvariantCulture),
            ["statusListCredential"] = list,
        };

        credential["iss"] = urls.Issuer;
        credential["jti"] = id;
        credential["sub"] = subject;
        credential["nbf"] = new DateTimeOffset(ToSecond(facts.ValidFromUtc)).ToUnixTimeSeconds();
        if (facts.ValidUntilUtc is { } expires)
            credential["exp"] = new DateTimeOffset(ToSecond(expires)).ToUnixTimeSeconds();
        return credential;
    }

    /// <summary>
    /// OB 3.0 IdentityHash: "sha256$" and the hex SHA-256 of the address with the salt appended.
    /// The spec says nothing of case or spaces; addresses are trimmed and lower-cased first, so a
    /// verifier who types the address as they know it gets the same hash.
    /// </summary>
    public static string IdentityHash(string email, string salt)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(salt);
        return "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NormaliseEmail(email) + salt)));
    }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// A BitstringStatusListCredential (W3C Bitstring Status List, section 2.2) whose bit i is set
    /// when the credential at index i is revoked: index 0 is the left-most bit (section 7.1).
    /// </summary>
    public static JsonObject StatusListPayload(PassportUrls urls, int list, IEnumerable<int> revokedIndexes, DateTime validFromUtc)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var url = urls.StatusList(list);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(VcContext),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = urls.Issuer,
            ["validFrom"] = Date(validFromUtc),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = url + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = EncodeList(revokedIndexes),
            },
            ["iss"] = urls.Issuer,
            ["jti"] = url,
            ["iat"] = new DateTimeOffset(ToSecond(validFromUtc)).ToUnixTimeSeconds(),
        };
        return credential;
    }

    /// <summary>"u" (multibase base64url, no padding) and the GZIP of the bits.</summary>
    public static string EncodeList(IEnumerable<int> setIndexes)
    {
        ArgumentNullException.ThrowIfNull(setIndexes);
        var bits = new byte[StatusListLength / 8];
        foreach (var index in setIndexes)
            bits[index / 8] |= (byte)(0x80 >> (index % 8));
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bits);
        return "u" + System.Buffers.Text.Base64Url.EncodeToString(buffer.ToArray());
    }
}
