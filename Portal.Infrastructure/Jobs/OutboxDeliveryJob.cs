using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Sends what the outbox holds. Safe to run twice at once and safe to kill at any line:
/// rows are claimed with a lease, each send is recorded before the next, and a killed run's
/// lease simply runs out (<see cref="Lease"/> after its last renewal). Runs side by side share the
/// work: one that loses the race for rows claims the next free ones. Asked to stop (the host
/// shutting down), a run finishes the message in hand, records it and hands the rest back at
/// once. A crash between the server accepting a message and the row being marked sent can
/// resend that one message, so each run in flight at a crash can repeat at most one; its
/// Message-Id stays the same so receivers can tell.
/// </summary>
public sealed class OutboxDeliveryJob(
    PortalDbContext db,
    IMailGateway gateway,
    TimeProvider time,
    IOptions<MailOptions> options,
    ILogger<OutboxDeliveryJob> logger)
{
    public const string RecurringId = "outbox-delivery";
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <returns>How many messages were handed to the mail server.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var policy = new OutboxRetryPolicy(settings.MaxAttempts, OutboxRetryPolicy.Default.FirstDelay, OutboxRetryPolicy.Default.MaxDelay);
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ClaimBatchAsync(settings.BatchSize);
            if (batch.Count == 0)
                break;

            var (batchSent, serverAvailable) = await SendBatchAsync(batch, policy, settings, cancellationToken);
            sent += batchSent;
            if (!serverAvailable)
                break;
        }

        return sent;
    }

    /// <returns>The rows this run now holds; empty only when nothing is left to claim.</returns>
    private async Task<List<OutboxMessage>> ClaimBatchAsync(int size)
    {
        // Not cancellable once started: a claim cut off between its UPDATE and the read-back would
        // hold rows for a whole lease with nobody to hand them back.
        while (true)
        {
            var now = Now();
            var token = Guid.NewGuid();
            // Mail a person is waiting for goes before a bulk run's backlog: a confirmation link
            // queued behind 17,000 reminders would otherwise wait for all of them. Each batch looks
            // again, so such a message waits at most for the batch being sent when it arrived.
            var candidates = await Candidates(db.OutboxMessages.Where(Claimable(now)).Where(m => MailKinds.Prompt.Contains(m.Kind)), size);
            if (candidates.Count == 0)
                candidates = await Candidates(db.OutboxMessages.Where(Claimable(now)), size);
            if (candidates.Count == 0)
                return [];

            // The condition is checked again in the UPDATE so that of two runs racing for a row, one wins.
            var leaseUntil = now + Lease;
            await db.OutboxMessages
                .Where(m => candidates.Contains(m.Id))
                .Where(Claimable(now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, token).SetProperty(m => m.LockedUntilUtc, leaseUntil), CancellationToken.None);

            db.ChangeTracker.Clear();
            var claimed = await db.OutboxMessages.Where(m => m.LockToken == token).OrderBy(m => m.Id).ToListAsync(CancellationToken.None);
            // Another run took every one of these first: what it took is no longer claimable, so
            // the next look finds the rows after them (or nothing, and the run ends).
            if (claimed.Count > 0)
                return claimed;
        }
    }

    /// <summary>The oldest of these rows' ids, up to <paramref name="size"/>.</summary>
    private static Task<List<long>> Candidates(IQueryable<OutboxMessage> claimable, int size) =>
        claimable.OrderBy(m => m.Id).Select(m => m.Id).Take(size).ToListAsync(CancellationToken.None);

    /// <summary>Due, still pending, and not leased by a run that is still within its lease.</summary>
    private static Expression<Func<OutboxMessage, bool>> Claimable(DateTime now) =>
        m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now);

    private async Task<(int Sent, bool ServerAvailable)> SendBatchAsync(
        List<OutboxMessage> batch, OutboxRetryPolicy policy, MailOptions settings, CancellationToken cancellationToken)
    {
        var sent = 0;
        IMailConnection connection;
        try
        {
            connection = await gateway.OpenAsync(cancellationToken);
        }
        catch (MailGatewayUnavailableException ex)
        {
            await DeferAsync(batch, ex.Message, settings, CancellationToken.None);
            logger.LogWarning("Mail server unavailable; {Count} message(s) wait in the outbox: {Reason}", batch.Count, ex.Message);
            return (0, false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(batch, settings);
            return (0, true);
        }

        await using (connection)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                if (cancellationToken.IsCancellationRequested)
                {
                    await ReleaseAsync(batch.Skip(i), settings);
                    return (sent, true);
                }

                // A slow batch can outlive its lease; renewing before each send means a row is only ever
                // sent by the run that holds it, and one whose lease was taken over is left alone.
                if (!await RenewLeaseAsync(message))
                {
                    db.Entry(message).State = EntityState.Detached;
                    continue;
                }

                try
                {
                    // The message in hand is finished even when the run is asked to stop: cut off
                    // mid-send, the server may have it while the row says pending, which is the
                    // resend a crash can cause. The SMTP timeout bounds the wait.
                    await connection.SendAsync(message.ToMail(), MessageIdFor(message, settings), CancellationToken.None);
                    message.MarkSent(Now());
                    sent++;
                }
                catch (MailGatewayUnavailableException ex)
                {
                    // The session died during this message: it may be the cause (a size limit, say), so it
                    // spends an attempt and cannot block the queue for ever; the rest wait without cost.
                    message.RecordFailure(ex.Message, Now(), policy);
                    await DeferAsync(batch.Skip(i + 1), ex.Message, settings, CancellationToken.None);
                    logger.LogWarning("Mail server went away mid-batch; {Count} message(s) wait: {Reason}", batch.Count - i, ex.Message);
                    return (sent, false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    message.RecordFailure($"{ex.GetType().Name}: {ex.Message}", Now(), policy);
                    if (message.Status == OutboxStatus.DeadLettered)
                        logger.LogError(ex, "Outbox message {Id} dead-lettered after {Attempts} attempts", message.Id, message.Attempts);
                    else
                        logger.LogWarning(ex, "Outbox message {Id} failed (attempt {Attempts}); will retry at {Next:u}", message.Id, message.Attempts, message.NextAttemptUtc);
                }

                // One save per message: a crash here can repeat at most the message just sent.
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }

        return (sent, true);
    }

    private async Task<bool> RenewLeaseAsync(OutboxMessage message)
    {
        var token = message.LockToken;
        var leaseUntil = Now() + Lease;
        return await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.LockToken == token && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, leaseUntil), CancellationToken.None) == 1;
    }

    /// <summary>The run was asked to stop: hand the unsent rows back at once rather than leave them waiting out the lease.</summary>
    private Task ReleaseAsync(IEnumerable<OutboxMessage> unsent, MailOptions settings) =>
        DeferAsync(unsent, "Delivery run stopped", settings, CancellationToken.None, retryNow: true);

    private async Task DeferAsync(IEnumerable<OutboxMessage> messages, string reason, MailOptions settings, CancellationToken cancellationToken, bool retryNow = false)
    {
        var retryAt = retryNow ? Now() : Now() + settings.UnavailableRetryDelay;
        foreach (var message in messages)
            message.Defer(reason, retryAt);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string MessageIdFor(OutboxMessage message, MailOptions settings)
    {
        var domain = settings.FromAddress[(settings.FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..];
        return $"outbox.{message.CreatedUtc:yyyyMMddHHmmss}.{message.Id}@{domain}";
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
