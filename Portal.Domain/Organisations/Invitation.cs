using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Organisations;

/// <summary>
/// An emailed invitation to join an organisation in a role. Only a hash of its link's token is
/// kept, so the table alone cannot be used to accept one; it expires, works once, and only for
/// the address it was sent to.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan LifeTime = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Email { get; private set; } = "";
    public MembershipRole Role { get; private set; }

    /// <summary>For staff, the job they are invited to (a career role slug).</summary>
    public string? JobRole { get; private set; }

    /// <summary>For staff, their team, if any.</summary>
    public string? Team { get; private set; }

    /// <summary>For staff, whether they join as a practitioner who may sign off competencies.</summary>
    public bool Practitioner { get; private set; }

    /// <summary>For staff, whether they join on an apprenticeship in that job (their first job's, as the staff page's tick).</summary>
    public bool Apprenticeship { get; private set; }

    public string TokenHash { get; private set; } = "";
    public string InvitedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? AcceptedAtUtc { get; private set; }
    public string? AcceptedBy { get; private set; }

    /// <returns>The invitation and the token for its link (shown once, in the email).</returns>
    public static (Invitation Invitation, string Token) Create(Guid organisationId, string email, MembershipRole role, string invitedBy, DateTime utcNow, string? jobRole = null, string? team = null, bool practitioner = false, bool apprenticeship = false)
    {
        if ((role == MembershipRole.Staff) != !string.IsNullOrEmpty(jobRole))
            throw new ArgumentException("Staff are invited to a job role; recruiters and managers are not.", nameof(jobRole));
        if (role != MembershipRole.Staff && (team is not null || practitioner || apprenticeship))
            throw new ArgumentException("Only staff have a team, sign off competencies or join on an apprenticeship.", nameof(role));
        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        if (team is { Length: > Membership.MaxTeamLength })
            throw new ArgumentException($"A team name is at most {Membership.MaxTeamLength} characters.", nameof(team));
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrEmpty(invitedBy);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Email = email.Trim().ToLowerInvariant(),
            Role = role,
            JobRole = jobRole,
            Team = team,
            Practitioner = practitioner,
            Apprenticeship = apprenticeship,
            TokenHash = Hash(token),
            InvitedBy = invitedBy,
            CreatedAtUtc = utcNow,
            ExpiresAtUtc = utcNow + LifeTime,
        };
        return (invitation, token);
    }

    /// <summary>
    /// Sends it again with a new link: the old link stops working (only the new token's hash is
    /// kept) and the invitation runs for a full <see cref="LifeTime"/> from now.
    /// </summary>
    /// <returns>The new token, for the link; never stored.</returns>
    public string Renew(DateTime utcNow)
    {
        if (AcceptedAtUtc is not null)
            throw new InvalidOperationException("This invitation has already been accepted.");
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        TokenHash = Hash(token);
        ExpiresAtUtc = utcNow + LifeTime;
        return token;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Why this person cannot accept it now, or null when they can. Never names the invited address:
    /// whoever opens a forwarded or leaked link must not learn it.
    /// </summary>
    public string? Refusal(string email, DateTime utcNow) =>
        AcceptedAtUtc is not null ? "This invitation has already been used"
        : utcNow >= ExpiresAtUtc ? "This invitation has expired; ask for a new one"
        : !string.Equals(Email, email.Trim(), StringComparison.OrdinalIgnoreCase) ? "This invitation was sent to another email address. Sign out, then sign in with the account for the address it was sent to"
        : null;

    public void Accept(string userId, string email, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (Refusal(email, utcNow) is { } refusal)
            throw new InvalidOperationException(refusal);
        AcceptedAtUtc = utcNow;
        AcceptedBy = userId;
    }
}
