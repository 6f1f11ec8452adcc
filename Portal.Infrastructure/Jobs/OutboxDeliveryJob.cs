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
/// lease simply runs out. A crash between the server accepting a message and the row being
/// marked sent can resend that one message; its Message-Id stays the same so receivers can tell.
/// </summary>
public sealed class OutboxDeliveryJob(
    PortalDbContext db,
    IMailGateway gateway,
    TimeProvider time,
    IOptions<MailOptions> options,
    ILogger<OutboxDeliveryJob> logger)
{
    public const string RecurringId = "outbox-delivery";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <returns>How many messages were handed to the mail server.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var policy = new OutboxRetryPolicy(settings.MaxAttempts, OutboxRetryPolicy.Default.FirstDelay, OutboxRetryPolicy.Default.MaxDelay);
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ClaimBatchAsync(settings.BatchSize, cancellationToken);
            if (batch.Count == 0)
                break;

            var (batchSent, serverAvailable) = await SendBatchAsync(batch, policy, settings, cancellationToken);
            sent += batchSent;
            if (!serverAvailable)
                break;
        }

        return sent;
    }

    private async Task<List<OutboxMessage>> ClaimBatchAsync(int size, CancellationToken cancellationToken)
    {
        var now = Now();
        var token = Guid.NewGuid();
        var candidates = await db.OutboxMessages
            .Where(Claimable(now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(size)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return [];

        // The condition is checked again in the UPDATE so that of two runs racing for a row, one wins.
        var leaseUntil = now + Lease;
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id))
            .Where(Claimable(now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, token).SetProperty(m => m.LockedUntilUtc, leaseUntil), cancellationToken);

        db.ChangeTracker.Clear();
        return await db.OutboxMessages.Where(m => m.LockToken == token).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

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

        await using (connection)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                if (cancellationToken.IsCancellationRequested)
                {
                    // Hand the unsent rest back at once rather than waiting for the lease to run out.
                    await DeferAsync(batch.Skip(i), "Delivery run stopped", settings, CancellationToken.None, retryNow: true);
                    return (sent, true);
                }

                // A slow batch can outlive its lease; renewing before each send means a row is only ever
                // sent by the run that holds it, and one whose lease was taken over is left alone.
                if (!await RenewLeaseAsync(message, cancellationToken))
                {
                    db.Entry(message).State = EntityState.Detached;
                    continue;
                }

                try
                {
                    await connection.SendAsync(message.ToMail(), MessageIdFor(message, settings), cancellationToken);
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

    private async Task<bool> RenewLeaseAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var token = message.LockToken;
        var leaseUntil = Now() + Lease;
        return await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.LockToken == token && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, leaseUntil), cancellationToken) == 1;
    }

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
