using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Passport;

/// <summary>
/// Section "Passport": who the credentials name as their issuer. Every address in a credential
/// (issuer, keys, status list) is built from <c>Mail:SiteUrl</c>, the portal's public address, so
/// it must be the real https address before the first credential is issued: credentials carry it for good.
/// </summary>
public sealed class PassportOptions
{
    public const string Section = "Passport";

    /// <summary>The issuer's name in every credential; empty takes <c>Content:Operator:Name</c>, then <c>Mail:FromName</c>.</summary>
    [MaxLength(200)]
    public string? IssuerName { get; set; }

    /// <summary>The issuer's contact address in every credential; empty takes <c>Content:Operator:Email</c>, and none if that is empty too.</summary>
    [EmailAddress]
    [MaxLength(200)]
    public string? IssuerEmail { get; set; }

    /// <summary>The RSA key size for new signing keys (RS256 needs 2048 or more).</summary>
    [Range(2048, 4096)]
    public int KeySize { get; set; } = 3072;
}
