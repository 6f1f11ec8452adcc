using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Compliance;
using Portal.Domain.Notifications;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Reminds people of training running out, run out, or left half-done: one email per person per run,
/// listing everything newly due, outside their quiet hours. What was sent is kept in SentReminders
/// (unique per person, module, kind and due date) and saved with the email in one transaction, so a
/// rerun, a retry, a killed run or a second node sends each reminder once. A batch of people is
/// saved in one transaction. Training a person's employer requires for their job (the job role's
/// required training), not held 14 days after it was due, is in their digest too, and each manager
/// of that organisation gets an email about it in the same transaction, so neither is sent without
/// the other: one email per manager per batch, listing everyone of theirs in it.
/// </summary>
public sealed class ReminderJob(PortalDbContext db, ContentStore content, Outbox outbox, TimeProvider clock, IOptions<MailOptions> mail, ILogger<ReminderJob> logger)
{
    public const string RecurringId = "training-reminders";

    /// <summary>The city's time zone, for quiet hours.</summary>
    public static readonly TimeZoneInfo LocalTime = UkTime.Zone;

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
                    && (db.Set<Completion>().Any(c => c.UserId == u.Id) || db.Set<ModuleProgress>().Any(p => p.UserId == u.Id && p.PassedAtUtc == null)
                        || db.Set<Membership>().Any(m => m.UserId == u.Id && m.Role == MembershipRole.Staff && m.EndedAtUtc == null)))
                .OrderBy(u => u.Id).Take(BatchSize)
                .Select(u => new { u.Id, u.Email, u.DisplayName })
                .ToListAsync(cancellationToken);
            if (people.Count == 0)
                return sent;
            var ids = people.Select(p => p.Id).ToList();
            var latest = (await db.Set<Completion>().Where(c => ids.Contains(c.UserId))
                    .LatestPerModule()
                    .ToListAsync(cancellationToken))
                .ToLookup(l => l.UserId, l => (l.ModuleSlug, Latest: l.CompletedAtUtc));
            var open = (await db.Set<ModuleProgress>().Where(p => ids.Contains(p.UserId) && p.PassedAtUtc == null)
                    .Select(p => new { p.UserId, p.ModuleSlug, p.UpdatedAtUtc })
                    .ToListAsync(cancellationToken))
                .GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.ModuleSlug, p => p.UpdatedAtUtc, StringComparer.Ordinal));
            var preferences = await db.Set<ReminderPreferences>().AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
            var jobs = (await db.Set<Membership>().AsNoTracking()
                    .Where(m => ids.Contains(m.UserId) && m.Role == MembershipRole.Staff && m.EndedAtUtc == null)
                    .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => new StaffJob(m.UserId, o.Id, o.Name, m.JobRole!, m.StartedAtUtc))
                    .ToListAsync(cancellationToken))
                .ToLookup(j => j.UserId);
            var organisationIds = jobs.SelectMany(j => j).Select(j => j.OrganisationId).Distinct().ToList();
            var managers = (await db.Set<Membership>().AsNoTracking()
                    .Where(m => organisationIds.Contains(m.OrganisationId) && m.Role == MembershipRole.Manager && m.EndedAtUtc == null)
                    .Join(db.Users.Where(u => u.EmailConfirmed), m => m.UserId, u => u.Id, (m, u) => new Manager(m.OrganisationId, u.Id, u.Email!, u.DisplayName))
                    .ToListAsync(cancellationToken))
                .ToLookup(m => m.OrganisationId);
            var trainings = await TrainingsAsync(organisationIds, set, cancellationToken);
            var already = (await db.Set<SentReminder>().AsNoTracking().Where(r => ids.Contains(r.UserId))
                    .Select(r => new { r.UserId, r.ModuleSlug, r.Kind, r.DueOn }).ToListAsync(cancellationToken))
                .Select(r => (r.UserId, r.ModuleSlug, r.Kind, r.DueOn)).ToHashSet();

            var sends = new List<Send>();
            foreach (var person in people)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var wants = preferences.GetValueOrDefault(person.Id) ?? ReminderPreferences.Default(person.Id);
                // In quiet hours nothing is recorded, so the next run outside them sends it.
                if (wants.IsQuiet(localNow))
                    continue;
                var started = open.GetValueOrDefault(person.Id);
                var completed = latest[person.Id].Where(l => set.Modules.ContainsKey(l.ModuleSlug)).ToList();
                // The intervals their own record shows: an employer's shorter one warns them sooner.
                var refresh = set.RefreshDefaults.ForPerson(jobs[person.Id].Select(j => trainings[j.OrganisationId].Overrides));
                var standings = completed
                    .Select(l => new ModuleStanding(l.ModuleSlug, l.Latest, refresh.MonthsFor(l.ModuleSlug), started is not null && started.TryGetValue(l.ModuleSlug, out var touched) ? touched : null))
                    .Concat((started ?? []).Where(o => set.Modules.ContainsKey(o.Key) && !completed.Any(l => l.ModuleSlug == o.Key))
                        .Select(o => new ModuleStanding(o.Key, null, null, o.Value)));
                // Each job is measured against its own organisation's rules.
                var requiredDue = jobs[person.Id]
                    .SelectMany(job => ReminderRules.RequiredOverdue(RequiredOf(job, trainings[job.OrganisationId], completed), now).Select(d => (Job: job, Due: d)))
                    .ToList();
                var due = ReminderRules.Due(standings, now)
                    .Concat(requiredDue.Select(r => r.Due).Distinct())
                    .Where(r => wants.Wants(r.Kind) && !already.Contains((person.Id, r.ModuleSlug, r.Kind, r.DueOn)))
                    .OrderBy(r => r.Kind).ThenBy(r => set.Modules[r.ModuleSlug].Title, StringComparer.Ordinal).ToList();
                if (due.Count > 0)
                    sends.Add(new Send(person.Id, person.Email!, person.DisplayName, due, Escalations(person.Id, person.DisplayName ?? person.Email!, [.. requiredDue.Where(r => due.Contains(r.Due))], managers, set)));
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
    private async Task<int> SendAsync(List<Send> sends, ContentSet set, DateTime now, CancellationToken cancellationToken)
    {
        if (sends.Count == 0)
            return 0;
        foreach (var send in sends)
            Add(send, set, now, withManagers: false);
        // The batch's news for each manager in one email, not one per person.
        foreach (var manager in sends.SelectMany(s => s.ToManagers).GroupBy(e => e.Manager.UserId))
            EnqueueToManager([.. manager]);
        if (await TrySaveAsync(cancellationToken) is null)
            return sends.Count;
        var sent = 0;
        foreach (var send in sends)
        {
            Add(send, set, now, withManagers: true);
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

    private void Add(Send send, ContentSet set, DateTime now, bool withManagers)
    {
        foreach (var reminder in send.Due)
            db.Add(SentReminder.For(send.UserId, reminder, now));
        var what = Hash(string.Join(',', send.Due.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.ModuleSlug}/{r.Kind}/{r.DueOn:yyyyMMdd}"))));
        outbox.Enqueue(Digest(send.Email, send.Name, send.Due, set), dedupeKey: $"reminders:{send.UserId}:{what}");
        if (withManagers)
        {
            foreach (var escalation in send.ToManagers)
                EnqueueToManager([escalation]);
        }
    }

    /// <summary>
    /// One email to one manager about everyone in the list: the staff of theirs with required
    /// training more than two weeks overdue. The dedupe key is what it says, so a retry sends it once.
    /// </summary>
    private void EnqueueToManager(IReadOnlyList<Escalation> escalations)
    {
        var manager = escalations[0].Manager;
        var site = mail.Value.SiteUrl.TrimEnd('/');
        var hello = string.IsNullOrWhiteSpace(manager.Name) ? "Hello" : $"Hello {manager.Name}";
        string subject, body;
        if (escalations.Count == 1)
        {
            var only = escalations[0];
            subject = $"Overdue training: {only.PersonName} at {only.OrganisationName}";
            body = $"{only.PersonName}, on your staff at {only.OrganisationName}, has required training more than two weeks overdue:\n\n" + string.Join("\n", only.Items);
        }
        else
        {
            subject = $"Overdue training: {escalations.Count} people on your staff";
            body = $"{escalations.Count} people on your staff have required training more than two weeks overdue:\n\n" +
                string.Join("\n\n", escalations.Select(e => $"{e.PersonName}, {e.OrganisationName}:\n" + string.Join("\n", e.Items)));
        }
        var text = $"{hello},\n\n{body}\n\nThey have been reminded too. Your team's training matrix: {site}/manage/matrix\n";
        var what = Hash(string.Join('|', escalations.Select(e => e.PersonId + ":" + e.OrganisationName + ":" + string.Join(',', e.Items))));
        outbox.Enqueue(new OutgoingMail(manager.Email, subject, text), dedupeKey: $"overdue:{manager.UserId}:{what}");
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];

    private sealed record Send(string UserId, string Email, string? Name, List<DueReminder> Due, IReadOnlyList<Escalation> ToManagers);

    /// <summary>What one manager hears about one person at one organisation: the overdue items, one line each.</summary>
    private sealed record Escalation(Manager Manager, string PersonId, string PersonName, string OrganisationName, IReadOnlyList<string> Items);

    private sealed record StaffJob(string UserId, Guid OrganisationId, string OrganisationName, string JobRole, DateTime StartedAtUtc);

    private sealed record Manager(Guid OrganisationId, string UserId, string Email, string? Name);

    /// <summary>Each organisation's own training rules (required training per job, refresh intervals), in two queries.</summary>
    private async Task<Dictionary<Guid, OrganisationTraining>> TrainingsAsync(List<Guid> organisationIds, ContentSet set, CancellationToken cancellationToken)
    {
        if (organisationIds.Count == 0)
            return [];
        var requirements = (await db.Set<JobRequirements>().AsNoTracking().Where(r => organisationIds.Contains(r.OrganisationId)).ToListAsync(cancellationToken)).ToLookup(r => r.OrganisationId);
        var overrides = (await db.Set<RefreshOverride>().AsNoTracking().Where(r => organisationIds.Contains(r.OrganisationId)).ToListAsync(cancellationToken)).ToLookup(r => r.OrganisationId);
        return organisationIds.ToDictionary(id => id, id => OrganisationTraining.From(set,
            requirements[id].Select(r => (r.JobRole, r.Topics)), overrides[id].Select(o => (o.ModuleSlug, o.Months))));
    }

    /// <summary>The modules a job requires in its organisation, each due from the day the person started in it.</summary>
    private static IEnumerable<RequiredModule> RequiredOf(StaffJob job, OrganisationTraining training, IReadOnlyList<(string ModuleSlug, DateTime Latest)> completed) =>
        training.Required(job.JobRole).Where(t => t.Kind == TopicKind.Module).Select(t => new RequiredModule(
            t.Slug,
            completed.Where(c => c.ModuleSlug == t.Slug).Select(c => (DateTime?)c.Latest).FirstOrDefault(),
            training.Refresh.MonthsFor(t.Slug),
            job.StartedAtUtc));

    /// <summary>What each manager of each organisation whose required training is overdue should hear about this person.</summary>
    private static List<Escalation> Escalations(string personId, string personName, IReadOnlyList<(StaffJob Job, DueReminder Due)> overdue, ILookup<Guid, Manager> managers, ContentSet set)
    {
        var escalations = new List<Escalation>();
        foreach (var organisation in overdue.GroupBy(x => (x.Job.OrganisationId, x.Job.OrganisationName)))
        {
            var items = organisation.Select(x => $"- {set.Modules[x.Due.ModuleSlug].Title}, due {x.Due.DueOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}").ToList();
            foreach (var manager in managers[organisation.Key.OrganisationId].Where(m => m.UserId != personId))
                escalations.Add(new Escalation(manager, personId, personName, organisation.Key.OrganisationName, items));
        }
        return escalations;
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

    private OutgoingMail Digest(string email, string? name, List<DueReminder> due, ContentSet set)
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
                ReminderKind.RequiredOverdue => $"{module.Title} is required for your job and has been due since {date}, more than two weeks ago. Your manager has been told too. Do it in your next gap",
                _ => $"You started {module.Title} and have not been back for a week. Pick up where you left off",
            });
            text.Append(CultureInfo.InvariantCulture, $": {site}/learn/{module.Slug}\n\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"Your training record: {site}/learn/record\nChoose which reminders you get, and when: {site}/profile/reminders\n");
        var subject = due.Count == 1 ? "A training reminder" : $"{due.Count} training reminders";
        return new OutgoingMail(email, subject, text.ToString());
    }
}
