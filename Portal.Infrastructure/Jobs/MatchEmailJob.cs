using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Notifications;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// The weekly "new matches" email, for people who asked for it: their best open matches not sent
/// before, at most <see cref="PerEmail"/>. The matches sent are recorded with the email in one
/// transaction, and the email carries a key for the person and the week, so a rerun, a retry or a
/// second node sends each person at most one email a week and never the same match twice. A person
/// whose email fails is logged and counted, and gets it at the next run; the others are not held up.
/// </summary>
public sealed class MatchEmailJob(PortalDbContext db, Outbox outbox, MailTemplates templates, TimeProvider clock, ILogger<MatchEmailJob> logger)
{
    public const string RecurringId = "weekly-matches";
    public const int PerEmail = 5;

    /// <summary>People per batch.</summary>
    internal int BatchSize { get; set; } = 500;

    /// <summary>Runs between batches; tests use it to kill a run part-way.</summary>
    internal Func<int, Task>? AfterBatch { get; set; }

    public async Task<BatchJobSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var week = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(now)}-W{ISOWeek.GetWeekOfYear(now):00}");
        var summary = await InIdOrder.ForEachBatchAsync(
            "",
            (after, take, ct) => db.Users
                .Where(u => u.Id.CompareTo(after) > 0 && u.EmailConfirmed && db.Set<CandidateProfile>().Any(p => p.UserId == u.Id && p.EmailMeMatches))
                .OrderBy(u => u.Id).Take(take)
                .Select(u => new Person(u.Id, u.Email, u.DisplayName))
                .ToListAsync(ct),
            p => p.Id,
            BatchSize,
            async (people, tally, ct) =>
            {
                var ids = people.Select(p => p.Id).ToList();
                var fresh = (await db.Set<JobMatch>().AsNoTracking()
                        .Where(m => ids.Contains(m.UserId) && m.ForPerson
                            && !db.Set<MatchEmailed>().Any(e => e.UserId == m.UserId && e.VacancyId == m.VacancyId)
                            && !db.Set<MatchDismissal>().Any(d => d.UserId == m.UserId && d.VacancyId == m.VacancyId && d.Side == MatchSide.Person))
                        .Join(db.Set<Vacancy>().Where(v => v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today),
                            m => m.VacancyId, v => v.Id, (m, v) => new { Match = m, v.OrganisationId, v.Details.Title, v.Details.Location.District })
                        .Join(db.Set<Organisation>(), x => x.OrganisationId, o => o.Id, (x, o) => new FreshMatch(x.Match, x.Title, o.Name, x.District))
                        .ToListAsync(ct))
                    .ToLookup(f => f.Match.UserId);
                foreach (var person in people)
                {
                    ct.ThrowIfCancellationRequested();
                    var best = fresh[person.Id].OrderByDescending(f => f.Match.Score).ThenBy(f => f.Match.VacancyId).Take(PerEmail).ToList();
                    if (best.Count > 0)
                        await tally.TryAsync("person", person.Id, async () =>
                        {
                            if (await SendAsync(person, best, week, now, ct))
                                tally.Sent();
                        }, db.ChangeTracker.Clear);
                }
            },
            new BatchTally(logger, RecurringId, cancellationToken),
            AfterBatch,
            cancellationToken);
        logger.LogInformation("New matches: {Summary}", summary);
        return summary;
    }

    private sealed record Person(string Id, string? Email, string? Name);

    private async Task<bool> SendAsync(Person person, IReadOnlyList<FreshMatch> best, string week, DateTime now, CancellationToken cancellationToken)
    {
        var key = $"matches:{person.Id}:{week}";
        foreach (var match in best)
            db.Add(new MatchEmailed { UserId = person.Id, VacancyId = match.Match.VacancyId, SentAtUtc = now });
        outbox.Enqueue(await EmailAsync(person.Email!, person.Name, best), dedupeKey: key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Only "this week's email already went" is expected; anything else is this person's failure.
            if (!await db.OutboxMessages.AnyAsync(m => m.DedupeKey == key, cancellationToken))
                throw;
            logger.LogInformation("This week's matches for {UserId} were already sent; skipped", person.Id);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Task<OutgoingMail> EmailAsync(string email, string? name, IReadOnlyList<FreshMatch> best)
    {
        var site = templates.Site;
        var matches = best.Select(m => new MatchesMail.Match(m.Title, m.OrganisationName, m.District,
            string.Join("; ", m.Match.Reasons(MatchSide.Person)), site.Link($"/jobs/{m.Match.VacancyId}"))).ToList();
        return templates.RenderAsync<MatchesMail>(email, MatchesMail.Subject(best.Count),
            new MatchesMail.Model(name, matches, site.Link("/profile/matches"), site.Link("/profile")));
    }

    private sealed record FreshMatch(JobMatch Match, string Title, string OrganisationName, string District);
}
