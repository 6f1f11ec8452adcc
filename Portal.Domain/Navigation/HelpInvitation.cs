using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Navigation;

/// <summary>
/// A navigator met someone (a drop-in, a jobcentre referral) and invited them to join the hub on the
/// portal. Until they accept and consent, this is all that is kept: their name and address to send
/// it, and a hash of the link's token. Accepting opens their case and removes the invitation.
/// </summary>
public sealed class HelpInvitation
{
    public static readonly TimeSpan LifeTime = TimeSpan.FromDays(14);
    public const int MaxNameLength = 100;

    private HelpInvitation()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The navigator who met them: the case opens on their caseload.</summary>
    public string NavigatorId { get; private set; } = "";

    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }

    /// <returns>The invitation and the token for its link (only in the email).</returns>
    public static (HelpInvitation Invitation, string Token) Create(Guid organisationId, string navigatorId, string name, string email, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(navigatorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (name.Trim().Length > MaxNameLength)
            throw new ArgumentException($"A name is at most {MaxNameLength} characters.", nameof(name));
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (new HelpInvitation
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            NavigatorId = navigatorId,
            Name = name.Trim(),
            Email = email.Trim().ToLowerInvariant(),
            TokenHash = Hash(token),
            CreatedAtUtc = utcNow,
            ExpiresAtUtc = utcNow + LifeTime,
        }, token);
    }

    /// <summary>
    /// Sends it again: a new token (the old link stops working, only the new hash is kept) running a
    /// full <see cref="LifeTime"/> from now, counted as sent now for the daily limit.
    /// </summary>
    /// <returns>The new token, for the link in the email; never stored.</returns>
    public string Renew(DateTime utcNow)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        TokenHash = Hash(token);
        CreatedAtUtc = utcNow;
        ExpiresAtUtc = utcNow + LifeTime;
        return token;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Why this person cannot accept it now, or null. Never names the invited address.</summary>
    public string? Refusal(string email, DateTime utcNow) =>
        utcNow >= ExpiresAtUtc ? "This invitation has expired; ask the hub for a new one"
        : !string.Equals(Email, email.Trim(), StringComparison.OrdinalIgnoreCase) ? "This invitation was sent to another email address. Sign out, then sign in with the account for the address it was sent to"
        : null;
}
