using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Programmes;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Asks people who started work whether they are still in work, 13, 26 and 52 weeks on: an email to
/// the person and a task on their navigators' check-in list (the <see cref="CheckIn"/> row is the
/// task). Each check-in is saved with its email in one transaction, one person at a time, and the
/// table holds it unique per start and week: a rerun, a killed run or a second node asks each once.
/// Someone who said they had left is not asked again.
/// </summary>
public sealed class CheckInJob(PortalDbContext db, Outbox outbox, MailTemplates templates, TimeProvider clock, ILogger<CheckInJob> logger)
{
    public const string RecurringId = "programme-check-ins";

    internal int BatchSize { get; set; } = 500;

    public async Task<BatchJobSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(now);
        // A start is due its first check-in 13 weeks on; anything newer has nothing to ask.
        var startedBy = today.AddDays(-7 * CheckInSchedule.Weeks[0]);
        var tally = new BatchTally(logger, RecurringId, cancellationToken);
        var summary = await InIdOrder.ForEachBatchAsync(
            0L,
            (after, take, ct) => db.Set<HubOutcome>().AsNoTracking()
                .Where(o => o.Id > after && o.Kind == OutcomeKind.StartedWork && o.On <= startedBy
                    && !db.Set<HubOutcome>().Any(l => l.Kind == OutcomeKind.LeftWork && l.UserId == o.UserId && l.OrganisationId == o.OrganisationId && l.CohortId == o.CohortId))
                .OrderBy(o => o.Id).Take(take).ToListAsync(ct),
            o => o.Id,
            BatchSize,
            (batch, batchTally, ct) => AskAsync(batch, today, now, batchTally, ct),
            tally,
            null,
            cancellationToken);
        logger.LogInformation("Programme check-ins: {Summary}", summary);
        return summary;
    }

    private async Task AskAsync(List<HubOutcome> starts, DateOnly today, DateTime now, BatchTally tally, CancellationToken cancellationToken)
    {
        var ids = starts.Select(s => s.Id).ToList();
        var asked = (await db.Set<CheckIn>().AsNoTracking().Where(c => ids.Contains(c.OutcomeId)).Select(c => new { c.OutcomeId, c.Weeks }).ToListAsync(cancellationToken))
            .ToLookup(c => c.OutcomeId, c => c.Weeks);
        foreach (var start in starts)
        {
            if (CheckInSchedule.DueNow(start.On, today, [.. asked[start.Id]]) is not { } weeks)
                continue;
            await tally.TryAsync("start", start.Id, async () =>
            {
                var checkIn = CheckIn.Ask(start, weeks, now);
                db.Add(checkIn);
                var person = await db.Users.AsNoTracking().Where(u => u.Id == start.UserId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
                var organisation = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == start.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
                var key = string.Create(CultureInfo.InvariantCulture, $"check-in:{start.Id}:{weeks}");
                if (person.Email is { } email)
                {
                    // The answer page is found by the check-in's id, known only once saved; the link goes to the list of the person's check-ins.
                    outbox.Enqueue(await templates.RenderAsync<CheckInMail>(email, CheckInMail.Subject(weeks),
                        new CheckInMail.Model(person.DisplayName, weeks, organisation, templates.Site.Link("/programmes/check-ins"))), key);
                }
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    tally.Sent();
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    if (!await AskedAsync(start.Id, weeks, cancellationToken))
                        throw;
                    logger.LogInformation("Check-in {Weeks} weeks for start {OutcomeId} was asked by another run; skipped here", weeks, start.Id);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }, db.ChangeTracker.Clear);
        }
    }

    private Task<bool> AskedAsync(long outcomeId, int weeks, CancellationToken cancellationToken) =>
        db.Set<CheckIn>().AsNoTracking().AnyAsync(c => c.OutcomeId == outcomeId && c.Weeks == weeks, cancellationToken);
}
