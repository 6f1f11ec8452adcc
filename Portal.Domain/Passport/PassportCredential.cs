namespace Portal.Domain.Passport;

/// <summary>
/// An achievement issued as a signed Open Badges 3.0 credential. Issued once per achievement (the
/// source key is unique per person), and never changed after: the signed text, the name at issue
/// and the dates are what the holder carries away. Only revocation is recorded later, because a
/// verifier asks us about that and nothing else.
/// </summary>
public sealed class PassportCredential
{
    public const int MaxSourceKeyLength = 100;
    public const int MaxNameLength = 200;
    public const int MaxAchievementIdLength = 400;
    public const int MaxKeyIdLength = 64;
    public const int MaxJwsLength = 16000;
    public const int MaxReasonLength = 500;

    private PassportCredential()
    {
    }

    /// <summary>The credential's id (<c>urn:uuid:</c>), its JWT <c>jti</c>, and the key of its public page.</summary>
    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";
    public AchievementKind Kind { get; private set; }

    /// <summary>What was achieved, unique per person: "completion:12", "competency:7", "care-certificate".</summary>
    public string SourceKey { get; private set; } = "";

    public string AchievementId { get; private set; } = "";
    public string AchievementName { get; private set; } = "";

    /// <summary>The holder's name as it was when the credential was issued; a later change of name never alters a credential.</summary>
    public string NameAtIssue { get; private set; } = "";

    /// <summary>Where it was earned, when one organisation can say so (a competency sign-off): its managers may revoke it.</summary>
    public Guid? OrganisationId { get; private set; }

    public DateTime ValidFromUtc { get; private set; }
    public DateTime? ValidUntilUtc { get; private set; }
    public DateTime IssuedAtUtc { get; private set; }

    /// <summary>Which published status list carries this credential's revocation bit, and where in it.</summary>
    public int StatusList { get; private set; }

    public int StatusIndex { get; private set; }

    /// <summary>The signing key's id; its public half stays published for as long as credentials name it.</summary>
    public string KeyId { get; private set; } = "";

    /// <summary>The compact JWS, exactly as signed.</summary>
    public string Jws { get; private set; } = "";

    public DateTime? RevokedAtUtc { get; private set; }
    public string? RevokedBy { get; private set; }
    public string? RevokedReason { get; private set; }

    public bool Revoked => RevokedAtUtc is not null;

    public static PassportCredential Issue(Guid id, string userId, AchievementKind kind, string sourceKey, string achievementId, string achievementName,
        string nameAtIssue, Guid? organisationId, DateTime validFromUtc, DateTime? validUntilUtc, int statusList, int statusIndex, string keyId, string jws, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(sourceKey);
        ArgumentException.ThrowIfNullOrEmpty(achievementId);
        ArgumentException.ThrowIfNullOrEmpty(achievementName);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameAtIssue);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentException.ThrowIfNullOrEmpty(jws);
        ArgumentOutOfRangeException.ThrowIfNegative(statusIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusList, 1);
        if (validUntilUtc is { } until && until <= validFromUtc)
            throw new ArgumentException("A credential cannot run out before it starts.", nameof(validUntilUtc));
        if (sourceKey.Length > MaxSourceKeyLength || achievementId.Length > MaxAchievementIdLength || keyId.Length > MaxKeyIdLength || jws.Length > MaxJwsLength)
            throw new ArgumentException("A credential field is too long to store.");
        return new PassportCredential
        {
            Id = id,
            UserId = userId,
            Kind = kind,
            SourceKey = sourceKey,
            AchievementId = achievementId,
            AchievementName = Clip(achievementName),
            NameAtIssue = Clip(nameAtIssue.Trim()),
            OrganisationId = organisationId,
            ValidFromUtc = validFromUtc,
            ValidUntilUtc = validUntilUtc,
            IssuedAtUtc = utcNow,
            StatusList = statusList,
            StatusIndex = statusIndex,
            KeyId = keyId,
            Jws = jws,
        };
    }

    /// <summary>
    /// Revocation is final (a Bitstring Status List "revocation" bit is never cleared): a credential
    /// issued in error is replaced by issuing again, not by un-revoking.
    /// </summary>
    public void Revoke(string reason, string revokedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(revokedBy);
        if (Revoked)
            throw new InvalidOperationException("This credential has already been revoked.");
        if (RevokeProblem(reason) is { } problem)
            throw new ArgumentException(problem, nameof(reason));
        RevokedAtUtc = utcNow;
        RevokedBy = revokedBy;
        RevokedReason = reason.Trim();
    }

    /// <summary>What is wrong with a revocation reason, in words for the form, or null.</summary>
    public static string? RevokeProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Say why it is revoked (for example, issued in error)"
        : reason.Trim().Length > MaxReasonLength ? $"Keep the reason to {MaxReasonLength} characters"
        : null;

    /// <summary>Expired, as a verifier would say: its validUntil has passed.</summary>
    public bool ExpiredAt(DateTime utcNow) => ValidUntilUtc is { } until && until <= utcNow;

    private static string Clip(string text) => text.Length <= MaxNameLength ? text : text[..MaxNameLength];
}
