using Microsoft.Extensions.Options;
using Portal.Infrastructure.Email;

namespace Portal.Infrastructure.Passport;

/// <summary>
/// The public addresses credentials name: built from the configured site address, never from a
/// request, because they are signed into credentials that outlive any request (and a forged Host
/// header must not end up in one). Each has a page of the same path.
/// </summary>
public sealed class PassportUrls(IOptions<MailOptions> mail)
{
    public const string KeysPath = "/passport/keys/";
    public const string StatusPath = "/passport/status/";
    public const string CredentialsPath = "/passport/credentials/";

    public string Site { get; } = mail.Value.SiteUrl.TrimEnd('/');

    /// <summary>The issuer Profile's id: a page that answers with the Profile.</summary>
    public string Issuer => $"{Site}/passport/issuer";

    public string Key(string keyId) => $"{Site}{KeysPath}{keyId}";

    public string StatusList(int list) => $"{Site}{StatusPath}{list}";

    public string Credential(Guid id) => $"{Site}{CredentialsPath}{id}";

    public string Achievement(string path) => $"{Site}/passport/achievements/{path}";

    /// <summary>The key id from a <c>kid</c> that is one of ours, or null for anyone else's.</summary>
    public string? OwnKeyId(string? kid) =>
        kid is not null && kid.StartsWith(Site + KeysPath, StringComparison.Ordinal) && kid.Length > (Site + KeysPath).Length
            ? kid[(Site + KeysPath).Length..]
            : null;

    /// <summary>The list number from a <c>statusListCredential</c> that is one of ours, or null.</summary>
    public int? OwnStatusList(string? url) =>
        url is not null && url.StartsWith(Site + StatusPath, StringComparison.Ordinal)
            && int.TryParse(url.AsSpan((Site + StatusPath).Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
