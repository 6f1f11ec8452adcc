using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Notifications;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Runs the job alerts that are due (daily after a day, weekly after a week) and emails each
/// person one digest of the vacancies first published in the window since the alert last ran.
/// Each alert's digest and its new last-run time are saved together, guarded by the old
/// last-run time: a rerun, a retry, a killed run or a second node sends every window once. An
/// alert whose digest fails is logged and counted and keeps its window, so the next run sends it;
/// the others are not held up.
/// </summary>
public sealed class JobAlertJob(PortalDbContext db, JobSearch search, PostcodeDistricts postcodes, Outbox outbox, MailTemplates templates, TimeProvider clock, ILogger<JobAlertJob> logger)
{
    public const string RecurringId = "job-alerts";
    /// <summary>Alerts per batch; the batch is committed alert by alert.</summary>
    internal int BatchSize { get; set; } = 100;

    /// <summary>Jobs listed in one email; the rest are a link away.</summary>
    public const int MaxListed = 10;

    /// <summary>
    /// How far behind the clock a window ends: a vacancy published on another node reaches this
    /// node's job index within seconds, so it belongs to the next window, never to none.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    /// <summary>Runs between batches; tests use it to kill a run part-way.</summary>
    internal Func<int, Task>? AfterBatch { get; set; }

    public async Task<BatchJobSummary> RunAsync(CancellationToken cancellationToken)
    {
        var summary = await InIdOrder.ForEachBatchAsync(
            Guid.Empty,
            async (after, take, ct) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var (dailyDue, weeklyDue) = (now.AddDays(-1), now.AddDays(-7));
                var due = await db.Set<SavedSearch>().AsNoTracking()
                    .Where(s => s.Id.CompareTo(after) > 0
                        && ((s.Frequency == AlertFrequency.Daily && s.LastRunAtUtc <= dailyDue) || (s.Frequency == AlertFrequency.Weekly && s.LastRunAtUtc <= weeklyDue)))
                    .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Alert = s, u.Email, u.EmailConfirmed, u.DisplayName })
                    .OrderBy(d => d.Alert.Id).Take(take)
                    .ToListAsync(ct);
                return due.ConvertAll(d => new Due(d.Alert, d.EmailConfirmed ? d.Email : null, d.DisplayName));
            },
            due => due.Alert.Id,
            BatchSize,
            async (batch, tally, ct) =>
            {
                var cutoff = clock.GetUtcNow().UtcDateTime - Settle;
                foreach (var due in batch)
                {
                    ct.ThrowIfCancellationRequested();
                    await tally.TryAsync("alert", due.Alert.Id, async () =>
                    {
                        if (await RunOneAsync(due, cutoff, ct))
                            tally.Sent();
                    }, db.ChangeTracker.Clear);
                }
            },
            new BatchTally(logger, RecurringId, cancellationToken),
            AfterBatch,
            cancellationToken);
        logger.LogInformation("Job alerts: {Summary}", summary);
        return summary;
    }

    private sealed record Due(SavedSearch Alert, string? Email, string? Name);

    private async Task<bool> RunOneAsync(Due due, DateTime cutoff, CancellationToken cancellationToken)
    {
        var alert = due.Alert;
        var query = JobQueryString.Parse(alert.Query, postcodes) with { PublishedAfter = alert.LastRunAtUtc, PublishedUpTo = cutoff, Sort = JobSort.Relevance };
        var results = await search.SearchAsync(query with { Page = 1 }, cancellationToken);
        var window = alert.LastRunAtUtc;
        var queued = false;
        if (results.Total > 0 && due.Email is not null)
        {
            outbox.Enqueue(await DigestAsync(alert, due.Email, due.Name, results), dedupeKey: string.Create(CultureInfo.InvariantCulture, $"job-alert:{alert.Id:N}:{window.Ticks}"));
            queued = true;
        }
        // Tracked from here, so its new last-run time is saved guarded by the one it was read with.
        db.Attach(alert);
        alert.Ran(cutoff);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return queued;
        }
        catch (DbUpdateException)
        {
            // Either the guard on the old last-run time or the digest's dedupe key: another run (a
            // retry, or another node) did this window first, and its email stands. Anything else is
            // this alert's failure.
            db.ChangeTracker.Clear();
            if (await db.Set<SavedSearch>().AnyAsync(s => s.Id == alert.Id && s.LastRunAtUtc > window, cancellationToken))
            {
                logger.LogInformation("Job alert {AlertId} was run elsewhere at the same time; skipped here", alert.Id);
                return false;
            }
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Task<OutgoingMail> DigestAsync(SavedSearch alert, string email, string? name, JobResults results)
    {
        var site = templates.Site;
        var jobs = results.Jobs.Take(MaxListed)
            .Select(j => new JobAlertMail.Job(j.Title, j.OrganisationName, j.District, j.HourlyPay, j.HoursPerWeek, j.Badges, site.Link($"/jobs/{j.Id}")))
            .ToList();
        return templates.RenderAsync<JobAlertMail>(email, JobAlertMail.Subject(results.Total, alert.Name), new JobAlertMail.Model(
            name, alert.Name, results.Total, jobs, results.Total > MaxListed ? site.Link($"/jobs?{alert.Query}") : null, site.Link("/profile/alerts")));
    }
}
