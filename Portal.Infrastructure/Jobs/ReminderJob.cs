using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Reminds people of training running out, run out, or left half-done: one email per person per run,
/// listing everything newly due, outside their quiet hours. What was sent is kept in SentReminders
/// (unique per person, module, kind and due date) and saved with the email in one transaction, so a
/// rerun, a retry, a killed run or a second node sends each reminder once. A batch of people is
/// saved in one transaction.
/// </summary>
public sealed class ReminderJob(PortalDbContext db, ContentStore content, Outbox outbox, TimeProvider clock, IOptions<MailOptions> mail, ILogger<ReminderJob> logger)
{
    public const string RecurringId = "training-reminders";

    /// <summary>The city's time zone, for quiet hours.</summary>
    public static readonly TimeZoneInfo LocalTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>People per batch.</summary>
    internal int BatchSize { get; set; } = 500;

    /// <summary>Runs between batches; tests use it to kill a run part-way.</summary>
    internal Func<int, Task>? AfterBatch { get; set; }

    /// <returns>How many reminder emails were queued.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var set = content.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var localNow = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, LocalTime));
        var sent = 0;
        var batches = 0;
        var lastUser = "";
        while (true)
        {
            // People with any training, in id order, a batch at a time.
            var people = await db.Users
                .Where(u => u.Id.CompareTo(lastUser) > 0 && u.EmailConfirmed
                    && (db.Set<Completion>().Any(c => c.UserId == u.Id) || db.Set<ModuleProgress>().Any(p => p.UserId == u.Id && p.PassedAtUtc == null)))
                .OrderBy(u => u.Id).Take(BatchSize)
                .Select(u => new { u.Id, u.Email, u.DisplayName })
                .ToListAsync(cancellationToken);
            if (people.Count == 0)
                return sent;
            var ids = people.Select(p => p.Id).ToList();
            var latest = (await db.Set<Completion>().Where(c => ids.Contains(c.UserId))
                    .GroupBy(c => new { c.UserId, c.ModuleSlug })
                    .Select(g => new { g.Key.UserId, g.Key.ModuleSlug, Latest = g.Max(c => c.CompletedAtUtc) })
                    .ToListAsync(cancellationToken))
                .ToLookup(l => l.UserId, l => (l.ModuleSlug, l.Latest));
            var open = (await db.Set<ModuleProgress>().Where(p => ids.Contains(p.UserId) && p.PassedAtUtc == null)
                    .Select(p => new { p.UserId, p.ModuleSlug, p.UpdatedAtUtc })
                    .ToListAsync(cancellationToken))
                .GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.ModuleSlug, p => p.UpdatedAtUtc, StringComparer.Ordinal));
            var preferences = await db.Set<ReminderPreferences>().AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
            var already = (await db.Set<SentReminder>().AsNoTracking().Where(r => ids.Contains(r.UserId))
                    .Select(r => new { r.UserId, r.ModuleSlug, r.Kind, r.DueOn }).ToListAsync(cancellationToken))
                .Select(r => (r.UserId, r.ModuleSlug, r.Kind, r.DueOn)).ToHashSet();

            var sends = new List<(string UserId, string Email, string? Name, List<DueReminder> Due)>();
            foreach (var person in people)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var wants = preferences.GetValueOrDefault(person.Id) ?? ReminderPreferences.Default(person.Id);
                // In quiet hours nothing is recorded, so the next run outside them sends it.
                if (wants.IsQuiet(localNow))
                    continue;
                var started = open.GetValueOrDefault(person.Id);
                var completed = latest[person.Id].Where(l => set.Modules.ContainsKey(l.ModuleSlug)).ToList();
                var standings = completed
                    .Select(l => new ModuleStanding(l.ModuleSlug, l.Latest, set.RefreshDefaults.MonthsFor(l.ModuleSlug), started is not null && started.TryGetValue(l.ModuleSlug, out var touched) ? touched : null))
                    .Concat((started ?? []).Where(o => set.Modules.ContainsKey(o.Key) && !completed.Any(l => l.ModuleSlug == o.Key))
                        .Select(o => new ModuleStanding(o.Key, null, null, o.Value)));
                var due = ReminderRules.Due(standings, now)
                    .Where(r => wants.Wants(r.Kind) && !already.Contains((person.Id, r.ModuleSlug, r.Kind, r.DueOn)))
                    .OrderBy(r => r.Kind).ThenBy(r => set.Modules[r.ModuleSlug].Title, StringComparer.Ordinal).ToList();
                if (due.Count > 0)
                    sends.Add((person.Id, person.Email!, person.DisplayName, due));
            }
            sent += await SendAsync(sends, set, now, cancellationToken);
            lastUser = people[^1].Id;
            if (AfterBatch is { } hook)
                await hook(++batches);
        }
    }

    /// <summary>
    /// Records and queues a batch's reminders in one transaction. If another run got to any of them
    /// first (the unique key), nothing of the batch is kept and each person is tried alone, so
    /// everyone the other run did not reach is still reminded, once.
    /// </summary>
    private async Task<int> SendAsync(List<(string UserId, string Email, string? Name, List<DueReminder> Due)> sends, ContentSet set, DateTime now, CancellationToken cancellationToken)
    {
        if (sends.Count == 0)
            return 0;
        foreach (var send in sends)
            Add(send.UserId, send.Email, send.Name, send.Due, set, now);
        if (await TrySaveAsync(cancellationToken) is null)
            return sends.Count;
        var sent = 0;
        foreach (var send in sends)
        {
            Add(send.UserId, send.Email, send.Name, send.Due, set, now);
            if (await TrySaveAsync(cancellationToken) is not { } failure)
            {
                sent++;
                continue;
            }
            // Only "another run recorded these first" is expected; anything else is a real failure.
            var first = send.Due[0];
            if (!await db.Set<SentReminder>().AnyAsync(r => r.UserId == send.UserId && r.ModuleSlug == first.ModuleSlug && r.Kind == first.Kind && r.DueOn == first.DueOn, cancellationToken))
                throw failure;
            logger.LogInformation("Reminders for {UserId} were sent by another run; skipped here", send.UserId);
        }
        return sent;
    }

    private void Add(string userId, string email, string? name, IReadOnlyList<DueReminder> due, ContentSet set, DateTime now)
    {
        foreach (var reminder in due)
            db.Add(SentReminder.For(userId, reminder, now));
        var what = string.Join(',', due.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.ModuleSlug}/{r.Kind}/{r.DueOn:yyyyMMdd}")));
        outbox.Enqueue(Digest(email, name, due, set), dedupeKey: $"reminders:{userId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(what)))[..24]}");
    }

    /// <returns>Null when saved; otherwise the failure, with nothing of it kept.</returns>
    private async Task<DbUpdateException?> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException failure)
        {
            return failure;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private OutgoingMail Digest(string email, string? name, IReadOnlyList<DueReminder> due, ContentSet set)
    {
        var site = mail.Value.SiteUrl.TrimEnd('/');
        var text = new StringBuilder();
        text.Append(string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},").Append("\n\n");
        foreach (var reminder in due)
        {
            var module = set.Modules[reminder.ModuleSlug];
            var date = reminder.DueOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            text.Append(reminder.Kind switch
            {
                ReminderKind.Expired => $"{module.Title} ran out on {date}. Do the refresher to count it again",
                ReminderKind.ExpiresWithin7Days => $"{module.Title} runs out on {date}, within a week. Do the refresher now",
                ReminderKind.ExpiresWithin30Days => $"{module.Title} runs out on {date}. There is time to do the refresher in a gap between visits",
                _ => $"You started {module.Title} and have not been back for a week. Pick up where you left off",
            });
            text.Append(CultureInfo.InvariantCulture, $": {site}/learn/{module.Slug}\n\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"Your training record: {site}/learn/record\nChoose which reminders you get, and when: {site}/profile/reminders\n");
        var subject = due.Count == 1 ? "A training reminder" : $"{due.Count} training reminders";
        return new OutgoingMail(email, subject, text.ToString());
    }
}
