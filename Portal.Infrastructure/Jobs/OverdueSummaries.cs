using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Compliance;
using Portal.Domain.Notifications;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// The reminder run's last step: each organisation's managers told of its <see cref="OverdueNotice"/>s
/// in one email, which says how many people, names the most overdue, counts each of the training
/// matrix's statuses and links to the matrix showing just those. It names at most
/// <see cref="Listed"/> people, so it stays a few thousand characters for an organisation of any size.
/// </summary>
internal sealed class OverdueSummaries(PortalDbContext db, Outbox outbox, MailTemplates templates, ILogger logger)
{
    /// <summary>People named in one email; the rest are counted, and in the matrix.</summary>
    public const int Listed = 10;


    /// <summary>
    /// Every organisation's managers, told of the notices waiting for it (this run's, and any a run
    /// that died left), one organisation at a time.
    /// </summary>
    /// <returns>Summaries queued.</returns>
    public async Task<int> SendAsync(ContentSet set, DateTime now, BatchTally tally, CancellationToken cancellationToken)
    {
        var organisations = await db.Set<OverdueNotice>().Select(n => n.OrganisationId).Distinct().ToListAsync(cancellationToken);
        var told = 0;
        foreach (var organisationId in organisations.Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await tally.TryAsync("organisation", organisationId, async () => told += await TellAsync(organisationId, set, now, cancellationToken), db.ChangeTracker.Clear);
        }
        return told;
    }

    /// <summary>
    /// One summary to each manager of one organisation, queued in the transaction that clears the
    /// notices it tells. The clearing comes first and must clear every one read: of two runs telling
    /// the same organisation at once, one clears them and sends, the other finds them gone and stops.
    /// </summary>
    /// <returns>Summaries queued.</returns>
    private async Task<int> TellAsync(Guid organisationId, ContentSet set, DateTime now, CancellationToken cancellationToken)
    {
        var notices = await db.Set<OverdueNotice>().AsNoTracking().Where(n => n.OrganisationId == organisationId).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        if (notices.Count == 0)
            return 0;
        var organisationName = await db.Set<Organisation>().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var managers = await db.Set<Membership>()
            .Where(m => m.OrganisationId == organisationId && m.Role == MembershipRole.Manager && m.EndedAtUtc == null)
            .Join(db.Users.Where(u => u.EmailConfirmed), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        var staffIds = notices.Select(n => n.UserId).Distinct().ToList();
        var names = await db.Users.Where(u => staffIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => PortalUser.ShownName(u.DisplayName, u.Email), StringComparer.Ordinal, cancellationToken);
        var summaries = new List<(OutgoingMail Mail, string Key)>();
        foreach (var manager in managers)
        {
            // Nobody is told about themselves.
            var theirs = notices.Where(n => n.UserId != manager.Id).ToList();
            if (theirs.Count == 0)
                continue;
            var summary = await EmailAsync(manager.Email!, manager.DisplayName, organisationId, organisationName, theirs, names, set);
            summaries.Add(ReminderJob.Checked(summary, $"overdue:{organisationId:N}:{manager.Id}:{ReminderJob.Hash(string.Join(',', theirs.Select(n => n.Id)))}", now));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = notices.ConvertAll(n => n.Id);
        if (await db.Set<OverdueNotice>().Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync(cancellationToken) != ids.Count)
        {
            logger.LogInformation("The managers of organisation {OrganisationId} are being told by another run; skipped here", organisationId);
            return 0;
        }
        // With no manager to tell, the notices are cleared all the same, as nobody is waiting for them.
        foreach (var (summary, key) in summaries)
            outbox.Enqueue(summary, dedupeKey: key);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summaries.Count;
    }

    private Task<OutgoingMail> EmailAsync(
        string to, string? managerName, Guid organisationId, string organisationName, IReadOnlyList<OverdueNotice> notices,
        IReadOnlyDictionary<string, string> names, ContentSet set)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(set);
        string Title(OverdueNotice n) => set.Modules.TryGetValue(n.ModuleSlug, out var module) ? module.Title : n.ModuleSlug;
        string Item(OverdueNotice n) => $"{Title(n)}, due {n.DueOn.UkDate()}";
        // Most overdue first: by each person's longest-overdue item, then by name.
        var people = notices.GroupBy(n => n.UserId, StringComparer.Ordinal)
            .Select(g => (Name: names.GetValueOrDefault(g.Key) is { Length: > 0 } name ? name : "Someone",
                Items: g.OrderBy(n => n.DueOn).ThenBy(Title, StringComparer.Ordinal).ToList()))
            .OrderBy(p => p.Items[0].DueOn).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

        var lines = new List<string>();
        string subject, intro;
        if (people.Count == 1)
        {
            var (name, items) = people[0];
            subject = $"Overdue training: {Shorten(name, 60)} at {Shorten(organisationName, 100)}";
            intro = $"{name}, on your staff at {organisationName}, has required training more than two weeks overdue:";
            lines.AddRange(items.Take(Listed).Select(Item));
            if (items.Count > Listed)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"and {items.Count - Listed:N0} more"));
        }
        else
        {
            subject = $"Overdue training: {people.Count:N0} people at {Shorten(organisationName, 120)}";
            intro = string.Create(CultureInfo.InvariantCulture, $"{people.Count:N0} people on your staff at {organisationName} have required training more than two weeks overdue.")
                + (people.Count > Listed ? $" The {Listed} most overdue:" : " Most overdue first:");
            foreach (var (name, items) in people.Take(Listed))
                lines.Add(items.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"{name}: {Item(items[0])}, and {items.Count - 1:N0} more") : $"{name}: {Item(items[0])}");
            if (people.Count > Listed)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"and {people.Count - Listed:N0} more people"));
        }

        var links = new List<MailAction>();
        foreach (var (status, count) in new[] { (ComplianceStatus.Missing, notices.Count(n => n.NeverDone)), (ComplianceStatus.Expired, notices.Count(n => !n.NeverDone)) })
        {
            if (count > 0)
                links.Add(new MailAction(
                    string.Create(CultureInfo.InvariantCulture, $"{ComplianceRules.Label(status)} ({(status == ComplianceStatus.Missing ? "never done" : "done, but run out")}): {count:N0} {(count == 1 ? "topic" : "topics")}"),
                    templates.Site.Link($"/manage/matrix?org={organisationId}&status={status}")));
        }
        return templates.RenderAsync<OverdueSummaryMail>(to, subject, new OverdueSummaryMail.Model(managerName, subject, organisationName, intro, lines, links));
    }

    /// <summary>A name cut to fit a subject line, which the outbox limits.</summary>
    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
