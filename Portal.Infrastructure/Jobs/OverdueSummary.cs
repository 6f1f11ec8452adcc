using System.Globalization;
using System.Text;
using Portal.Domain.Compliance;
using Portal.Domain.Notifications;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// The email that tells a manager whose required training has gone more than two weeks overdue at
/// their organisation: how many people, the most overdue by name, the count in each of the
/// training matrix's statuses, and links to the matrix showing just those. It lists at most
/// <see cref="Listed"/> people, so it stays a few thousand characters for an organisation of any size.
/// </summary>
internal static class OverdueSummary
{
    /// <summary>People named in one email; the rest are counted, and in the matrix.</summary>
    public const int Listed = 10;

    private const string Date = "d MMMM yyyy";

    public static OutgoingMail Email(
        string to, string? managerName, Guid organisationId, string organisationName, IReadOnlyList<OverdueNotice> notices,
        IReadOnlyDictionary<string, string> names, ContentSet set, string site)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(set);
        string Title(OverdueNotice n) => set.Modules.TryGetValue(n.ModuleSlug, out var module) ? module.Title : n.ModuleSlug;
        string Item(OverdueNotice n) => $"{Title(n)}, due {n.DueOn.ToString(Date, CultureInfo.InvariantCulture)}";
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
