using Microsoft.EntityFrameworkCore;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Passport;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Compliance;

/// <summary>
/// A manager's view of their staff's required training: the organisation's rules, the matrix, one
/// person's standing, and changes to a person's job. Every query starts from the organisations the
/// manager manages; another organisation's ids find nothing.
/// </summary>
public sealed class ComplianceService(PortalDbContext db, ContentStore content, OrganisationService organisations, StaffCompletionsCache completions, TrainingService records, TimeProvider clock)
{
    public sealed record MatrixPage(
        IReadOnlyList<(Guid Id, string Name)> Organisations, Guid OrganisationId, string OrganisationName,
        MatrixView View, IReadOnlyList<string> JobRoles, IReadOnlyList<string> Teams, int StaffCount, DateTime AsOfUtc);

    public sealed record Rules(Guid OrganisationId, string OrganisationName, OrganisationTraining Training, IReadOnlyList<(Guid Id, string Name)> Organisations);

    public sealed record PersonCell(Topic Topic, string Title, ComplianceCell Cell);

    public sealed record PersonStanding(
        long MembershipId, Guid OrganisationId, string OrganisationName, string UserId, string Name, string JobRole, string? Team, bool Practitioner,
        DateTime StartedAtUtc, IReadOnlyList<PersonCell> Cells, IReadOnlyList<CompetencyRecord> Log)
    {
        /// <summary>For a practitioner: when they were marked as one, and by whom (a name), for the audit.</summary>
        public (DateTime Since, string? By)? PractitionerGrant { get; init; }

        /// <summary>Who recorded each row of the log.</summary>
        public Recorders RecordedBy { get; init; } = Recorders.None;

        /// <summary>Whether they hold their job as an apprentice.</summary>
        public bool Apprentice { get; init; }

        /// <summary>The jobs they have held here, oldest first: (job role, from, to; null to for the one they hold now).</summary>
        public IReadOnlyList<(string JobRole, bool Apprenticeship, DateTime FromUtc, DateTime? ToUtc)> Jobs { get; init; } = [];

        public string RecorderOf(CompetencyRecord record) => RecordedBy.Of(record);

        /// <summary>Credentials recognised for them here from training passports, newest first, counting or not.</summary>
        public IReadOnlyList<Passport.RecognisedEntry> Recognised { get; init; } = [];
    }

    /// <summary>
    /// The matrix for one organisation the manager manages (the first, by name, when none is
    /// given); null when they manage none, or not that one. Six queries, however many staff.
    /// </summary>
    public async Task<MatrixPage?> MatrixAsync(string managerId, Guid? organisationId, MatrixFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var set = content.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        // 1: the organisations they manage.
        var mine = await organisations.ManagingAsync(managerId, cancellationToken);
        var chosen = Pick(mine, organisationId);
        if (chosen.Id == Guid.Empty)
            return null;
        var id = chosen.Id;
        // 2: the staff.
        var staffRows = await StaffQuery(id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, m.UserId, u.DisplayName, u.Email, m.JobRole, m.Team })
            .ToListAsync(cancellationToken);
        var staff = staffRows
            .Select(r => new MatrixPerson(r.Id, r.UserId, PortalUser.ShownName(r.DisplayName, r.Email), r.JobRole!, r.Team))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.MembershipId).ToList();
        // 3: the organisation's rules.
        var training = await TrainingAsync(id, set, cancellationToken);
        var required = staff.Select(p => p.JobRole).Distinct(StringComparer.Ordinal).ToDictionary(j => j, training.Required, StringComparer.Ordinal);
        var anyModule = required.Values.Any(t => t.Any(topic => topic.Kind == TopicKind.Module));
        // 4: the latest completion of each module, for everyone on the staff: a copy kept between
        // views, checked by one count of their completions (StaffCompletionsCache), or 15,000 rows
        // for 500 staff read afresh. Not narrowed to the required modules: a range of the (person,
        // module, date) index per person is far cheaper than a lookup per person and module.
        var staffIds = StaffQuery(id).Select(m => m.UserId);
        var latest = anyModule
            ? await completions.LatestAsync(db, id, staff.Select(p => p.UserId), cancellationToken)
            : NoCompletions;
        // 5: the organisation's competency log: only what standing depends on, not the notes and checklists.
        var log = (await db.Set<CompetencyRecord>().AsNoTracking().Where(r => r.OrganisationId == id)
                .Select(r => new { r.UserId, r.CompetencySlug, r.Id, r.Kind, r.On, r.RevokesId }).ToListAsync(cancellationToken))
            .ToLookup(r => (r.UserId, r.CompetencySlug), r => new CompetencyEvent(r.Id, r.Kind, r.On, r.RevokesId));

        // 6: training recognised from passports, as last checked (the matrix never asks an issuer).
        var recognised = !anyModule ? Recognised.None : await RecognisedAsync(db.Set<Recognition>().Where(r => r.OrganisationId == id && staffIds.Contains(r.UserId)), now, cancellationToken);

        var view = ComplianceMatrix.Build(staff, required, OrganisationTraining.AllTopics(set),
            (person, topic) => Cell(person.UserId, topic, set, training, latest, log, recognised, now), filter);
        return new MatrixPage(mine, id, chosen.Name, view,
            [.. staff.Select(p => p.JobRole).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. staff.Where(p => p.Team is not null).Select(p => p.Team!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture)],
            staff.Count, now);
    }

    /// <summary>The organisation asked for, if they manage it, else the first they manage; default when none.</summary>
    private static (Guid Id, string Name) Pick(IReadOnlyList<(Guid Id, string Name)> mine, Guid? organisationId) =>
        organisationId is { } wanted ? mine.FirstOrDefault(o => o.Id == wanted) : mine.Count > 0 ? mine[0] : default;

    private static ComplianceCell Cell(string userId, Topic topic, ContentSet set, OrganisationTraining training,
        IReadOnlyDictionary<(string, string), DateTime> latest, ILookup<(string, string), CompetencyEvent> log, ILookup<(string, string), (string, DateTime, DateTime?)> recognised, DateTime now) =>
        topic.Kind != TopicKind.Module
            ? CompetencyStanding.Cell(log[(userId, topic.Slug)], set.Competencies[topic.Slug].ReviewMonths, now)
            // Most organisations recognise nothing: then a cell needs no second lookup by person and module.
            : recognised.Count == 0
                ? ComplianceMatrix.ModuleCell(latest.TryGetValue((userId, topic.Slug), out var own) ? own : null, training.Refresh.MonthsFor(topic.Slug), now)
                : ComplianceMatrix.ModuleCell(latest.TryGetValue((userId, topic.Slug), out var done) ? done : null, training.Refresh.MonthsFor(topic.Slug), now, recognised[(userId, topic.Slug)]);

    private static readonly IReadOnlyDictionary<(string, string), DateTime> NoCompletions = new Dictionary<(string, string), DateTime>();

    /// <summary>No recognitions: for pages where nothing is recognised.</summary>
    private static class Recognised
    {
        public static ILookup<(string, string), (string, DateTime, DateTime?)> None { get; } = Array.Empty<(string, string)>().ToLookup(k => k, _ => (string.Empty, DateTime.MinValue, (DateTime?)null));
    }

    /// <summary>Recognised credentials that count now (started, not ended, not found revoked), by person and module.</summary>
    private static async Task<ILookup<(string, string), (string, DateTime, DateTime?)>> RecognisedAsync(IQueryable<Recognition> query, DateTime now, CancellationToken cancellationToken) =>
        CountingNow(await query.AsNoTracking().Where(r => r.RevokedFoundAtUtc == null)
            .Select(r => new RecognitionRow(r.UserId, r.ModuleSlug, r.IssuerName, r.ValidFromUtc, r.ValidUntilUtc)).ToListAsync(cancellationToken), now);

    private static ILookup<(string, string), (string, DateTime, DateTime?)> CountingNow(List<RecognitionRow> rows, DateTime now) =>
        rows.Where(r => Recognition.CountsAt(r.ValidFromUtc, r.ValidUntilUtc, revoked: false, now))
            .ToLookup(r => (r.UserId, r.ModuleSlug), r => (r.IssuerName, r.ValidFromUtc, r.ValidUntilUtc));

    private sealed record RecognitionRow(string UserId, string ModuleSlug, string IssuerName, DateTime ValidFromUtc, DateTime? ValidUntilUtc);

    // What a person's own pages read about them on every view (their employers' requirements),
    // compiled once so a view does not pay EF Core to take each query apart again (issue 25).
    private sealed record JobRow(Guid OrganisationId, string Name, string? JobRole);

    private static readonly Func<PortalDbContext, string, IAsyncEnumerable<JobRow>> JobsOf = CompiledQueries.Rows((PortalDbContext db, string userId) =>
        db.Set<Membership>().AsNoTracking()
            .Where(m => m.UserId == userId).Where(RefreshPolicies.Employed)
            .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => new JobRow(m.OrganisationId, o.Name, m.JobRole)));

    private static readonly Func<PortalDbContext, string, IAsyncEnumerable<CompetencyRecord>> CompetencyLogOf = CompiledQueries.Rows<string, CompetencyRecord>((PortalDbContext db, string userId) =>
        db.Set<CompetencyRecord>().AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.RecordedAtUtc).ThenByDescending(r => r.Id));

    private static readonly Func<PortalDbContext, Guid, string, IAsyncEnumerable<RecognitionRow>> RecognitionsOf = CompiledQueries.Rows((PortalDbContext db, Guid organisationId, string userId) =>
        db.Set<Recognition>().AsNoTracking().Where(r => r.OrganisationId == organisationId && r.UserId == userId && r.RevokedFoundAtUtc == null)
            .Select(r => new RecognitionRow(r.UserId, r.ModuleSlug, r.IssuerName, r.ValidFromUtc, r.ValidUntilUtc)));

    private static readonly Func<PortalDbContext, Guid, IAsyncEnumerable<RuleRow>> RulesOf = CompiledQueries.Rows((PortalDbContext db, Guid organisationId) =>
        db.Set<JobRequirements>().AsNoTracking().Where(r => r.OrganisationId == organisationId)
            .Select(r => new RuleRow { Job = r.JobRole, Modules = r.Modules, Competencies = r.Competencies, Module = null, Months = null, IsRefresh = false })
            .Concat(db.Set<RefreshOverride>().AsNoTracking().Where(o => o.OrganisationId == organisationId)
                .Select(o => new RuleRow { Job = null, Modules = null, Competencies = null, Module = o.ModuleSlug, Months = o.Months, IsRefresh = true })));

    private IQueryable<Membership> StaffQuery(Guid organisationId) =>
        db.Set<Membership>().AsNoTracking().Where(m => m.OrganisationId == organisationId && m.Role == MembershipRole.Staff && m.EndedAtUtc == null);

    /// <summary>The organisation's rules in one query: its own job lists and refresh intervals.</summary>
    internal async Task<OrganisationTraining> TrainingAsync(Guid organisationId, ContentSet set, CancellationToken cancellationToken)
    {
        var rows = await RulesOf(db, organisationId).ToListAsync(cancellationToken);
        return OrganisationTraining.From(set,
            rows.Where(r => !r.IsRefresh).Select(r => (r.Job!, JobRequirements.TopicsOf(r.Modules!, r.Competencies!))),
            rows.Where(r => r.IsRefresh).Select(r => (r.Module!, r.Months)));
    }

    private sealed class RuleRow
    {
        public string? Job { get; init; }
        public string? Modules { get; init; }
        public string? Competencies { get; init; }
        public string? Module { get; init; }
        public int? Months { get; init; }
        public bool IsRefresh { get; init; }
    }

    /// <summary>The rules of an organisation the manager manages, or null (404).</summary>
    public async Task<Rules?> RulesAsync(string managerId, Guid? organisationId, CancellationToken cancellationToken = default)
    {
        var mine = await organisations.ManagingAsync(managerId, cancellationToken);
        var chosen = Pick(mine, organisationId);
        if (chosen.Id == Guid.Empty)
            return null;
        return new Rules(chosen.Id, chosen.Name, await TrainingAsync(chosen.Id, content.Current, cancellationToken), mine);
    }

    /// <summary>Sets what a job requires in the organisation. Unknown topics or jobs change nothing.</summary>
    public async Task<Result> SetRequiredAsync(string managerId, Guid organisationId, string jobRole, IReadOnlyCollection<string> topicKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicKeys);
        if (!await ManagesAsync(managerId, organisationId, cancellationToken))
            return Result.NotFound();
        var set = content.Current;
        if (!set.Roles.TryGetValue(jobRole ?? "", out var role) || role.EntryPoint)
            return Result.Invalid("JobRole", "Choose a job from the list");
        var topics = new List<Topic>();
        foreach (var key in topicKeys)
        {
            if (Topic.Parse(key) is not { } topic || !OrganisationTraining.Exists(set, topic))
                return Result.Invalid("Topics", "One of the topics sent is not on the portal. Reload the page and choose again");
            topics.Add(topic);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Set<JobRequirements>().FirstOrDefaultAsync(r => r.OrganisationId == organisationId && r.JobRole == jobRole, cancellationToken);
        if (row is null)
            db.Add(JobRequirements.Create(organisationId, jobRole!, topics, managerId, now));
        else
            row.Change(topics, managerId, now);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Goes back to the job role's defaults.</summary>
    public async Task<Result> UseDefaultsAsync(string managerId, Guid organisationId, string jobRole, CancellationToken cancellationToken = default)
    {
        if (!await ManagesAsync(managerId, organisationId, cancellationToken))
            return Result.NotFound();
        await db.Set<JobRequirements>().Where(r => r.OrganisationId == organisationId && r.JobRole == jobRole).ExecuteDeleteAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Sets (or, with <paramref name="useDefault"/>, removes) the organisation's refresh interval for a module.</summary>
    public async Task<Result> SetRefreshAsync(string managerId, Guid organisationId, string moduleSlug, bool useDefault, int? months, CancellationToken cancellationToken = default)
    {
        if (!await ManagesAsync(managerId, organisationId, cancellationToken))
            return Result.NotFound();
        if (!content.Current.Modules.ContainsKey(moduleSlug ?? ""))
            return Result.Invalid("ModuleSlug", "That training module is not on the portal. Reload the page and choose again");
        if (!useDefault && months is < 1 or > RefreshOverride.MaxMonths)
            return Result.Invalid("Months", $"Choose how often it is redone: 1 to {RefreshOverride.MaxMonths} months, or never");
        var row = await db.Set<RefreshOverride>().FirstOrDefaultAsync(o => o.OrganisationId == organisationId && o.ModuleSlug == moduleSlug, cancellationToken);
        if (useDefault)
        {
            if (row is not null)
                db.Remove(row);
        }
        else if (row is null)
        {
            db.Add(RefreshOverride.Create(organisationId, moduleSlug!, months, managerId, clock.GetUtcNow().UtcDateTime));
        }
        else
        {
            row.Change(months, managerId, clock.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    private Task<bool> ManagesAsync(string managerId, Guid organisationId, CancellationToken cancellationToken) =>
        organisations.IsActiveMemberAsync(organisationId, managerId, MembershipRole.Manager, cancellationToken);

    /// <summary>One member of staff's standing, for a manager of their organisation; null otherwise (404).</summary>
    public async Task<PersonStanding?> PersonAsync(string managerId, long membershipId, CancellationToken cancellationToken = default)
    {
        var managed = organisations.OrganisationsOf(managerId, MembershipRole.Manager);
        var row = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.Id == membershipId && m.Role == MembershipRole.Staff && m.EndedAtUtc == null && managed.Contains(m.OrganisationId))
            .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => new { m, o.Name })
            .Join(db.Users, x => x.m.UserId, u => u.Id, (x, u) => new { x.m, OrganisationName = x.Name, u.DisplayName, u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var set = content.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var training = await TrainingAsync(row.m.OrganisationId, set, cancellationToken);
        var required = training.Required(row.m.JobRole!);
        var latest = (await db.Set<Completion>().AsNoTracking().Where(c => c.UserId == row.m.UserId)
                .LatestPerModule().ToListAsync(cancellationToken))
            .ToDictionary(l => (l.UserId, l.ModuleSlug), l => l.CompletedAtUtc);
        var log = await db.Set<CompetencyRecord>().AsNoTracking()
            .Where(r => r.OrganisationId == row.m.OrganisationId && r.UserId == row.m.UserId)
            .OrderByDescending(r => r.RecordedAtUtc).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        var byCompetency = log.ToLookup(r => (r.UserId, r.CompetencySlug), CompetencyEvent.Of);
        var recordedBy = await RecorderNamesAsync(log, cancellationToken);
        var recognitions = await db.Set<Recognition>().AsNoTracking().Where(r => r.OrganisationId == row.m.OrganisationId && r.UserId == row.m.UserId)
            .OrderByDescending(r => r.RecognisedAtUtc).ToListAsync(cancellationToken);
        var recognised = recognitions.Where(r => r.Counts(now)).ToLookup(r => (r.UserId, r.ModuleSlug), r => (r.IssuerName, r.ValidFromUtc, r.ValidUntilUtc));
        var order = OrganisationTraining.AllTopics(set);
        var cells = order.Where(t => required.Contains(t.Topic))
            .Select(t => new PersonCell(t.Topic, t.Title, Cell(row.m.UserId, t.Topic, set, training, latest, byCompetency, recognised, now)))
            .OrderByDescending(c => c.Cell.Status).ToList();
        (DateTime, string?)? grant = null;
        if (row.m.Practitioner)
        {
            var by = row.m.PractitionerGrantedBy is { } grantedBy
                ? await db.Users.Where(u => u.Id == grantedBy).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken)
                : null;
            grant = (row.m.PractitionerSinceUtc ?? row.m.StartedAtUtc, by is null ? null : PortalUser.ShownName(by.DisplayName, by.Email));
        }
        return new PersonStanding(row.m.Id, row.m.OrganisationId, row.OrganisationName, row.m.UserId,
            PortalUser.ShownName(row.DisplayName, row.Email), row.m.JobRole!, row.m.Team, row.m.Practitioner, row.m.StartedAtUtc, cells, log)
        {
            PractitionerGrant = grant,
            RecordedBy = recordedBy,
            Apprentice = row.m.Apprentice,
            Jobs = [.. (await db.Set<JobHeld>().AsNoTracking().Where(j => j.MembershipId == row.m.Id).OrderBy(j => j.FromUtc).ThenBy(j => j.Id)
                .Select(j => new { j.JobRole, j.Apprenticeship, j.FromUtc, j.ToUtc }).ToListAsync(cancellationToken)).Select(j => (j.JobRole, j.Apprenticeship, j.FromUtc, j.ToUtc))],
            Recognised = [.. recognitions.Select(r => new Passport.RecognisedEntry(set.Modules.TryGetValue(r.ModuleSlug, out var m) ? m.Title : r.ModuleSlug, r.AchievementName, r.IssuerName,
                r.ValidFromUtc, r.ValidUntilUtc, r.RecognisedAtUtc, r.LastCheckedAtUtc, r.RevokedFoundAtUtc is not null, r.Counts(now)))],
        };
    }

    /// <summary>The names of those who recorded these competency records (signed off or withdrew), by user id; one query.</summary>
    public async Task<Recorders> RecorderNamesAsync(IEnumerable<CompetencyRecord> log, CancellationToken cancellationToken = default)
    {
        var recorders = log.Select(r => r.RecordedBy).Distinct().ToList();
        if (recorders.Count == 0)
            return Recorders.None;
        return new Recorders(await db.Users.AsNoTracking().Where(u => recorders.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, u => PortalUser.ShownName(u.DisplayName, u.Email), cancellationToken));
    }

    /// <summary>What one employer requires of the person, in the matrix's own cells, worst first.</summary>
    public sealed record EmployerRequirements(Guid OrganisationId, string OrganisationName, string JobRole, IReadOnlyList<PersonCell> Cells)
    {
        public int Held => Cells.Count(c => c.Cell.Held);
    }

    /// <summary>A sign-off of the person's competency as they see it: which activity, when, who signed, and whether it was withdrawn.</summary>
    public sealed record SignOffSeen(string CompetencySlug, string Title, string OrganisationName, DateOnly On, string SignedBy, string Note, DateOnly? WithdrawnOn, string? WithdrawnReason);

    public sealed record MyRequirements(IReadOnlyList<EmployerRequirements> Employers, IReadOnlyList<SignOffSeen> SignOffs);

    /// <summary>A person's own training record and what their employers require of them, from one reading.</summary>
    public sealed record MyTraining(IReadOnlyList<RecordEntry> Record, MyRequirements Required);

    /// <summary>
    /// The person's own training record (<see cref="TrainingService.GetRecordAsync(string, ContentSet, CancellationToken)"/>)
    /// and what each of their current employers requires of them, judged exactly as that employer's
    /// matrix judges it (the same cells, rules and refresh intervals), with their own competency
    /// sign-offs and who signed them. Only ever the person's own rows.
    /// </summary>
    /// <remarks>
    /// Read together because every page that shows one shows the other (their home, their record, the
    /// catalogue filtered by what is required, the modules their phone keeps): each employer's rules
    /// are read once and give both the requirements and the refresh intervals the record is judged by,
    /// and the requirements take the latest completions from the record. One or two fewer round trips
    /// than reading each on its own (issue 25): six queries for a member of staff of one employer,
    /// four for someone who works nowhere.
    /// </remarks>
    public async Task<MyTraining> MineAsync(string userId, ContentSet set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var jobs = await JobsOf(db, userId).ToListAsync(cancellationToken);
        var rules = new Dictionary<Guid, OrganisationTraining>();
        foreach (var organisationId in jobs.Select(j => j.OrganisationId).Distinct())
            rules[organisationId] = await TrainingAsync(organisationId, set, cancellationToken);
        // The intervals RefreshPolicies.ForPersonAsync reads for the record on its own: each current
        // employment's employer's own (JobsOf and it share the RefreshPolicies.Employed predicate).
        var policy = set.RefreshDefaults.ForPerson(jobs.Select(j => rules[j.OrganisationId].Overrides));
        var record = await records.GetRecordAsync(userId, set, policy, cancellationToken);
        var latest = record.Where(e => e.Latest is not null).ToDictionary(e => (userId, e.ModuleSlug), e => e.Latest!.CompletedAtUtc);
        return new MyTraining(record, await RequiredAsync(userId, set, jobs, rules, latest, cancellationToken));
    }

    private async Task<MyRequirements> RequiredAsync(string userId, ContentSet set, List<JobRow> jobs, Dictionary<Guid, OrganisationTraining> rules,
        Dictionary<(string, string), DateTime> latest, CancellationToken cancellationToken)
    {
        var log = await CompetencyLogOf(db, userId).ToListAsync(cancellationToken);
        if (jobs.Count == 0 && log.Count == 0)
            return new MyRequirements([], []);
        var now = clock.GetUtcNow().UtcDateTime;
        var order = OrganisationTraining.AllTopics(set);
        var employers = new List<EmployerRequirements>();
        foreach (var job in jobs.OrderBy(j => j.Name, StringComparer.CurrentCulture))
        {
            var training = rules[job.OrganisationId];
            var required = training.Required(job.JobRole!);
            var byCompetency = log.Where(r => r.OrganisationId == job.OrganisationId).ToLookup(r => (r.UserId, r.CompetencySlug), CompetencyEvent.Of);
            var recognised = CountingNow(await RecognitionsOf(db, job.OrganisationId, userId).ToListAsync(cancellationToken), now);
            var cells = order.Where(t => required.Contains(t.Topic))
                .Select(t => new PersonCell(t.Topic, t.Title, Cell(userId, t.Topic, set, training, latest, byCompetency, recognised, now)))
                .OrderByDescending(c => c.Cell.Status).ThenBy(c => c.Cell.Expires).ToList();
            employers.Add(new EmployerRequirements(job.OrganisationId, job.Name, job.JobRole!, cells));
        }
        return new MyRequirements(employers, await SignOffsAsync(log, set, cancellationToken));
    }

    private async Task<IReadOnlyList<SignOffSeen>> SignOffsAsync(IReadOnlyList<CompetencyRecord> log, ContentSet set, CancellationToken cancellationToken)
    {
        var signOffs = log.Where(r => r.Kind == CompetencyRecordKind.SignedOff).ToList();
        if (signOffs.Count == 0)
            return [];
        var people = signOffs.Select(r => r.RecordedBy).Append("").Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => PortalUser.ShownName(u.DisplayName, u.Email), cancellationToken);
        var organisationIds = signOffs.Select(r => r.OrganisationId).Distinct().ToList();
        var organisationNames = await db.Set<Organisation>().AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var withdrawals = log.Where(r => r.Kind == CompetencyRecordKind.Revoked && r.RevokesId is not null).ToDictionary(r => r.RevokesId!.Value);
        return [.. signOffs.Select(r =>
        {
            withdrawals.TryGetValue(r.Id, out var withdrawn);
            return new SignOffSeen(r.CompetencySlug, set.Competencies.TryGetValue(r.CompetencySlug, out var c) ? c.Title : r.CompetencySlug,
                organisationNames.GetValueOrDefault(r.OrganisationId, ""), r.On, names.GetValueOrDefault(r.RecordedBy, "someone no longer on the portal"),
                r.Note, withdrawn?.On, withdrawn?.Note);
        })];
    }

    /// <summary>Changes a member of staff's job, team or practitioner flag. A manager cannot make themselves a practitioner.</summary>
    /// <param name="apprentice">Whether they hold the job as an apprentice; null leaves it as it is.</param>
    public async Task<Result> ChangeJobAsync(string managerId, long membershipId, string jobRole, string? team, bool practitioner, bool? apprentice = null, CancellationToken cancellationToken = default)
    {
        var membership = await ManagedStaffAsync(managerId, membershipId, cancellationToken);
        if (membership is null)
            return Result.NotFound();
        if (!content.Current.Roles.TryGetValue(jobRole ?? "", out var role) || role.EntryPoint)
            return Result.Invalid("JobRole", "Choose their job from the list");
        if (team?.Trim().Length > Membership.MaxTeamLength)
            return Result.Invalid("Team", $"Keep the team name to {Membership.MaxTeamLength} characters");
        if (practitioner && !membership.Practitioner && membership.UserId == managerId)
            return Result.Invalid("Practitioner", "You cannot make yourself a practitioner: ask another manager or an administrator");
        membership.ChangeJob(jobRole!, team, practitioner, managerId, clock.GetUtcNow().UtcDateTime, apprentice);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>They have left: the membership ends (and is kept); their own record is untouched.</summary>
    public async Task<Result> EndAsync(string managerId, long membershipId, CancellationToken cancellationToken = default)
    {
        var membership = await ManagedStaffAsync(managerId, membershipId, cancellationToken);
        if (membership is null)
            return Result.NotFound();
        membership.End(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    private Task<Membership?> ManagedStaffAsync(string managerId, long membershipId, CancellationToken cancellationToken)
    {
        var managed = organisations.OrganisationsOf(managerId, MembershipRole.Manager);
        return db.Set<Membership>().Include(m => m.Jobs).FirstOrDefaultAsync(m => m.Id == membershipId && m.Role == MembershipRole.Staff && m.EndedAtUtc == null && managed.Contains(m.OrganisationId), cancellationToken);
    }
}
