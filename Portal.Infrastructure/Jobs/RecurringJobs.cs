using Hangfire;

namespace Portal.Infrastructure.Jobs;

/// <summary>Every recurring job, registered in one place with a constant id so each node's registration is the same row.</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdate<OutboxDeliveryJob>(OutboxDeliveryJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        manager.AddOrUpdate<JobAlertJob>(JobAlertJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        // Hourly, so someone whose quiet hours covered one run is reminded at the first run after them.
        manager.AddOrUpdate<ReminderJob>(ReminderJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly(15));
        // Nightly, when nobody is waiting on it: the backstop that rebuilds every match from our tables.
        manager.AddOrUpdate<MatchJob>(MatchJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(2, 30));
        // Monday morning, after the nightly run, outside anyone's default quiet hours.
        manager.AddOrUpdate<MatchEmailJob>(MatchEmailJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Weekly(DayOfWeek.Monday, 8));
    }
}
