using System.Globalization;
using System.Text;
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

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// The reminder run's last step: each organisation's managers told of its <see cref="OverdueNotice"/>s
/// in one email, which says how many people, names the most overdue, counts each of the training
/// matrix's statuses and links to the matrix showing just those. It names at most
/// <see cref="Listed"/> people, so it stays a few thousand characters for an organisation of any size.
/// </summary>
internal sealed class OverdueSummaries(PortalDbContext db, Outbox outbox, MailOptions mail, ILogger logger)
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
        var site = mail.SiteUrl.TrimEnd('/');
        var summaries = new List<(OutgoingMail Mail, string Key)>();
        foreach (var manager in managers)
        {
            // Nobody is told about themselves.
            var theirs = notices.Where(n => n.UserId != manager.Id).ToList();
            if (theirs.Count == 0)
                continue;
            var summary = Email(manager.Email!, manager.DisplayName, organisationId, organisationName, theirs, names, set, site);
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

    private static OutgoingMail Email(
        string to, string? managerName, Guid organisationId, string organisationName, IReadOnlyList<OverdueNotice> notices,
        IReadOnlyDictionary<string, string> names, ContentSet set, string site)
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

        var text = new StringBuilder();
        text.Append(string.IsNullOrWhiteSpace(managerName) ? "Hello" : $"Hello {managerName}").Append(",\n\n");
        string subject;
        if (people.Count == 1)
        {
            var (name, items) = people[0];
            subject = $"Overdue training: {Shorten(name, 60)} at {Shorten(organisationName, 100)}";
            text.Append(CultureInfo.InvariantCulture, $"{name}, on your staff at {organisationName}, has required training more than two weeks overdue:\n\n");
            foreach (var item in items.Take(Listed))
                text.Append("- ").Append(Item(item)).Append('\n');
            if (items.Count > Listed)
                text.Append(CultureInfo.InvariantCulture, $"- and {items.Count - Listed:N0} more\n");
        }
        else
        {
            subject = $"Overdue training: {people.Count:N0} people at {Shorten(organisationName, 120)}";
            text.Append(CultureInfo.InvariantCulture, $"{people.Count:N0} people on your staff at {organisationName} have required training more than two weeks overdue.");
            text.Append(people.Count > Listed ? $" The {Listed} most overdue:\n\n" : " Most overdue first:\n\n");
            foreach (var (name, items) in people.Take(Listed))
            {
                text.Append(CultureInfo.InvariantCulture, $"- {name}: {Item(items[0])}");
                if (items.Count > 1)
                    text.Append(CultureInfo.InvariantCulture, $", and {items.Count - 1:N0} more");
                text.Append('\n');
            }
            if (people.Count > Listed)
                text.Append(CultureInfo.InvariantCulture, $"- and {people.Count - Listed:N0} more people\n");
        }

        text.Append("\nThey have been reminded too. In your training matrix:\n");
        foreach (var (status, count) in new[] { (ComplianceStatus.Missing, notices.Count(n => n.NeverDone)), (ComplianceStatus.Expired, notices.Count(n => !n.NeverDone)) })
        {
            if (count > 0)
                text.Append(CultureInfo.InvariantCulture, $"{ComplianceRules.Label(status)} ({(status == ComplianceStatus.Missing ? "never done" : "done, but run out")}): {count:N0} {(count == 1 ? "topic" : "topics")}. See who: {site}/manage/matrix?org={organisationId}&status={status}\n");
        }
        return new OutgoingMail(to, subject, text.ToString());
    }

    /// <summary>A name cut to fit a subject line, which the outbox limits.</summary>
    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
