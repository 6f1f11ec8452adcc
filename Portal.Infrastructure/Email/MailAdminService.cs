using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Email;

/// <summary>
/// What an admin sees of the outbox and does with mail that could not be delivered. Mail belongs to
/// no organisation, so nothing here is scoped to one: the admin page's folder policy is the guard.
/// </summary>
public sealed class MailAdminService(PortalDbContext db, Outbox outbox, IMailGateway gateway, IOptions<MailOptions> options, TimeProvider time)
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 100;

    /// <summary>One form post: a page of dead letters, with room for a few pages' worth.</summary>
    public const int MaxPerAction = 200;

    private const int RecentActionCount = 10;

    /// <summary>Who acted and from where, for the audit record.</summary>
    public sealed record Actor(string UserId, string? IpAddress);

    /// <param name="Before">Keyset paging: dead letters with a smaller id than this (older ones).</param>
    public sealed record DeadLetterQuery(string? Search = null, MailKind? Kind = null, long? Before = null);

    public sealed record DeadLetter(
        long Id, string To, string Subject, MailKind Kind, int Attempts, string? LastError, DateTime CreatedUtc, DateTime? LastAttemptUtc,
        IReadOnlyList<MailAction> History);

    /// <summary>An admin's retry or discard, with where the message stands now (null if the row is gone).</summary>
    public sealed record MailAction(long MessageId, AuditAction Action, string ActorName, DateTime OccurredUtc, string? To, string? Subject, OutboxStatus? StatusNow);

    /// <param name="AtUtc">When the counts were taken, to say how long the oldest message has waited.</param>
    /// <param name="OlderThan">Where the next page starts, when there are older dead letters than these.</param>
    public sealed record Overview(
        DateTime AtUtc, OutboxHealth Health, IReadOnlyList<string> Problems, MailServerCheck Server, IReadOnlyList<DeadLetter> DeadLetters, long? OlderThan,
        IReadOnlyList<MailAction> RecentActions);

    /// <summary>The page in one call: health, whether the server answers, the dead letters asked for, and recent actions.</summary>
    public async Task<Overview> OverviewAsync(DeadLetterQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The server check waits on the network, the rest on the database: let them overlap.
        var server = CheckServerAsync(cancellationToken);
        var health = await HealthAsync(cancellationToken);
        var (deadLetters, olderThan) = await DeadLettersAsync(query, cancellationToken);
        var recent = await RecentActionsAsync(cancellationToken);
        var now = Now();
        var problems = health.Problems(now, TimeSpan.FromMinutes(options.Value.HealthOldestPendingMinutes));
        return new Overview(now, health, problems, await server, deadLetters, olderThan, recent);
    }

    /// <summary>Counts, each answered from an index, so the page stays quick when the table holds a city's mail.</summary>
    public async Task<OutboxHealth> HealthAsync(CancellationToken cancellationToken = default)
    {
        var now = Now();
        var hourAgo = now.AddHours(-1);
        var dayAgo = now.AddDays(-1);
        var messages = db.OutboxMessages.AsNoTracking();
        var pending = await messages.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        // A lease is only set while a run holds the row, so the few rows with a token are all there is to look at.
        var leased = await messages.CountAsync(m => m.LockToken != null && m.LockedUntilUtc > now && m.Status == OutboxStatus.Pending, cancellationToken);
        var sentLastHour = await messages.CountAsync(m => m.SentUtc >= hourAgo, cancellationToken);
        var sentLastDay = await messages.CountAsync(m => m.SentUtc >= dayAgo, cancellationToken);
        var oldestPending = await messages.Where(m => m.Status == OutboxStatus.Pending).MinAsync(m => (DateTime?)m.CreatedUtc, cancellationToken);
        var deadLetters = await messages.CountAsync(m => m.Status == OutboxStatus.DeadLettered, cancellationToken);
        return new OutboxHealth(pending, leased, sentLastHour, sentLastDay, AsUtc(oldestPending), deadLetters);
    }

    /// <summary>
    /// Opens a session the way a delivery run does (connect, greeting, EHLO, TLS and sign-in as
    /// configured), sends nothing, and closes it, within <see cref="MailOptions.ServerCheckTimeout"/>.
    /// </summary>
    public async Task<MailServerCheck> CheckServerAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (gateway is PickupDirectoryMailGateway)
            return new MailServerCheck(MailServerState.WritesToFolder, $"Mail is written to a folder ({settings.PickupDirectory}), not sent: no mail server is set.");

        var server = $"{settings.SmtpHost}:{settings.SmtpPort.ToString(CultureInfo.InvariantCulture)}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ServerCheckTimeout);
        try
        {
            await using (await gateway.OpenAsync(timeout.Token))
                return new MailServerCheck(MailServerState.Answers, $"The mail server {server} answers.");
        }
        catch (MailGatewayUnavailableException ex)
        {
            return new MailServerCheck(MailServerState.DoesNotAnswer, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = (int)Math.Ceiling(settings.ServerCheckTimeout.TotalSeconds);
            return new MailServerCheck(MailServerState.DoesNotAnswer,
                $"The mail server {server} did not answer within {seconds.ToString(CultureInfo.InvariantCulture)} second{(seconds == 1 ? "" : "s")}.");
        }
    }

    /// <summary>Puts dead letters back in the queue; the next delivery run (queued once this commits) sends each once.</summary>
    /// <returns>How many were put back; not found if any id is unknown; invalid, changing nothing, if any is not a dead letter.</returns>
    public Task<Result<int>> RetryAsync(Actor actor, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        ActAsync(actor, ids, AuditAction.MailRetried, cancellationToken);

    /// <summary>Gives up on dead letters: kept, never sent, no longer counted.</summary>
    public Task<Result<int>> DiscardAsync(Actor actor, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        ActAsync(actor, ids, AuditAction.MailDiscarded, cancellationToken);

    private async Task<Result<int>> ActAsync(Actor actor, IReadOnlyCollection<long> ids, AuditAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(ids);
        var verb = action == AuditAction.MailRetried ? "retried" : "discarded";
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return Result.Invalid("Ids", $"Tick the messages to be {verb} first.");
        if (wanted.Count > MaxPerAction)
            return Result.Invalid("Ids", $"Choose at most {MaxPerAction} messages at a time.");

        var messages = await db.OutboxMessages.Where(m => wanted.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        if (messages.Count != wanted.Count)
            return Result.NotFound();
        if (messages.FirstOrDefault(m => !m.IsDeadLetter) is { } moved)
            return Result.Invalid("Ids", $"The message to {moved.To} ({moved.Subject}) {Describe(moved.Status)}, so it was not {verb}. Nothing was changed.");

        var now = Now();
        foreach (var message in messages)
        {
            var details = $"{message.Kind} to {message.To}: {message.Subject}. After {message.Attempts} attempt(s): {message.LastError}";
            if (action == AuditAction.MailRetried)
                message.Requeue(now);
            else
                message.Discard();
            db.AuditEvents.Add(AuditEvent.Record(action, actor.UserId, AuditSubject.OutboxMessage, message.Id.ToString(CultureInfo.InvariantCulture), now,
                ipAddress: actor.IpAddress, details: details));
        }

        if (action == AuditAction.MailRetried)
            outbox.DeliverAfterCommit();
        try
        {
            // One save: the changes and their audit events commit together or not at all.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Invalid("Ids", $"One of these messages was changed a moment ago (by another admin, or a delivery run), so none was {verb}. Look at the list again.");
        }

        return Result.Done(messages.Count);
    }

    private static string Describe(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "is waiting to be sent, not a dead letter",
        OutboxStatus.Sent => "has already been sent",
        OutboxStatus.Discarded => "was discarded",
        _ => $"is {status}",
    };

    private async Task<(IReadOnlyList<DeadLetter> Page, long? OlderThan)> DeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        var rows = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.DeadLettered);
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var text = search.Length > MaxSearchLength ? search[..MaxSearchLength] : search;
            // Lower-cased on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
            var pattern = "%" + text.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            rows = rows.Where(m => EF.Functions.Like(m.To.ToLower(), pattern, @"\") || EF.Functions.Like(m.Subject.ToLower(), pattern, @"\"));
        }

        if (query.Kind is { } kind)
            rows = rows.Where(m => m.Kind == kind);
        if (query.Before is { } before)
            rows = rows.Where(m => m.Id < before);

        // Dead letters are few (a rejected message spends its attempts; an outage spends none), so sorting them is cheap.
        var page = await rows.OrderByDescending(m => m.Id).Take(PageSize + 1)
            .Select(m => new { m.Id, m.To, m.Subject, m.Kind, m.Attempts, m.LastError, m.CreatedUtc, m.LastAttemptUtc })
            .ToListAsync(cancellationToken);
        var shown = page.Take(PageSize).ToList();
        var history = (await ActionsOnAsync(shown.Select(m => m.Id).ToList(), cancellationToken)).ToLookup(a => a.MessageId);
        var letters = shown.Select(m => new DeadLetter(m.Id, m.To, m.Subject, m.Kind, m.Attempts, m.LastError, AsUtc(m.CreatedUtc), AsUtc(m.LastAttemptUtc),
            [.. history[m.Id]])).ToList();
        return (letters, page.Count > PageSize ? shown[^1].Id : null);
    }

    /// <summary>What admins did to these messages, newest first.</summary>
    private async Task<IReadOnlyList<MailAction>> ActionsOnAsync(List<long> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
            return [];
        var subjectIds = messageIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var events = await Named(db.AuditEvents.AsNoTracking().Where(e => e.SubjectKind == AuditSubject.OutboxMessage && subjectIds.Contains(e.SubjectId)))
            .ToListAsync(cancellationToken);
        return [.. events.OrderByDescending(e => e.Event.OccurredUtc).ThenByDescending(e => e.Event.Id)
            .Select(e => new MailAction(long.Parse(e.Event.SubjectId, CultureInfo.InvariantCulture), e.Event.Action, e.Name, AsUtc(e.Event.OccurredUtc), null, null, null))];
    }

    private async Task<IReadOnlyList<MailAction>> RecentActionsAsync(CancellationToken cancellationToken)
    {
        var events = await Named(db.AuditEvents.AsNoTracking()
                .Where(e => e.Action == AuditAction.MailRetried || e.Action == AuditAction.MailDiscarded)
                .OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id).Take(RecentActionCount))
            .ToListAsync(cancellationToken);
        var ids = events.Select(e => long.Parse(e.Event.SubjectId, CultureInfo.InvariantCulture)).Distinct().ToList();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.To, m.Subject, m.Status }).ToDictionaryAsync(m => m.Id, cancellationToken);
        return [.. events.OrderByDescending(e => e.Event.OccurredUtc).ThenByDescending(e => e.Event.Id).Select(e =>
        {
            var id = long.Parse(e.Event.SubjectId, CultureInfo.InvariantCulture);
            var message = messages.GetValueOrDefault(id);
            return new MailAction(id, e.Event.Action, e.Name, AsUtc(e.Event.OccurredUtc), message?.To, message?.Subject, message?.Status);
        })];
    }

    /// <summary>Each event with the name of whoever did it (their email when they gave no name; "someone" once the account is gone).</summary>
    private IQueryable<NamedEvent> Named(IQueryable<AuditEvent> events) =>
        from e in events
        join u in db.Users on e.ActorUserId equals u.Id into actors
        from u in actors.DefaultIfEmpty()
        select new NamedEvent(e, u == null ? "someone whose account is gone" : PortalUser.ShownName(u.DisplayName, u.Email));

    private sealed record NamedEvent(AuditEvent Event, string Name);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    // SQLite hands DateTimes back without a kind; everything stored is UTC.
    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? AsUtc(DateTime? value) => value is { } v ? AsUtc(v) : null;
}

public enum MailServerState
{
    Answers,
    DoesNotAnswer,

    /// <summary>The pickup-folder gateway: nothing is sent, so there is no server to ask.</summary>
    WritesToFolder,
}

public sealed record MailServerCheck(MailServerState State, string Description);
