namespace Portal.Domain.Passport;

/// <summary>
/// A credential a manager recognised for a member of their staff: it counts as one of our modules
/// in that organisation's required training while it stands (after its start, before its end, and
/// not revoked when last checked). Revocation is learned by checking the issuer's status list, on
/// import and daily after; the last check is kept so the matrix never has to ask anyone.
/// </summary>
public sealed class Recognition
{
    public const int MaxCredentialIdLength = 400;
    public const int MaxNameLength = 200;

    private Recognition()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>The credential's own id (for ours, <c>urn:uuid:</c> and the id we issued it under).</summary>
    public string CredentialId { get; private set; } = "";

    public string IssuerUrl { get; private set; } = "";
    public string IssuerName { get; private set; } = "";
    public string AchievementId { get; private set; } = "";
    public string AchievementName { get; private set; } = "";

    /// <summary>The module of ours it counts as.</summary>
    public string ModuleSlug { get; private set; } = "";

    public DateTime ValidFromUtc { get; private set; }
    public DateTime? ValidUntilUtc { get; private set; }

    /// <summary>Where its revocation bit is published, if it has one.</summary>
    public string? StatusListUrl { get; private set; }

    public int? StatusIndex { get; private set; }

    public string RecognisedBy { get; private set; } = "";
    public DateTime RecognisedAtUtc { get; private set; }
    public DateTime LastCheckedAtUtc { get; private set; }

    /// <summary>When a check first found it revoked; it stops counting from then, for good.</summary>
    public DateTime? RevokedFoundAtUtc { get; private set; }

    public static Recognition Record(Guid organisationId, string userId, string credentialId, string issuerUrl, string issuerName, string achievementId,
        string achievementName, string moduleSlug, DateTime validFromUtc, DateTime? validUntilUtc, string? statusListUrl, int? statusIndex, string recognisedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        ArgumentException.ThrowIfNullOrEmpty(issuerUrl);
        ArgumentException.ThrowIfNullOrEmpty(achievementId);
        ArgumentException.ThrowIfNullOrEmpty(moduleSlug);
        ArgumentException.ThrowIfNullOrEmpty(recognisedBy);
        if (credentialId.Length > MaxCredentialIdLength || issuerUrl.Length > MaxCredentialIdLength || achievementId.Length > MaxCredentialIdLength || (statusListUrl?.Length ?? 0) > MaxCredentialIdLength)
            throw new ArgumentException("A recognised credential's address is too long to store.");
        if (!CountsAt(validFromUtc, validUntilUtc, revoked: false, utcNow))
            throw new ArgumentException("Only a credential that stands today can be recognised.");
        return new Recognition
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            UserId = userId,
            CredentialId = credentialId,
            IssuerUrl = issuerUrl,
            IssuerName = Clip(issuerName),
            AchievementId = achievementId,
            AchievementName = Clip(achievementName),
            ModuleSlug = moduleSlug,
            ValidFromUtc = validFromUtc,
            ValidUntilUtc = validUntilUtc,
            StatusListUrl = statusListUrl,
            StatusIndex = statusIndex,
            RecognisedBy = recognisedBy,
            RecognisedAtUtc = utcNow,
            LastCheckedAtUtc = utcNow,
        };
    }

    /// <summary>Records a check of the issuer's status list. A revocation is final: a later "not revoked" never undoes it.</summary>
    public void Checked(bool revoked, DateTime utcNow)
    {
        LastCheckedAtUtc = utcNow;
        if (revoked && RevokedFoundAtUtc is null)
            RevokedFoundAtUtc = utcNow;
    }

    public bool Counts(DateTime utcNow) => CountsAt(ValidFromUtc, ValidUntilUtc, RevokedFoundAtUtc is not null, utcNow);

    /// <summary>The one rule for whether a recognised credential counts: started, not ended, not revoked.</summary>
    public static bool CountsAt(DateTime validFromUtc, DateTime? validUntilUtc, bool revoked, DateTime utcNow) =>
        !revoked && validFromUtc <= utcNow && (validUntilUtc is not { } until || utcNow < until);

    private static string Clip(string text) => text.Length <= MaxNameLength ? text : text[..MaxNameLength];
}
