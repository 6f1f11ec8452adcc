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

    /// <summary>
    /// Lets trusted issuers, their keys and status lists be fetched over plain http from this
    /// machine (127.0.0.1, ::1, localhost): for Development and tests, where the other issuer is a
    /// second portal on loopback. Anywhere else only https is fetched.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>How long to wait for another issuer's key or status list before saying it cannot be reached.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
