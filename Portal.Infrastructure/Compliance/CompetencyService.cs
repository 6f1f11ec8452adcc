using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Compliance;

/// <summary>
/// Observed sign-off of delegated healthcare activities. Only a practitioner (a member of staff the
/// organisation marked as one) signs off, only staff of that organisation, never themselves, and only
/// once the worker holds the linked training. Managers see the log; they can withdraw a sign-off
/// (a revoke, with a reason) but never record one.
/// </summary>
public sealed class CompetencyService(PortalDbContext db, ContentStore content, ComplianceService compliance, TimeProvider clock)
{
    public sealed record ToObserve(long MembershipId, string Name, string OrganisationName, Competency Competency, ComplianceCell Cell, bool Ready);

    public sealed record Prerequisite(LearningModule Module, bool Held);

    public sealed record Observation(long MembershipId, Guid OrganisationId, string OrganisationName, string WorkerId, string WorkerName, Competency Competency,
        IReadOnlyList<Prerequisite> Prerequisites, ComplianceCell Cell, IReadOnlyList<CompetencyRecord> Log)
    {
        public bool Ready => Prerequisites.All(p => p.Held);

        /// <summary>Who recorded each row of the log.</summary>
        public Recorders RecordedBy { get; init; } = Recorders.None;

        public string RecorderOf(CompetencyRecord record) => RecordedBy.Of(record);
    }

    /// <summary>Whether the person may sign off anyone at all: a practitioner on some organisation's staff.</summary>
    public Task<bool> IsPractitionerAsync(string userId, CancellationToken cancellationToken = default) =>
        IsPractitioner(db, userId, cancellationToken);

    /// <summary>A current staff membership as a practitioner: where the person may sign others off.</summary>
    private static readonly Expression<Func<Membership, bool>> Practising = m => m.Role == MembershipRole.Staff && m.Practitioner && m.EndedAtUtc == null;

    // Asked on the person's home page at every view: compiled once (issue 25).
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<bool>> IsPractitioner = CompiledQueries.One((PortalDbContext db, string userId, CancellationToken _) =>
        db.Set<Membership>().Where(m => m.UserId == userId).Where(Practising).Any());

    private IQueryable<Guid> PractitionerOrganisations(string userId) =>
        db.Set<Membership>().Where(m => m.UserId == userId).Where(Practising).Select(m => m.OrganisationId);

    /// <summary>Everyone the practitioner may observe whose job requires a competency, and where each stands.</summary>
    public async Task<IReadOnlyList<ToObserve>> ToObserveAsync(string practitionerId, CancellationToken cancellationToken = default)
    {
        var set = content.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = PractitionerOrganisations(practitionerId);
        var observable = db.Set<Membership>().AsNoTracking()
            .Where(m => mine.Contains(m.OrganisationId) && m.Role == MembershipRole.Staff && m.EndedAtUtc == null && m.UserId != practitionerId);
        var staff = await observable
            .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => new { m, o.Name })
            .Join(db.Users, x => x.m.UserId, u => u.Id, (x, u) => new { x.m.Id, x.m.OrganisationId, OrganisationName = x.Name, x.m.UserId, x.m.JobRole, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        if (staff.Count == 0)
            return [];
        // Subqueries, not lists of ids: a large employer's staff would pass SQL Server's parameter limit.
        var userIds = observable.Select(m => m.UserId);
        var latest = await db.Set<Completion>().AsNoTracking().Where(c => userIds.Contains(c.UserId)).LatestPerModule().ToListAsync(cancellationToken);
        var log = (await db.Set<CompetencyRecord>().AsNoTracking().Where(r => mine.Contains(r.OrganisationId) && userIds.Contains(r.UserId))
                .Select(r => new { r.OrganisationId, r.UserId, r.CompetencySlug, r.Id, r.Kind, r.On, r.RevokesId }).ToListAsync(cancellationToken))
            .ToLookup(r => (r.OrganisationId, r.UserId, r.CompetencySlug), r => new CompetencyEvent(r.Id, r.Kind, r.On, r.RevokesId));
        var result = new List<ToObserve>();
        foreach (var organisation in staff.GroupBy(s => s.OrganisationId))
        {
            var training = await compliance.TrainingAsync(organisation.Key, set, cancellationToken);
            var held = Held(latest, training, now);
            foreach (var person in organisation)
            {
                foreach (var topic in training.Required(person.JobRole!).Where(t => t.Kind == TopicKind.Competency))
                {
                    var competency = set.Competencies[topic.Slug];
                    result.Add(new ToObserve(person.Id, PortalUser.ShownName(person.DisplayName, person.Email), person.OrganisationName, competency,
                        CompetencyStanding.Cell(log[(organisation.Key, person.UserId, topic.Slug)], competency.ReviewMonths, now),
                        competency.Modules.All(m => held.Contains((person.UserId, m)))));
                }
            }
        }
        // Those needing a sign-off first, then by name.
        return [.. result.OrderByDescending(r => r.Cell.Status).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Competency.Title, StringComparer.Ordinal)];
    }

    /// <summary>(person, module) pairs held today under the organisation's refresh intervals.</summary>
    private static HashSet<(string, string)> Held(IEnumerable<LatestCompletion> latest, OrganisationTraining training, DateTime now) =>
        [.. latest.Where(l => ComplianceMatrix.ModuleCell(l.CompletedAtUtc, training.Refresh.MonthsFor(l.ModuleSlug), now).Held).Select(l => (l.UserId, l.ModuleSlug))];

    /// <summary>The observation form: null (404) unless the person is a practitioner where the worker is on the staff, and not the worker.</summary>
    public async Task<Observation?> ObservationAsync(string practitionerId, long membershipId, string competencySlug, CancellationToken cancellationToken = default)
    {
        var set = content.Current;
        if (!set.Competencies.TryGetValue(competencySlug ?? "", out var competency))
            return null;
        var mine = PractitionerOrganisations(practitionerId);
        var worker = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.Id == membershipId && m.Role == MembershipRole.Staff && m.EndedAtUtc == null && m.UserId != practitionerId && mine.Contains(m.OrganisationId))
            .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, m.OrganisationId, OrganisationName = o.Name, m.UserId })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.Id, x.OrganisationId, x.OrganisationName, x.UserId, u.DisplayName, u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (worker is null)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var training = await compliance.TrainingAsync(worker.OrganisationId, set, cancellationToken);
        var held = Held(await db.Set<Completion>().AsNoTracking().Where(c => c.UserId == worker.UserId).LatestPerModule().ToListAsync(cancellationToken), training, now);
        var log = await db.Set<CompetencyRecord>().AsNoTracking()
            .Where(r => r.OrganisationId == worker.OrganisationId && r.UserId == worker.UserId && r.CompetencySlug == competency.Slug)
            .OrderByDescending(r => r.RecordedAtUtc).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        return new Observation(worker.Id, worker.OrganisationId, worker.OrganisationName, worker.UserId,
            PortalUser.ShownName(worker.DisplayName, worker.Email), competency,
            [.. competency.Modules.Where(set.Modules.ContainsKey).Select(m => new Prerequisite(set.Modules[m], held.Contains((worker.UserId, m))))],
            CompetencyStanding.Cell(log, competency.ReviewMonths, now), log)
        {
            RecordedBy = await compliance.RecorderNamesAsync(log, cancellationToken),
        };
    }

    /// <summary>Records a sign-off. Anything wrong (a step not ticked, a changed checklist, training not held) records nothing.</summary>
    public async Task<Result> SignOffAsync(string practitionerId, long membershipId, string competencySlug, string checklistVersion,
        IReadOnlyCollection<int> stepsTicked, string? note, DateOnly observedOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stepsTicked);
        if (await ObservationAsync(practitionerId, membershipId, competencySlug, cancellationToken) is not { } observation)
            return Result.NotFound();
        var competency = observation.Competency;
        if (checklistVersion != competency.ChecklistVersion)
            return Result.Invalid("Steps", "The checklist has changed since the page was opened. Check the steps again and sign off on the new list");
        if (observation.Prerequisites.FirstOrDefault(p => !p.Held) is { } missing)
            return Result.Invalid("", $"{observation.WorkerName} needs to complete {missing.Module.Title} before they are observed");
        var now = clock.GetUtcNow().UtcDateTime;
        // Observations are dated as the practitioner's calendar says.
        var today = UkTime.Today(now);
        if (CompetencyRecord.SignOffProblem(observation.WorkerId, practitionerId, competency.Checklist.Count, stepsTicked, note, observedOn, now, today) is { } problem)
            return Result.Invalid("", problem);
        db.Add(CompetencyRecord.SignOff(observation.OrganisationId, observation.WorkerId, competency.Slug, competency.ChecklistVersion,
            competency.Checklist, stepsTicked, note, observedOn, practitionerId, now, today));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>
    /// Withdraws a sign-off with a reason. A practitioner or a manager of the organisation may; the
    /// sign-off stays in the log, with the revoke after it.
    /// </summary>
    /// <param name="membershipId">The member of staff the page is about: the sign-off must be theirs, in that organisation.</param>
    public async Task<Result> RevokeAsync(string userId, long membershipId, long recordId, string? reason, CancellationToken cancellationToken = default)
    {
        var managed = db.Set<Membership>().Where(m => m.UserId == userId && m.Role == MembershipRole.Manager && m.EndedAtUtc == null).Select(m => m.OrganisationId);
        var practising = PractitionerOrganisations(userId);
        var member = db.Set<Membership>().Where(m => m.Id == membershipId && m.Role == MembershipRole.Staff && m.EndedAtUtc == null);
        var signOff = await db.Set<CompetencyRecord>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == recordId && r.Kind == CompetencyRecordKind.SignedOff
                && member.Any(m => m.OrganisationId == r.OrganisationId && m.UserId == r.UserId)
                && (managed.Contains(r.OrganisationId) || practising.Contains(r.OrganisationId)), cancellationToken);
        if (signOff is null)
            return Result.NotFound();
        if (await db.Set<CompetencyRecord>().AnyAsync(r => r.RevokesId == recordId, cancellationToken))
            return Result.Invalid("", AlreadyWithdrawn);
        if (string.IsNullOrWhiteSpace(reason))
            return Result.Invalid("Reason", "Say why the sign-off is withdrawn: it stays in their record");
        if (reason.Trim().Length > CompetencyRecord.MaxNoteLength)
            return Result.Invalid("Reason", $"Keep the reason to {CompetencyRecord.MaxNoteLength} characters");
        db.Add(CompetencyRecord.Revoke(signOff, reason, userId, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people withdrawing at once: the unique key lets one through.
            db.ChangeTracker.Clear();
            if (!await db.Set<CompetencyRecord>().AsNoTracking().AnyAsync(r => r.RevokesId == recordId, cancellationToken))
                throw;
            return Result.Invalid("", AlreadyWithdrawn);
        }
        return Result.Done();
    }

    private const string AlreadyWithdrawn = "This sign-off has already been withdrawn";
}
