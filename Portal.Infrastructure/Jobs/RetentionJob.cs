using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;
using Portal.Domain.Privacy;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Jobs;

/// <summary>What a retention run removed, rule by rule.</summary>
public sealed record RetentionSummary(int UnconfirmedAccounts, int Applications, int MailBodies, int Mail, int AuditEvents, int KeptEvidence)
{
    /// <summary>Talent hub cases (withdrawn, or closed long enough ago) removed with their plans and notes.</summary>
    public int NavigationCases { get; init; }

    /// <summary>Answers to phones' offline syncs past their days.</summary>
    public int OfflineReceipts { get; init; }

    /// <summary>Sharded match runs past their days, with their shards and working rows.</summary>
    public int MatchRuns { get; init; }

    public override string ToString() =>
        $"{UnconfirmedAccounts:N0} unconfirmed accounts, {Applications:N0} applications, {MailBodies:N0} mail bodies, {Mail:N0} emails, {AuditEvents:N0} audit events, {KeptEvidence:N0} kept evidence rows, {NavigationCases:N0} hub cases, {OfflineReceipts:N0} offline sync answers, {MatchRuns:N0} match runs removed";
}

/// <summary>
/// Applies the retention schedule (decision 0036, periods under "Retention"). Every rule removes
/// rows past a cut-off worked out from now, in statements that each commit whole, so running it
/// twice removes nothing more and a run killed at any line leaves the rest for the next one; an
/// unconfirmed account goes with everything keyed to it, one account per transaction.
/// </summary>
public sealed class RetentionJob(PortalDbContext db, Erasure erasure, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
{
    public const string RecurringId = "retention";

    /// <summary>Unconfirmed accounts read per batch.</summary>
    internal int BatchSize { get; set; } = 100;

    public async Task<RetentionSummary> RunAsync(CancellationToken cancellationToken)
    {
        var schedule = options.Value.Schedule();
        var now = clock.GetUtcNow().UtcDateTime;
        var summary = new RetentionSummary(
            await UnconfirmedAccountsAsync(schedule, now, cancellationToken),
            await ApplicationsAsync(schedule, now, cancellationToken),
            await MailBodiesAsync(cancellationToken),
            await MailAsync(schedule, now, cancellationToken),
            await AuditEventsAsync(schedule, now, cancellationToken),
            await KeptEvidenceAsync(now, cancellationToken))
        {
            NavigationCases = await Navigation.NavigationRecords.RemoveExpiredAsync(db, schedule, now, cancellationToken),
            OfflineReceipts = await OfflineReceiptsAsync(schedule, now, cancellationToken),
            MatchRuns = await MatchRunsAsync(schedule, now, cancellationToken),
        };
        logger.LogInformation("Retention: {Summary}", summary);
        return summary;
    }

    private Task<int> OfflineReceiptsAsync(RetentionSchedule schedule, DateTime now, CancellationToken cancellationToken)
    {
        var before = schedule.OfflineReceiptsBefore(now);
        return db.Set<Portal.Domain.Training.Offline.OfflineReceipt>().Where(r => r.ReceivedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Finished and abandoned runs past their days go with their shards and working rows (which have
    /// no foreign key), all in one transaction; an unfinished run is the nightly job's to supersede,
    /// and the latest completed run stays as the last good night's figures.
    /// </summary>
    private async Task<int> MatchRunsAsync(RetentionSchedule schedule, DateTime now, CancellationToken cancellationToken)
    {
        var before = schedule.MatchRunsFinishedBefore(now);
        var latest = db.Set<MatchRun>().Where(r => r.State == MatchRunState.Completed).OrderByDescending(r => r.FinishedAtUtc).Select(r => r.Id).Take(1);
        var old = db.Set<MatchRun>()
            .Where(r => (r.State == MatchRunState.Completed || r.State == MatchRunState.Abandoned) && r.FinishedAtUtc < before && !latest.Contains(r.Id))
            .Select(r => r.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<MatchRunCandidate>().Where(c => old.Contains(c.RunId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchRunPlace>().Where(p => old.Contains(p.RunId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchRunPerson>().Where(p => old.Contains(p.RunId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MatchRunShard>().Where(s => old.Contains(s.RunId)).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.Set<MatchRun>().Where(r => old.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private async Task<int> UnconfirmedAccountsAsync(RetentionSchedule schedule, DateTime now, CancellationToken cancellationToken)
    {
        var before = schedule.UnconfirmedAccountsCreatedBefore(now);
        var erased = 0;
        var after = "";
        while (true)
        {
            // By id, after the last one looked at: an account that fails to go is not read again in this run.
            var batch = await db.Users.AsNoTracking()
                .Where(u => !u.EmailConfirmed && u.CreatedUtc < before && u.Id.CompareTo(after) > 0)
                .OrderBy(u => u.Id).Select(u => u.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                return erased;
            foreach (var id in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if ((await erasure.EraseAsync(id, cancellationToken)).IsDone)
                    erased++;
                db.ChangeTracker.Clear();
            }

            after = batch[^1];
        }
    }

    private async Task<int> ApplicationsAsync(RetentionSchedule schedule, DateTime now, CancellationToken cancellationToken)
    {
        var closedBefore = schedule.ApplicationsOfVacanciesClosedBefore(UkTime.Today(now));
        var old = db.Set<Application>().Where(a => db.Set<Vacancy>().Any(v => v.Id == a.VacancyId && v.Details.ClosingDate < closedBefore)).Select(a => a.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<ApplicationEvent>().Where(e => old.Contains(e.ApplicationId)).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.Set<Application>().Where(a => old.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>Sending clears a body (it may hold a one-time link); this catches any row that still holds one.</summary>
    private Task<int> MailBodiesAsync(CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Discarded) && (m.TextBody != "" || m.HtmlBody != null))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, (string?)null), cancellationToken);

    /// <summary>Mail still to go, or dead letters waiting for an admin, stay whatever their age.</summary>
    private Task<int> MailAsync(RetentionSchedule schedule, DateTime now, CancellationToken cancellationToken)
    {
        var before = schedule.MailCreatedBefore(now);
        return db.OutboxMessages.Where(m => (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Discarded) && m.CreatedUtc < before)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Past its period an event goes; the append-only guard is on the change tracker, which this bypasses on purpose.</summary>
    private Task<int> AuditEventsAsync(RetentionSchedule schedule, DateTime now, CancellationToken cancellationToken)
    {
        var before = schedule.AuditEventsBefore(now);
        return db.AuditEvents.Where(e => e.OccurredUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    private Task<int> KeptEvidenceAsync(DateTime now, CancellationToken cancellationToken) =>
        db.Set<KeptEvidence>().Where(e => e.KeepUntilUtc <= now).ExecuteDeleteAsync(cancellationToken);
}
