namespace Portal.Domain.Audit;

/// <summary>What someone did. Stored as its name, so adding one needs no migration.</summary>
public enum AuditAction
{
    MailRetried,
    MailDiscarded,
    AccountUnlocked,
    AccountDisabled,
    AccountEnabled,
    MembershipRemoved,
    InvitationResent,

    /// <summary>A sign-in that let them in; the details say how (password, authenticator code, recovery code).</summary>
    SignInSucceeded,

    /// <summary>A wrong password or code for an account; the subject is the account, or "unknown" when no account has the address.</summary>
    SignInFailed,

    /// <summary>Right password, but the account may not sign in yet (the email address is not confirmed).</summary>
    SignInRefused,

    /// <summary>Failed attempts locked the account.</summary>
    AccountLockedOut,
    TwoFactorTurnedOn,
    TwoFactorTurnedOff,
    AuthenticatorReset,
    RecoveryCodesMade,
    RoleAdded,
    RoleRemoved,
    MembershipStarted,
    OrganisationRequestApproved,
    OrganisationRequestDeclined,

    /// <summary>The person downloaded everything the portal holds about them.</summary>
    PersonalDataExported,

    /// <summary>The account and everything keyed to it were removed.</summary>
    PersonalDataErased,

    /// <summary>Someone downloaded a report naming other people (a training matrix, an applicant list).</summary>
    ReportDownloaded,

    /// <summary>A recruiter saw a person's profile: in a vacancy's applications or its people who fit.</summary>
    ProfileOpened,

    /// <summary>A manager opened a member of staff's training record.</summary>
    RecordOpened,

    /// <summary>A talent hub's navigator opened a person's page on the caseload: their plan, notes and what they shared.</summary>
    CaseOpened,

    /// <summary>A signed-in person was refused a page (403), or asked for an id that is not theirs to see (404).</summary>
    AccessRefused,

    /// <summary>A new passkey can sign them in; the details give its name.</summary>
    PasskeyAdded,

    PasskeyRemoved,

    /// <summary>An admin added another issuer of passport credentials to the trust list.</summary>
    TrustedIssuerAdded,

    /// <summary>An admin removed an issuer from the trust list: its credentials are no longer recognised.</summary>
    TrustedIssuerRemoved,

    /// <summary>A manager recognised a credential from a training passport for a member of staff.</summary>
    CredentialRecognised,
}

/// <summary>The kind of thing an action was done to; with <see cref="AuditEvent.SubjectId"/> it names the thing.</summary>
public enum AuditSubject
{
    OutboxMessage,

    /// <summary>A person's account (the id is the user id); what was done to their memberships and invitations too, so their page shows it all.</summary>
    Account,

    OrganisationRequest,

    /// <summary>A page address, for refused access: the id in it is what was asked for.</summary>
    Page,

    /// <summary>An entry of the passport's trust list (the id is the entry's).</summary>
    TrustedIssuer,
}

/// <summary>
/// One action someone took, written in the same transaction as the change it records, so the log
/// never claims a change that did not happen nor misses one that did. Append-only: nothing
/// updates or removes an event. No foreign keys: the record outlives the account or the thing.
/// </summary>
public sealed class AuditEvent
{
    public const int MaxUserIdLength = 450;
    public const int MaxSubjectIdLength = 100;
    public const int MaxIpAddressLength = 64;
    public const int MaxDetailsLength = 500;

    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public DateTime OccurredUtc { get; private set; }

    /// <summary>Who did it; null when nobody signed in did (a failed sign-in, say).</summary>
    public string? ActorUserId { get; private set; }

    public AuditAction Action { get; private set; }

    public AuditSubject SubjectKind { get; private set; }

    public string SubjectId { get; private set; } = "";

    /// <summary>The organisation whose data it touched, for actions inside one.</summary>
    public Guid? OrganisationId { get; private set; }

    public string? IpAddress { get; private set; }

    /// <summary>A short note for a reader: what the thing was, what it looked like before.</summary>
    public string? Details { get; private set; }

    public static AuditEvent Record(
        AuditAction action, string? actorUserId, AuditSubject subjectKind, string subjectId, DateTime utcNow,
        Guid? organisationId = null, string? ipAddress = null, string? details = null)
    {
        if (actorUserId is { Length: 0 or > MaxUserIdLength })
            throw new ArgumentException("The actor's user id is empty or too long.", nameof(actorUserId));
        if (string.IsNullOrWhiteSpace(subjectId) || subjectId.Length > MaxSubjectIdLength)
            throw new ArgumentException("The subject id is empty or too long.", nameof(subjectId));
        if (utcNow.Kind != DateTimeKind.Utc)
            throw new ArgumentException("The time must be UTC.", nameof(utcNow));

        return new AuditEvent
        {
            Action = action,
            ActorUserId = actorUserId,
            SubjectKind = subjectKind,
            SubjectId = subjectId,
            OccurredUtc = utcNow,
            OrganisationId = organisationId,
            // An address comes from the connection, a note from what it describes: shorten rather than lose the event.
            IpAddress = Shorten(ipAddress, MaxIpAddressLength),
            Details = Shorten(details, MaxDetailsLength),
        };
    }

    private static string? Shorten(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length <= max ? value : value[..max];
}
