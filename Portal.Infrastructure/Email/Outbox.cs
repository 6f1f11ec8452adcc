using Hangfire;
using Microsoft.Extensions.Logging;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;

namespace Portal.Infrastructure.Email;

/// <summary>
/// Adds mail to the outbox in the caller's unit of work: nothing is written until the caller's
/// SaveChanges (inside the caller's transaction, if any), so the change and its email commit
/// together or not at all. Once committed, a delivery run is queued at once; the recurring run is
/// the safety net if that queueing is lost.
/// </summary>
public sealed class Outbox(PortalDbContext db, TimeProvider time, IBackgroundJobClient jobs, ILogger<Outbox> logger)
{
    private bool _deliveryHooked;

    /// <param name="kind">What the mail is for; when not named, read from the dedupe key's prefix.</param>
    public OutboxMessage Enqueue(OutgoingMail mail, string? dedupeKey = null, MailKind? kind = null)
    {
        var message = OutboxMessage.Create(mail, time.GetUtcNow().UtcDateTime, dedupeKey, kind ?? MailKinds.FromDedupeKey(dedupeKey));
        db.OutboxMessages.Add(message);
        DeliverAfterCommit();
        return message;
    }

    /// <summary>Queues a delivery run once the caller's next save commits: for messages put back in the queue rather than added.</summary>
    public void DeliverAfterCommit()
    {
        if (_deliveryHooked)
            return;
        _deliveryHooked = true;
        db.SavedChanges += (_, _) => db.AfterCommit(QueueDelivery);
    }

    private void QueueDelivery()
    {
        try
        {
            jobs.Enqueue<OutboxDeliveryJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The mail is safe in the table; the recurring delivery run will pick it up.
            logger.LogWarning(ex, "Could not queue an immediate outbox delivery run");
        }
    }
}
