using Hangfire;

namespace Portal.Infrastructure.Jobs;

/// <summary>Every recurring job, registered in one place with a constant id so each node's registration is the same row.</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        // Schedules are UK wall-clock times (02:30 stays 02:30 through summer time), and the
        // dashboard's recurring-jobs page shows each job's next run in that zone.
        var uk = new RecurringJobOptions { TimeZone = UkTime.Zone };
        manager.AddOrUpdate<OutboxDeliveryJob>(OutboxDeliveryJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), uk);
        manager.AddOrUpdate<JobAlertJob>(JobAlertJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), uk);
        // Hourly, so someone whose quiet hours covered one run is reminded at the first run after them.
        manager.AddOrUpdate<ReminderJob>(ReminderJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly(15), uk);
        // Nightly, when nobody is waiting on it: the backstop that rebuilds every match from our tables.
        manager.AddOrUpdate<MatchJob>(MatchJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(2, 30), uk);
        // Monday morning, after the nightly run, outside anyone's default quiet hours.
        manager.AddOrUpdate<MatchEmailJob>(MatchEmailJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Weekly(DayOfWeek.Monday, 8), uk);
        // Nightly, after matching: the retention schedule (decision 0036).
        manager.AddOrUpdate<RetentionJob>(RetentionJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3, 45), uk);
        // The insight pages' figures: this month and last every hour, every month weekly (erasures change old months).
        manager.AddOrUpdate<Insight.InsightRollupJob>(Insight.InsightRollupJob.RecurringId, job => job.RunAsync(false, CancellationToken.None), Cron.Hourly(40), uk);
        manager.AddOrUpdate<Insight.InsightRollupJob>(Insight.InsightRollupJob.FullRecurringId, job => job.RunAsync(true, CancellationToken.None), Cron.Weekly(DayOfWeek.Sunday, 4, 30), uk);
        // Mid-morning, so the "still in work?" email arrives in the day.
        manager.AddOrUpdate<CheckInJob>(CheckInJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(10, 0), uk);
        // Daily: recognised passport credentials against their issuers' status lists (a revoked one stops counting).
        manager.AddOrUpdate<RecognitionCheckJob>(RecognitionCheckJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(4, 15), uk);
    }
}
