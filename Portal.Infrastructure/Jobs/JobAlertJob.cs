using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// last-run time: a rerun, a retry, a killed run or a second node sends every window once.
/// </summary>
public sealed class JobAlertJob(PortalDbContext db, JobSearch search, PostcodeDistricts postcodes, Outbox outbox, TimeProvider clock, IOptions<MailOptions> mail, ILogger<JobAlertJob> logger)
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

    /// <returns>How many digests were queued.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var batches = 0;
        // Each alert run leaves the due set (its last run moves on), so the loop ends.
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var (dailyDue, weeklyDue) = (now.AddDays(-1), now.AddDays(-7));
            var due = await db.Set<SavedSearch>()
                .Where(s => (s.Frequency == AlertFrequency.Daily && s.LastRunAtUtc <= dailyDue) || (s.Frequency == AlertFrequency.Weekly && s.LastRunAtUtc <= weeklyDue))
                .OrderBy(s => s.Id).Take(BatchSize)
                .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Alert = s, u.Email, u.DisplayName, u.EmailConfirmed })
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
                return sent;
            foreach (var row in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await RunOneAsync(row.Alert, row.EmailConfirmed ? row.Email : null, row.DisplayName, now - Settle, cancellationToken))
                    sent++;
            }
            db.ChangeTracker.Clear();
            if (AfterBatch is { } hook)
                await hook(++batches);
        }
    }

    private async Task<bool> RunOneAsync(SavedSearch alert, string? email, string? name, DateTime cutoff, CancellationToken cancellationToken)
    {
        var query = JobQueryString.Parse(alert.Query, postcodes) with { PublishedAfter = alert.LastRunAtUtc, PublishedUpTo = cutoff, Sort = JobSort.Relevance };
        var results = await search.SearchAsync(query with { Page = 1 }, cancellationToken);
        var window = alert.LastRunAtUtc;
        var queued = false;
        if (results.Total > 0 && email is not null)
        {
            outbox.Enqueue(Digest(alert, email, name, results), dedupeKey: string.Create(CultureInfo.InvariantCulture, $"job-alert:{alert.Id:N}:{window.Ticks}"));
            queued = true;
        }
        alert.Ran(cutoff);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return queued;
        }
        catch (DbUpdateException)
        {
            // Either the guard on the old last-run time or the digest's dedupe key: another run (a
            // retry, or another node) did this window first, and its email stands. Anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await db.Set<SavedSearch>().AnyAsync(s => s.Id == alert.Id && s.LastRunAtUtc > window, cancellationToken))
            {
                logger.LogInformation("Job alert {AlertId} was run elsewhere at the same time; skipped here", alert.Id);
                return false;
            }
            throw;
        }
    }

    private OutgoingMail Digest(SavedSearch alert, string email, string? name, JobResults results)
    {
        var site = mail.Value.SiteUrl.TrimEnd('/');
        var text = new StringBuilder();
        text.Append(string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},").Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{(results.Total == 1 ? "A new job matches" : $"{results.Total} new jobs match")} your job alert '{alert.Name}':\n\n");
        foreach (var job in results.Jobs.Take(MaxListed))
        {
            text.Append(CultureInfo.InvariantCulture, $"{job.Title}\n{job.OrganisationName}, {job.District}. £{job.HourlyPay:0.00} an hour, {job.HoursPerWeek:0.#} hours a week");
            if (job.Badges.Count > 0)
                text.Append(". ").Append(string.Join(", ", job.Badges));
            text.Append(CultureInfo.InvariantCulture, $"\n{site}/jobs/{job.Id}\n\n");
        }
        if (results.Total > MaxListed)
            text.Append(CultureInfo.InvariantCulture, $"See all {results.Total}: {site}/jobs?{alert.Query}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Change or stop your job alerts: {site}/profile/alerts\n");
        var subject = results.Total == 1 ? $"A new job for '{alert.Name}'" : $"{results.Total} new jobs for '{alert.Name}'";
        return new OutgoingMail(email, subject, text.ToString());
    }
}
