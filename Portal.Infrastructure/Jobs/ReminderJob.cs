using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Compliance;
using Portal.Domain.Notifications;
using Portal.Domain.Organisations;
using Portal.Domain.Passport;
using Portal.Domain.Training;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Jobs;

/// <summary>What a reminders run did: reminder emails queued, manager summaries queued, people and organisations that failed.</summary>
public sealed record ReminderRunSummary(int Reminded, int ManagerSummaries, int Failed)
{
    public override string ToString() =>
        $"{Reminded:N0} reminder emails and {ManagerSummaries:N0} manager summaries queued"
        + (Failed == 0 ? "" : $", {Failed:N0} failed (logged with their ids; the next run tries them again)");
}

/// <summary>
/// Reminds people of training running out, run out, or left half-done: one email per person per run,
/// listing everything newly due, outside their quiet hours. What was sent is kept in SentReminders
/// (unique per person, module, kind and due date) and saved with the email in one transaction, so a
/// rerun, a retry, a killed run or a second node sends each reminder once. A batch of people is
/// saved in one transaction. Training a person's employer requires for their job (the job role's
/// required training), not held 14 days after it was due, is in their digest too, and an
/// <see cref="OverdueNotice"/> for that employer is saved with it. After the people, each
/// organisation's managers get one short summary of its notices, queued with the notices' removal
/// in one transaction: they hear of each lapse once, in one email however large the organisation,
/// and notices a dead run left are told by the next. A person or an organisation that fails is
/// logged with its id and counted, and nothing of it is recorded, so the next run tries it again;
/// the rest of the run goes on.
/// </summary>
public sealed class ReminderJob(PortalDbContext db, ContentStore content, Outbox outbox, MailTemplates templates, TimeProvider clock, ILogger<ReminderJob> logger)
{
    public const string RecurringId = "training-reminders";

    /// <summary>The city's time zone, for quiet hours.</summary>
    public static readonly TimeZoneInfo LocalTime = UkTime.Zone;

    /// <summary>People per batch.</summary>
    internal int BatchSize { get; set; } = 500;

    /// <summary>Runs between batches; tests use it to kill a run part-way.</summary>
    internal Func<int, Task>? AfterBatch { get; set; }

    public async Task<ReminderRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var set = content.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var localNow = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, LocalTime));
        var tally = new BatchTally(logger, RecurringId, cancellationToken);
        // People with any training, in id order, a batch at a time.
        var reminded = (await InIdOrder.ForEachBatchAsync(
            "",
            PeopleWithTrainingAfterAsync,
            person => person.Id,
            BatchSize,
            (people, batchTally, ct) => RemindAsync(people, set, now, localNow, batchTally, ct),
            tally,
            AfterBatch,
            cancellationToken)).Queued;
        var managerSummaries = await new OverdueSummaries(db, outbox, templates, logger).SendAsync(set, now, tally, cancellationToken);
        var summary = new ReminderRunSummary(reminded, managerSummaries, tally.Failed);
        logger.LogInformation("Training reminders: {Summary}", summary);
        return summary;
    }

    /// <summary>
    /// The next people with any training (a pass, a module under way, or a job that requires some),
    /// in id order: the next accounts by id, then which of them have training, a window at a time
    /// until one has somebody. Asked as one query (the three kinds of training as EXISTS under OR,
    /// with a LIMIT), PostgreSQL hashed the whole table of unfinished modules for every batch on the
    /// generated city: half a second a batch, 90 of a run's 85-160 s.
    /// </summary>
    private async Task<List<Person>> PeopleWithTrainingAfterAsync(string after, int take, CancellationToken cancellationToken)
    {
        while (true)
        {
            var window = await db.Users.Where(u => u.Id.CompareTo(after) > 0).OrderBy(u => u.Id).Take(take)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.EmailConfirmed })
                .ToListAsync(cancellationToken);
            if (window.Count == 0)
                return [];
            var ids = window.Select(u => u.Id).ToList();
            var trained = (await db.Set<Completion>().Where(c => ids.Contains(c.UserId)).Select(c => c.UserId)
                    .Union(db.Set<ModuleProgress>().Where(p => ids.Contains(p.UserId) && p.PassedAtUtc == null).Select(p => p.UserId))
                    .Union(db.Set<Membership>().Where(m => ids.Contains(m.UserId) && m.Role == MembershipRole.Staff && m.EndedAtUtc == null).Select(m => m.UserId))
                    .ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            var people = window.Where(u => u.EmailConfirmed && trained.Contains(u.Id)).Select(u => new Person(u.Id, u.Email, u.DisplayName)).ToList();
            if (people.Count > 0 || window.Count < take)
                return people;
            after = window[^1].Id;
        }
    }

    /// <summary>Works out one batch's reminders, person by person, then records and queues them together.</summary>
    private async Task RemindAsync(List<Person> people, ContentSet set, DateTime now, TimeOnly localNow, BatchTally tally, CancellationToken cancellationToken)
    {
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
                .Select(m => new StaffJob(m.UserId, m.OrganisationId, m.JobRole!, m.StartedAtUtc))
                .ToListAsync(cancellationToken))
            .ToLookup(j => j.UserId);
        var organisationIds = jobs.SelectMany(j => j).Select(j => j.OrganisationId).Distinct().ToList();
        var trainings = await TrainingsAsync(organisationIds, set, tally, cancellationToken);
        // Training the person's employers recognised from credentials issued elsewhere, still counting (not found revoked, started, not ended).
        var recognised = (await db.Set<Recognition>().AsNoTracking().Where(r => ids.Contains(r.UserId) && r.RevokedFoundAtUtc == null)
                .Select(r => new { r.UserId, r.OrganisationId, r.ModuleSlug, r.ValidFromUtc, r.ValidUntilUtc }).ToListAsync(cancellationToken))
            .Where(r => Recognition.CountsAt(r.ValidFromUtc, r.ValidUntilUtc, revoked: false, now))
            .ToLookup(r => (r.UserId, r.OrganisationId, r.ModuleSlug), r => (r.ValidFromUtc, r.ValidUntilUtc));
        var already = (await db.Set<SentReminder>().AsNoTracking().Where(r => ids.Contains(r.UserId))
                .Select(r => new { r.UserId, r.ModuleSlug, r.Kind, r.DueOn }).ToListAsync(cancellationToken))
            .Select(r => (r.UserId, r.ModuleSlug, r.Kind, r.DueOn)).ToHashSet();

        var sends = new List<Send>();
        foreach (var person in people)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await tally.TryAsync("person", person.Id, async () =>
            {
                var wants = preferences.GetValueOrDefault(person.Id) ?? ReminderPreferences.Default(person.Id);
                // In quiet hours nothing is recorded, so the next run outside them sends it.
                if (wants.IsQuiet(localNow))
                    return;
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
                    .SelectMany(job => ReminderRules.RequiredOverdue(RequiredOf(job, trainings[job.OrganisationId], completed, recognised), now).Select(d => (Job: job, Due: d)))
                    .ToList();
                var due = ReminderRules.Due(standings, now)
                    .Concat(requiredDue.Select(r => r.Due).Distinct())
                    .Where(r => wants.Wants(r.Kind) && !already.Contains((person.Id, r.ModuleSlug, r.Kind, r.DueOn)))
                    .OrderBy(r => r.Kind).ThenBy(r => set.Modules[r.ModuleSlug].Title, StringComparer.Ordinal).ToList();
                if (due.Count == 0)
                    return;
                var what = Hash(string.Join(',', due.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.ModuleSlug}/{r.Kind}/{r.DueOn:yyyyMMdd}"))));
                var notices = requiredDue.Where(r => due.Contains(r.Due))
                    .DistinctBy(r => (r.Job.OrganisationId, r.Due))
                    .Select(r => OverdueNotice.For(r.Job.OrganisationId, person.Id, r.Due, neverDone: !completed.Any(c => c.ModuleSlug == r.Due.ModuleSlug), now))
                    .ToList();
                sends.Add(new Send(person.Id, due, Checked(await DigestAsync(person.Email!, person.Name, due, set), $"reminders:{person.Id}:{what}", now), notices));
            }, () => { });
        }
        await SaveAsync(sends, now, tally, cancellationToken);
    }

    /// <summary>
    /// Records and queues a batch's reminders in one transaction. If that fails (another run got to
    /// some of them first, say), nothing of the batch is kept and each person is tried alone, so
    /// everyone the other run did not reach is still reminded, once, and a person whose rows will
    /// not save fails alone.
    /// </summary>
    private async Task SaveAsync(List<Send> sends, DateTime now, BatchTally tally, CancellationToken cancellationToken)
    {
        if (sends.Count == 0)
            return;
        foreach (var send in sends)
            Add(send, now);
        if (await TrySaveAsync(cancellationToken) is null)
        {
            tally.Sent(sends.Count);
            return;
        }
        foreach (var send in sends)
        {
            await tally.TryAsync("person", send.UserId, async () =>
            {
                Add(send, now);
                if (await TrySaveAsync(cancellationToken) is not { } failure)
                {
                    tally.Sent();
                    return;
                }
                // Only "another run recorded these first" is expected; anything else is this person's failure.
                var first = send.Due[0];
                if (!await db.Set<SentReminder>().AnyAsync(r => r.UserId == send.UserId && r.ModuleSlug == first.ModuleSlug && r.Kind == first.Kind && r.DueOn == first.DueOn, cancellationToken))
                    throw failure;
                logger.LogInformation("Reminders for {UserId} were sent by another run; skipped here", send.UserId);
            }, db.ChangeTracker.Clear);
        }
    }

    private void Add(Send send, DateTime now)
    {
        foreach (var reminder in send.Due)
            db.Add(SentReminder.For(send.UserId, reminder, now));
        db.AddRange(send.Notices);
        outbox.Enqueue(send.Digest.Mail, send.Digest.Key);
    }

    /// <summary>
    /// The outbox refuses a mail it cannot send (no address, say) only when it is queued, which for
    /// a batch is when the batch is saved. Building its row here, and dropping it, makes the refusal
    /// this one email's, before anything of the batch is written.
    /// </summary>
    internal static (OutgoingMail Mail, string Key) Checked(OutgoingMail mail, string key, DateTime now)
    {
        _ = OutboxMessage.Create(mail, now, key);
        return (mail, key);
    }

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];

    private sealed record Person(string Id, string? Email, string? Name);

    private sealed record Send(string UserId, List<DueReminder> Due, (OutgoingMail Mail, string Key) Digest, IReadOnlyList<OverdueNotice> Notices);

    private sealed record StaffJob(string UserId, Guid OrganisationId, string JobRole, DateTime StartedAtUtc);

    /// <summary>
    /// Each organisation's own training rules. Should one organisation's rules not read, each is
    /// read alone: that one is logged and counted, and only its own staff wait for the next run.
    /// </summary>
    private async Task<Dictionary<Guid, OrganisationTraining>> TrainingsAsync(List<Guid> organisationIds, ContentSet set, BatchTally tally, CancellationToken cancellationToken)
    {
        try
        {
            return await OrganisationTraining.ForOrganisationsAsync(db, set, organisationIds, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            var trainings = new Dictionary<Guid, OrganisationTraining>();
            foreach (var id in organisationIds)
                await tally.TryAsync("organisation", id, async () => trainings[id] = (await OrganisationTraining.ForOrganisationsAsync(db, set, [id], cancellationToken))[id], () => { });
            return trainings;
        }
    }

    /// <summary>The modules a job requires in its organisation, each due from the day the person started in it.</summary>
    private static IEnumerable<RequiredModule> RequiredOf(StaffJob job, OrganisationTraining training, IReadOnlyList<(string ModuleSlug, DateTime Latest)> completed,
        ILookup<(string User, Guid Organisation, string Module), (DateTime FromUtc, DateTime? UntilUtc)> recognised) =>
        training.Required(job.JobRole).Where(t => t.Kind == TopicKind.Module).Select(t => new RequiredModule(
            t.Slug,
            completed.Where(c => c.ModuleSlug == t.Slug).Select(c => (DateTime?)c.Latest).FirstOrDefault(),
            training.Refresh.MonthsFor(t.Slug),
            job.StartedAtUtc)
        {
            // The one that lasts longest; the rule takes the refresh interval into account as well.
            Recognised = recognised[(job.UserId, job.OrganisationId, t.Slug)].OrderByDescending(r => r.UntilUtc ?? DateTime.MaxValue).Cast<(DateTime, DateTime?)?>().FirstOrDefault(),
        });

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

    private Task<OutgoingMail> DigestAsync(string email, string? name, List<DueReminder> due, ContentSet set)
    {
        var site = templates.Site;
        var reminders = due.Select(reminder =>
        {
            var module = set.Modules[reminder.ModuleSlug];
            var date = reminder.DueOn.UkDate();
            var text = reminder.Kind switch
            {
                ReminderKind.Expired => $"{module.Title} ran out on {date}. Do the refresher to count it again",
                ReminderKind.ExpiresWithin7Days => $"{module.Title} runs out on {date}, within a week. Do the refresher now",
                ReminderKind.ExpiresWithin30Days => $"{module.Title} runs out on {date}. There is time to do the refresher in a gap between visits",
                ReminderKind.RequiredOverdue => $"{module.Title} is required for your job and has been due since {date}, more than two weeks ago. Your manager has been told too. Do it in your next gap",
                _ => $"You started {module.Title} and have not been back for a week. Pick up where you left off",
            };
            return new ReminderDigestMail.Reminder(text, site.Link($"/learn/{module.Slug}"));
        }).ToList();
        return templates.RenderAsync<ReminderDigestMail>(email, ReminderDigestMail.Subject(due.Count),
            new ReminderDigestMail.Model(name, reminders, site.Link("/learn/record"), site.Link("/profile/reminders")));
    }
}
