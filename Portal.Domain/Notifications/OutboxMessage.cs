namespace Portal.Domain.Notifications;

/// <summary>
/// An email the portal has promised to send. Written in the same transaction as the change that
/// causes it; a delivery job sends it later, so a crash or a mail outage never loses it.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 1000;
    public const int MaxDedupeKeyLength = 200;

    private OutboxMessage()
    {
    }

    public long Id { get; private set; }

    /// <summary>Optional business key (e.g. one reminder per person, module and due date); unique when set.</summary>
    public string? DedupeKey { get; private set; }

    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime NextAttemptUtc { get; private set; }
    public DateTime? SentUtc { get; private set; }
    public string? LastError { get; private set; }

    public MailKind Kind { get; private set; }

    /// <summary>When the server last refused or accepted it; null while it has never been tried.</summary>
    public DateTime? LastAttemptUtc { get; private set; }

    /// <summary>Set aside after the last allowed attempt: an operator retries or discards it.</summary>
    public bool IsDeadLetter => Status == OutboxStatus.DeadLettered;

    /// <summary>Lease so two delivery runs (two nodes, or a retry beside a slow run) never send the same row.</summary>
    public Guid? LockToken { get; private set; }

    public DateTime? LockedUntilUtc { get; private set; }

    public static OutboxMessage Create(OutgoingMail mail, DateTime utcNow, string? dedupeKey = null, MailKind kind = MailKind.Other)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Require(mail.To, OutgoingMail.MaxAddressLength, nameof(mail.To));
        Require(mail.Subject, OutgoingMail.MaxSubjectLength, nameof(mail.Subject));
        Require(mail.TextBody, OutgoingMail.MaxBodyLength, nameof(mail.TextBody));
        if (mail.HtmlBody is { Length: > OutgoingMail.MaxBodyLength })
            throw new ArgumentException("The HTML body is too long.", nameof(mail));
        if (dedupeKey is { Length: > MaxDedupeKeyLength })
            throw new ArgumentException("The dedupe key is too long.", nameof(dedupeKey));

        return new OutboxMessage
        {
            To = mail.To,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            DedupeKey = dedupeKey,
            Kind = kind,
            Status = OutboxStatus.Pending,
            CreatedUtc = utcNow,
            NextAttemptUtc = utcNow,
        };
    }

    public OutgoingMail ToMail() => new(To, Subject, TextBody, HtmlBody);

    public void MarkSent(DateTime utcNow)
    {
        EnsurePending();
        Attempts++;
        Status = OutboxStatus.Sent;
        SentUtc = utcNow;
        LastAttemptUtc = utcNow;
        LastError = null;
        // Bodies carry one-time links (confirm, reset); once delivered they have no business being kept.
        TextBody = "";
        HtmlBody = null;
        ReleaseLease();
    }

    /// <summary>
    /// The server rejected this message. Try again later with backoff; after the policy's last
    /// attempt, set it aside as dead-lettered with the reason so an operator can see why. The
    /// bodies stay: a dead letter is sent as it was if an operator retries it.
    /// </summary>
    public void RecordFailure(string reason, DateTime utcNow, OutboxRetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        EnsurePending();
        Attempts++;
        LastAttemptUtc = utcNow;
        LastError = Truncate(reason, MaxErrorLength);
        if (Attempts >= policy.MaxAttempts)
            Status = OutboxStatus.DeadLettered;
        else
            NextAttemptUtc = utcNow + policy.DelayAfter(Attempts);
        ReleaseLease();
    }

    /// <summary>The mail server was unreachable: not this message's fault, so no attempt is spent.</summary>
    public void Defer(string reason, DateTime retryAtUtc)
    {
        EnsurePending();
        LastError = Truncate(reason, MaxErrorLength);
        NextAttemptUtc = retryAtUtc;
        ReleaseLease();
    }

    /// <summary>
    /// An operator puts a dead-lettered message back in the queue (after fixing the address or the
    /// server, say). It goes with the next delivery run, with a fresh set of attempts; the last
    /// error stays until it is sent, so the page can still say why it failed.
    /// </summary>
    public void Requeue(DateTime utcNow)
    {
        EnsureDeadLetter("requeued");
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptUtc = utcNow;
        ReleaseLease();
    }

    /// <summary>An operator gives up on a dead letter. The row stays as the record of what was promised and why it failed.</summary>
    public void Discard()
    {
        EnsureDeadLetter("discarded");
        Status = OutboxStatus.Discarded;
        // It will never be sent, so the one-time links it may carry have no business being kept.
        TextBody = "";
        HtmlBody = null;
    }

    private void ReleaseLease()
    {
        LockToken = null;
        LockedUntilUtc = null;
    }

    private void EnsurePending()
    {
        if (Status != OutboxStatus.Pending)
            throw new InvalidOperationException($"Message {Id} is {Status}, not pending.");
    }

    private void EnsureDeadLetter(string verb)
    {
        if (!IsDeadLetter)
            throw new InvalidOperationException($"Message {Id} is {Status}; only a dead-lettered message can be {verb}.");
    }

    private static void Require(string value, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{name} is required.", name);
        if (value.Length > maxLength)
            throw new ArgumentException($"{name} is longer than {maxLength} characters.", name);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
