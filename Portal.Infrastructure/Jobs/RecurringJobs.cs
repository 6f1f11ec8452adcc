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
    }
}
