using Hangfire;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Asks for a rematch after a change is committed. Losing the request (a crash before it runs, or
/// Hangfire's in-memory storage on the embedded database) loses nothing the nightly full run does
/// not put right: matches are derived, and the run rebuilds them from our tables.
/// </summary>
public sealed class Rematch(PortalDbContext db, IBackgroundJobClient client, ILogger<Rematch> logger)
{
    public void PersonChanged(string userId) =>
        db.AfterCommit(() => Try(() => client.Enqueue<PersonMatchJob>(job => job.RunAsync(userId, CancellationToken.None))));

    public void VacancyChanged(Guid vacancyId) =>
        db.AfterCommit(() => Try(() => client.Enqueue<VacancyMatchJob>(job => job.RunAsync(vacancyId, CancellationToken.None))));

    private void Try(Action enqueue)
    {
        try
        {
            enqueue();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not queue a rematch; the nightly run will do it");
        }
    }
}
