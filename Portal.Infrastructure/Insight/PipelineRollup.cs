using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Equality;
using Portal.Domain.Insight;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Domain.Pathways;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// Works out the pipeline and programme rollups (<see cref="InsightFigure"/>) inside the insight
/// job's transaction. Whose figure a step is: the city's always; the employer's whose vacancy the
/// application was to (and whose staff a hire stayed on); the navigator organisation's that
/// recorded an outcome or holds the person's case. A person counts at a step once per scope, in the
/// month they first reached it there, so the months of a period add up.
/// </summary>
public sealed class PipelineRollup(PortalDbContext db, PriorityNeighbourhoods neighbourhoods, IOptions<TalentOptions> talent)
{
    public const string DaysToHire = "days-to-hire";
    public const string VacanciesPosted = "vacancies-posted";
    public const string VacanciesFilled = "vacancies-filled";
    public const string DaysToFill = "days-to-fill";
    public const string ByFairWork = "fair-work";
    public const string ByRoute = "route";
    public const string ByProgramme = "programme";
    public const string ByNeighbourhood = "neighbourhood";
    public const string NoneCategory = "none";
    public const string NotAnswered = "not-answered";

    /// <summary>Staff in post at the end of the month (or now, for this month), by the monitoring questions.</summary>
    public const string Workforce = "workforce";

    /// <summary>How far back the workforce is worked out on a full run: two years is enough to compare with, and keeps the run short.</summary>
    public const int WorkforceMonths = 24;

    public const string CohortStarted = "cohort-started";
    public const string CohortCompleted = "cohort-completed";
    public const string CohortInterviewed = "cohort-interviewed";
    public const string CohortHired = "cohort-hired";
    public const string CohortInWork = "cohort-in-work";

    private static readonly string[] StaffRoles = [PortalRoles.Admin, PortalRoles.Recruiter, PortalRoles.Manager, PortalRoles.Navigator, PortalRoles.Analyst];

    private static readonly Guid City = LearningMonth.City;

    /// <summary>Every figure this rollup writes: a run replaces these and leaves any other rollup's rows alone.</summary>
    private static readonly string[] Figures =
    [
        .. PipelineStages.All.Select(PipelineStages.Key), DaysToHire, VacanciesPosted, VacanciesFilled, DaysToFill, Workforce,
        CohortStarted, CohortCompleted, CohortInterviewed, CohortHired, CohortInWork,
    ];

    /// <summary>
    /// Works out the months from <paramref name="first"/> (every month on a full run) and replaces
    /// them. An hourly run reads only the people who did something in those months (with their
    /// whole history, so "the month they first reached it" stays right), grouped in the database
    /// where it can: every change is stamped when it happens, so older months stay as they were,
    /// but for a hub outcome recorded since the last run with an earlier date, which takes the run
    /// back to that month. Erasures and changed answers (route, postcode, monitoring) move people
    /// between older months' categories: the weekly full run catches those.
    /// </summary>
    /// <param name="full">Every month from the first event (a first run is always full).</param>
    /// <param name="lastRunUtc">When the run before this one worked the figures out (less a margin for saves still committing then); null for none.</param>
    /// <returns>The replacing of those months' rows, to run in the write transaction.</returns>
    public async Task<Func<CancellationToken, Task>> ComputeAsync(bool full, DateOnly first, DateOnly last, DateTime now, DateTime? lastRunUtc, CancellationToken cancellationToken)
    {
        full = full || lastRunUtc is null || !await db.Set<InsightFigure>().AnyAsync(cancellationToken);
        var today = UkTime.Today(now);
        var from = full ? DateOnly.MinValue : await FirstChangedMonthAsync(first, lastRunUtc!.Value, cancellationToken);
        // A UK month starts at local midnight; a day either side in UTC catches every row in it.
        var fromUtc = full ? DateTime.MinValue : StartUtc(from).AddDays(-1);
        var workforceFrom = full ? last.AddMonths(-(WorkforceMonths - 1)) : from;

        var firsts = new Dictionary<(Guid Scope, PipelineStage Stage, string User), DateOnly>();
        void Reached(Guid scope, PipelineStage stage, string user, DateOnly on)
        {
            if (on > today)
                return;
            var key = (scope, stage, user);
            if (!firsts.TryGetValue(key, out var earlier) || on < earlier)
                firsts[key] = on;
        }

        var counts = new FigureCounts();
        void Add(DateOnly month, Guid scope, string figure, string dimension, string category)
        {
            if (month >= from && month <= last)
                counts.Add(month, scope, figure, dimension, category);
        }

        // The people who reached a step in these months, by any source (a hire's in-work steps fall up to a year after it).
        // Each is read with their whole history; everyone else's counts in these months are nought.
        // Worked out once and handed to each query as one list parameter (EF.Parameter: thousands of ids
        // are more than SQLite allows as separate parameters); as a subquery every query below ran it again.
        string[]? active = null;
        if (!full)
        {
            var hiresFromUtc = fromUtc.AddDays(-7 * 52);
            active = [.. await db.Set<ApplicationEvent>().Where(e => e.ChangedAtUtc >= fromUtc || (e.Status == ApplicationStatus.Hired && e.ChangedAtUtc >= hiresFromUtc))
                .Join(db.Set<Application>(), e => e.ApplicationId, a => a.Id, (e, a) => a.UserId)
                .Union(db.Set<HubOutcome>().Where(o => o.On >= from).Select(o => o.UserId))
                .ToListAsync(cancellationToken)];
        }

        // Registered: every account that is not a member of staff's working account.
        var staffAccounts = (await db.UserRoles.AsNoTracking()
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .Where(x => StaffRoles.Contains(x.Name!)).Select(x => x.UserId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var users = db.Users.AsNoTracking();
        if (!full)
            users = users.Where(u => u.CreatedUtc >= fromUtc);
        await foreach (var user in users.Select(u => new { u.Id, u.CreatedUtc }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!staffAccounts.Contains(user.Id))
                Reached(City, PipelineStage.Registered, user.Id, UkTime.Today(user.CreatedUtc));
        }
        // For a talent hub, registered means joining its caseload. A withdrawn consent takes the case out of every figure.
        var cases = db.Set<NavigationCase>().AsNoTracking().Where(c => c.ClosedBecause == null || c.ClosedBecause != CaseClosure.ConsentWithdrawn);
        if (!full)
            cases = cases.Where(c => db.Set<NavigationCase>().Any(r => r.UserId == c.UserId && r.OrganisationId == c.OrganisationId && r.OpenedAtUtc >= fromUtc));
        foreach (var c in await cases.Select(c => new { c.UserId, c.OrganisationId, c.OpenedAtUtc }).ToListAsync(cancellationToken))
            Reached(c.OrganisationId, PipelineStage.Registered, c.UserId, UkTime.Today(c.OpenedAtUtc));

        // Applied, interviewed, offered, hired on the portal: each person's first move of each kind at each employer, grouped in the database.
        var moves = db.Set<ApplicationEvent>().AsNoTracking()
            .Where(e => e.Status == ApplicationStatus.Submitted || e.Status == ApplicationStatus.Interview || e.Status == ApplicationStatus.Offer || e.Status == ApplicationStatus.Hired)
            .Join(db.Set<Application>(), e => e.ApplicationId, a => a.Id, (e, a) => new { e.Status, e.ChangedAtUtc, a.UserId, a.VacancyId })
            .Join(db.Set<Vacancy>(), x => x.VacancyId, v => v.Id, (x, v) => new { x.Status, x.ChangedAtUtc, x.UserId, v.OrganisationId });
        if (active is not null)
            moves = moves.Where(x => EF.Parameter(active).Contains(x.UserId));
        await foreach (var move in moves.GroupBy(x => new { x.UserId, x.OrganisationId, x.Status })
                           .Select(g => new { g.Key.UserId, g.Key.OrganisationId, g.Key.Status, At = g.Min(x => x.ChangedAtUtc) })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var reached = move.Status switch
            {
                ApplicationStatus.Submitted => PipelineStage.Applied,
                ApplicationStatus.Interview => PipelineStage.Interviewed,
                ApplicationStatus.Offer => PipelineStage.Offered,
                _ => PipelineStage.Hired,
            };
            Reached(City, reached, move.UserId, UkTime.Today(move.At));
            Reached(move.OrganisationId, reached, move.UserId, UkTime.Today(move.At));
        }

        var outcomeRows = db.Set<HubOutcome>().AsNoTracking();
        if (active is not null)
            outcomeRows = outcomeRows.Where(o => EF.Parameter(active).Contains(o.UserId));
        foreach (var outcome in await outcomeRows.Select(o => new { o.UserId, o.OrganisationId, o.Kind, o.On }).ToListAsync(cancellationToken))
        {
            PipelineStage? stage = outcome.Kind switch
            {
                OutcomeKind.Interview => PipelineStage.Interviewed,
                OutcomeKind.Offer => PipelineStage.Offered,
                OutcomeKind.StartedWork => PipelineStage.Hired,
                OutcomeKind.StillInWork13Weeks => PipelineStage.InWork13Weeks,
                OutcomeKind.StillInWork26Weeks => PipelineStage.InWork26Weeks,
                OutcomeKind.StillInWork52Weeks => PipelineStage.InWork52Weeks,
                _ => null,
            };
            if (stage is { } reached)
            {
                Reached(City, reached, outcome.UserId, outcome.On);
                Reached(outcome.OrganisationId, reached, outcome.UserId, outcome.On);
            }
        }

        // Each hire on the portal, for the in-work steps and time to hire.
        var hireRows = db.Set<ApplicationEvent>().AsNoTracking().Where(e => e.Status == ApplicationStatus.Hired)
            .Join(db.Set<Application>(), e => e.ApplicationId, a => a.Id, (e, a) => new { e.ApplicationId, e.ChangedAtUtc, a.UserId, a.VacancyId })
            .Join(db.Set<Vacancy>(), x => x.VacancyId, v => v.Id, (x, v) => new { x.ApplicationId, x.ChangedAtUtc, x.UserId, x.VacancyId, v.OrganisationId });
        if (active is not null)
            hireRows = hireRows.Where(h => EF.Parameter(active).Contains(h.UserId));
        var hires = await hireRows.ToListAsync(cancellationToken);

        // Staff memberships: those of the people above (still in work after a hire) and everyone in post in these months (the workforce).
        var workforceFromUtc = StartUtc(workforceFrom);
        var staffRows = db.Set<Membership>().AsNoTracking().Where(m => m.Role == MembershipRole.Staff);
        if (active is not null)
            staffRows = staffRows.Where(m => m.EndedAtUtc == null || m.EndedAtUtc > workforceFromUtc || EF.Parameter(active).Contains(m.UserId));
        var memberships = await staffRows.Select(m => new { m.UserId, m.OrganisationId, m.StartedAtUtc, m.EndedAtUtc }).ToListAsync(cancellationToken);
        var staff = memberships.ToLookup(m => (m.UserId, m.OrganisationId));

        // A hire on the portal is still in work at 13, 26 or 52 weeks when the person is still on that employer's staff then.
        foreach (var hire in hires)
        {
            var hiredOn = UkTime.Today(hire.ChangedAtUtc);
            foreach (var (weeks, stage) in PipelineStages.InWork)
            {
                var due = CheckInSchedule.DueOn(hiredOn, weeks);
                var dueUtc = DateTime.SpecifyKind(due.ToDateTime(new TimeOnly(12, 0)), DateTimeKind.Utc);
                if (due <= today && staff[(hire.UserId, hire.OrganisationId)].Any(m => m.StartedAtUtc <= dueUtc && (m.EndedAtUtc is null || m.EndedAtUtc > dueUtc)))
                {
                    Reached(City, stage, hire.UserId, due);
                    Reached(hire.OrganisationId, stage, hire.UserId, due);
                }
            }
        }

        // Only the people counted in these months (and the workforce) need what they are counted under:
        // those who registered or joined a caseload in them, and the people above.
        string[]? counted = null;
        if (active is not null)
        {
            var newcomers = await db.Users.Where(u => u.CreatedUtc >= fromUtc).Select(u => u.Id)
                .Union(db.Set<NavigationCase>().Where(c => c.OpenedAtUtc >= fromUtc).Select(c => c.UserId))
                .ToListAsync(cancellationToken);
            counted = [.. active.Union(newcomers, StringComparer.Ordinal)];
        }
        var workforce = memberships.Where(m => m.EndedAtUtc == null || m.EndedAtUtc > workforceFromUtc).Select(m => m.UserId);
        var people = new People(db, counted, workforce);
        var under = await people.LoadAsync(neighbourhoods, cancellationToken);

        foreach (var ((scope, stage, user), on) in firsts)
        {
            var month = MonthRange.MonthOf(on);
            if (month < from)
                continue;
            foreach (var (dimension, category) in under(user))
                Add(month, scope, PipelineStages.Key(stage), dimension, category);
        }

        // The workforce at each month's end, by the monitoring questions (and in all), for the city and each employer.
        var equalityKeys = EqualityQuestions.All.Select(q => q.Key).Append(InsightFigure.All).ToHashSet(StringComparer.Ordinal);
        var monitoring = new Dictionary<string, (string Dimension, string Category)[]>(StringComparer.Ordinal);
        for (var month = workforceFrom; month <= last; month = month.AddMonths(1))
        {
            var end = StartUtc(month.AddMonths(1));
            var at = end < now ? end : now;
            var inPost = new HashSet<(Guid Scope, string User)>();
            foreach (var m in memberships)
            {
                if (m.StartedAtUtc <= at && (m.EndedAtUtc is null || m.EndedAtUtc > at))
                {
                    inPost.Add((m.OrganisationId, m.UserId));
                    inPost.Add((City, m.UserId));
                }
            }
            foreach (var (scope, user) in inPost)
            {
                if (!monitoring.TryGetValue(user, out var categories))
                    monitoring[user] = categories = [.. under(user).Where(c => equalityKeys.Contains(c.Dimension))];
                foreach (var (dimension, category) in categories)
                    Add(month, scope, Workforce, dimension, category);
            }
        }

        // Time to hire: each hire, from the day the application was last submitted (a reapplication starts the clock again).
        var submittedRows = db.Set<ApplicationEvent>().AsNoTracking().Where(e => e.Status == ApplicationStatus.Submitted);
        if (!full)
            submittedRows = submittedRows.Where(e => db.Set<ApplicationEvent>().Any(h => h.ApplicationId == e.ApplicationId && h.Status == ApplicationStatus.Hired && h.ChangedAtUtc >= fromUtc));
        var submitted = (await submittedRows.Select(e => new { e.ApplicationId, e.ChangedAtUtc }).ToListAsync(cancellationToken)).ToLookup(e => e.ApplicationId, e => e.ChangedAtUtc);
        foreach (var hire in hires)
        {
            var applied = submitted[hire.ApplicationId].Where(s => s <= hire.ChangedAtUtc).DefaultIfEmpty(hire.ChangedAtUtc).Max();
            var hiredOn = UkTime.Today(hire.ChangedAtUtc);
            var days = hiredOn.DayNumber - UkTime.Today(applied).DayNumber;
            foreach (var scope in new[] { City, hire.OrganisationId })
                Add(MonthRange.MonthOf(hiredOn), scope, DaysToHire, InsightFigure.ByDays, days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Vacancies: posted in the month they were first published, filled in the month of their first hire (grouped in the database).
        var realLivingWage = talent.Value.RealLivingWage;
        var firstHire = await db.Set<ApplicationEvent>().AsNoTracking().Where(e => e.Status == ApplicationStatus.Hired)
            .Join(db.Set<Application>(), e => e.ApplicationId, a => a.Id, (e, a) => new { a.VacancyId, e.ChangedAtUtc })
            .GroupBy(x => x.VacancyId).Select(g => new { VacancyId = g.Key, At = g.Min(x => x.ChangedAtUtc) })
            .ToDictionaryAsync(f => f.VacancyId, f => f.At, cancellationToken);
        var vacancies = db.Set<Vacancy>().AsNoTracking().Where(v => v.PublishedAtUtc != null);
        if (!full)
        {
            var filledSince = db.Set<ApplicationEvent>().Where(e => e.Status == ApplicationStatus.Hired)
                .Join(db.Set<Application>(), e => e.ApplicationId, a => a.Id, (e, a) => new { a.VacancyId, e.ChangedAtUtc })
                .GroupBy(x => x.VacancyId).Where(g => g.Min(x => x.ChangedAtUtc) >= fromUtc).Select(g => g.Key);
            vacancies = vacancies.Where(v => v.PublishedAtUtc >= fromUtc || filledSince.Contains(v.Id));
        }
        await foreach (var vacancy in vacancies.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var postedOn = UkTime.Today(vacancy.PublishedAtUtc!.Value);
            var badges = FairWork.Badges(vacancy.Details, realLivingWage);
            foreach (var scope in new[] { City, vacancy.OrganisationId })
            {
                Add(MonthRange.MonthOf(postedOn), scope, VacanciesPosted, InsightFigure.All, "");
                foreach (var badge in badges)
                    Add(MonthRange.MonthOf(postedOn), scope, VacanciesPosted, ByFairWork, badge);
                if (firstHire.TryGetValue(vacancy.Id, out var filledAt))
                {
                    var filledOn = UkTime.Today(filledAt);
                    Add(MonthRange.MonthOf(filledOn), scope, VacanciesFilled, InsightFigure.All, "");
                    Add(MonthRange.MonthOf(filledOn), scope, DaysToFill, InsightFigure.ByDays,
                        Math.Max(0, filledOn.DayNumber - postedOn.DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        // Programme cohorts are few and each one's funnel spans its whole life: worked out whole every run.
        var enrolments = people.Enrolments;
        var cohortOutcomes = await db.Set<HubOutcome>().AsNoTracking().Where(o => o.CohortId != Guid.Empty)
            .Select(o => new { o.UserId, o.CohortId, o.Kind, o.On }).ToListAsync(cancellationToken);
        var enrolled = db.Set<Enrolment>().Select(e => e.UserId);
        var cohortMoves = await db.Set<ApplicationEvent>().AsNoTracking().Where(e => e.Status == ApplicationStatus.Interview || e.Status == ApplicationStatus.Hired)
            .Join(db.Set<Application>(), e => e.ApplicationId, a => a.Id, (e, a) => new { a.UserId, e.Status, e.ChangedAtUtc })
            .Where(x => enrolled.Contains(x.UserId)).ToListAsync(cancellationToken);
        var cohortRows = Cohorts(enrolments, [.. cohortOutcomes.Select(o => (o.UserId, o.CohortId, o.Kind, o.On))], [.. cohortMoves.Select(m => (m.UserId, m.Status, m.ChangedAtUtc))]);

        foreach (var ((month, scope, figure, cohort), count) in cohortRows)
            counts.Add(month, scope, figure, InsightFigure.ByCohort, cohort.ToString(), count);

        // Only what differs from the rows stored is written: a week's full run finds most of a city's
        // 724,885 counts as they were, and replacing them all held SQLite's one writer 6-8 seconds.
        // The rows the run replaces are the ones it works out: every one on a full run; on an hourly
        // one its months and the cohorts (two reads, not one ORed: the months' reads the month index).
        var mine = db.Set<InsightFigure>().AsNoTracking().Where(f => Figures.Contains(f.Figure));
        var stored = full ? [mine] : new[] { mine.Where(f => f.Month >= from), mine.Where(f => f.Month < from && f.Dimension == InsightFigure.ByCohort) };
        var changes = new StoredChanges();
        foreach (var rows in stored)
        {
            await foreach (var row in rows.Select(f => new { f.Id, f.Month, f.OrganisationId, f.Figure, f.Dimension, f.Category, f.Count }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                switch (counts.Settle(row.Month, row.OrganisationId, row.Figure, row.Dimension, row.Category, row.Count, out var count))
                {
                    case FigureCounts.StoredRow.Delete:
                        changes.Deletes.Add(row.Id);
                        break;
                    case FigureCounts.StoredRow.Update:
                        changes.Update(row.Id, count);
                        break;
                }
            }
        }
        return Writing(db, changes, counts.Rows((month, scope, figure, dimension, category, count) => InsightFigure.Of(month, scope, figure, dimension, category, count, now)), now);
    }

    /// <summary>
    /// The writing of what changed: stored rows with no count now deleted, those with another count
    /// updated (and stamped), new ones inserted. Made apart from the working out so that it holds
    /// only these, not the run's tallies (a closure sharing their scope would keep them alive until
    /// the write transaction).
    /// </summary>
    private static Func<CancellationToken, Task> Writing(PortalDbContext db, StoredChanges changes, IReadOnlyList<InsightFigure> inserts, DateTime now) => async ct =>
    {
        await changes.WriteAsync<InsightFigure>(db, (s, count) => s.SetProperty(f => f.Count, count).SetProperty(f => f.ComputedAtUtc, now), ct);
        await BulkInsert.EntitiesAsync(db, inserts, ct);
    };

    /// <summary>The earliest month a change since the last run can have touched: the months the hourly run always redoes, the last run's own, or a backdated hub outcome's.</summary>
    private async Task<DateOnly> FirstChangedMonthAsync(DateOnly first, DateTime lastRunUtc, CancellationToken cancellationToken)
    {
        var since = MonthRange.MonthOf(UkTime.Today(lastRunUtc));
        var from = since < first ? since : first;
        var backdated = await db.Set<HubOutcome>().Where(o => o.RecordedAtUtc >= lastRunUtc).MinAsync(o => (DateOnly?)o.On, cancellationToken);
        return backdated is { } on && MonthRange.MonthOf(on) < from ? MonthRange.MonthOf(on) : from;
    }

    private static DateTime StartUtc(DateOnly month) => DateTime.SpecifyKind(month.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);

    /// <summary>
    /// What each counted person is counted under: the job their saved route leads to, their
    /// programmes, neighbourhood and monitoring answers. A full run reads everyone's; an hourly run
    /// only the people it counts and the staff in post.
    /// </summary>
    /// <param name="counted">The people counted in the months worked out; null for everyone (a full run).</param>
    /// <param name="workforce">The staff in post in the months worked out (their monitoring answers count in the workforce figures).</param>
    private sealed class People(PortalDbContext db, IReadOnlyCollection<string>? counted, IEnumerable<string> workforce)
    {
        public IReadOnlyList<(string UserId, Guid CohortId, DateTime EnrolledAtUtc, DateTime? CompletedAtUtc, DateOnly StartsOn, Guid OrganisationId)> Enrolments { get; private set; } = [];

        public async Task<Func<string, (string Dimension, string Category)[]>> LoadAsync(PriorityNeighbourhoods neighbourhoods, CancellationToken cancellationToken)
        {
            var plans = db.Set<SavedPlan>().AsNoTracking();
            var profiles = db.Set<CandidateProfile>().AsNoTracking().Where(p => p.Postcode != null);
            var answers = db.Set<EqualityAnswers>().AsNoTracking();
            if (counted is not null)
            {
                plans = plans.Where(p => EF.Parameter(counted).Contains(p.UserId));
                profiles = profiles.Where(p => EF.Parameter(counted).Contains(p.UserId));
                // One list, not two ORed: PostgreSQL probes an OR of two subqueries row by row.
                string[] theirs = [.. counted.Union(workforce, StringComparer.Ordinal)];
                answers = answers.Where(a => EF.Parameter(theirs).Contains(a.UserId));
            }
            var routes = await plans.Select(p => new { p.UserId, p.ToRole }).ToDictionaryAsync(p => p.UserId, p => p.ToRole, StringComparer.Ordinal, cancellationToken);
            var postcodes = await profiles.Select(p => new { p.UserId, p.Postcode }).ToDictionaryAsync(p => p.UserId, p => p.Postcode, StringComparer.Ordinal, cancellationToken);
            var equality = await answers.ToDictionaryAsync(a => a.UserId, StringComparer.Ordinal, cancellationToken);
            var enrolments = await db.Set<Enrolment>().AsNoTracking()
                .Join(db.Set<Cohort>(), e => e.CohortId, c => c.Id, (e, c) => new { e.UserId, e.CohortId, e.EnrolledAtUtc, e.CompletedAtUtc, c.ProgrammeId, c.StartsOn })
                .Join(db.Set<Programme>(), x => x.ProgrammeId, p => p.Id, (x, p) => new { x.UserId, x.CohortId, x.EnrolledAtUtc, x.CompletedAtUtc, x.StartsOn, p.OrganisationId, x.ProgrammeId })
                .ToListAsync(cancellationToken);
            Enrolments = [.. enrolments.Select(e => (e.UserId, e.CohortId, e.EnrolledAtUtc, e.CompletedAtUtc, e.StartsOn, e.OrganisationId))];
            var programmes = enrolments.ToLookup(e => e.UserId, e => e.ProgrammeId.ToString(), StringComparer.Ordinal);

            var cache = new Dictionary<string, (string, string)[]>(StringComparer.Ordinal);
            return user =>
            {
                if (cache.TryGetValue(user, out var known))
                    return known;
                var list = new List<(string, string)> { (InsightFigure.All, ""), (ByRoute, routes.GetValueOrDefault(user) ?? NoneCategory) };
                var theirs = programmes[user].Distinct(StringComparer.Ordinal).ToList();
                foreach (var programme in theirs.Count == 0 ? [NoneCategory] : theirs)
                    list.Add((ByProgramme, programme));
                list.Add((ByNeighbourhood, neighbourhoods.Place(postcodes.GetValueOrDefault(user)).ToString()));
                var given = equality.GetValueOrDefault(user)?.ByQuestion();
                foreach (var question in EqualityQuestions.All)
                    list.Add((question.Key, given?.FirstOrDefault(a => a.Question.Key == question.Key).Code ?? NotAnswered));
                return cache[user] = [.. list];
            };
        }
    }

    /// <summary>
    /// Each cohort's funnel over its whole life: started (enrolled), completed, interviewed and hired
    /// (an outcome credited to the cohort, or a move on the portal after they enrolled), and still in
    /// work (their latest check-in for the cohort said so).
    /// </summary>
    private static Dictionary<(DateOnly Month, Guid Scope, string Figure, Guid Cohort), int> Cohorts(
        IReadOnlyList<(string UserId, Guid CohortId, DateTime EnrolledAtUtc, DateTime? CompletedAtUtc, DateOnly StartsOn, Guid OrganisationId)> enrolments,
        IReadOnlyList<(string UserId, Guid CohortId, OutcomeKind Kind, DateOnly On)> outcomes,
        IReadOnlyList<(string UserId, ApplicationStatus Status, DateTime ChangedAtUtc)> moves)
    {
        var credited = outcomes.ToLookup(o => (o.UserId, o.CohortId));
        var movesOf = moves.ToLookup(m => m.UserId, StringComparer.Ordinal);
        var counts = new Dictionary<(DateOnly, Guid, string, Guid), int>();
        foreach (var e in enrolments)
        {
            var theirs = credited[(e.UserId, e.CohortId)].ToList();
            bool Moved(ApplicationStatus status) => movesOf[e.UserId].Any(m => m.Status == status && m.ChangedAtUtc >= e.EnrolledAtUtc);
            var latestCheckIn = theirs.Where(o => o.Kind is OutcomeKind.StillInWork13Weeks or OutcomeKind.StillInWork26Weeks or OutcomeKind.StillInWork52Weeks or OutcomeKind.LeftWork)
                .OrderBy(o => o.On).ThenBy(o => o.Kind == OutcomeKind.LeftWork).LastOrDefault();
            var reached = new List<string> { CohortStarted };
            if (e.CompletedAtUtc is not null || theirs.Any(o => o.Kind == OutcomeKind.ProgrammeCompleted))
                reached.Add(CohortCompleted);
            if (theirs.Any(o => o.Kind is OutcomeKind.Interview or OutcomeKind.Offer or OutcomeKind.StartedWork) || Moved(ApplicationStatus.Interview))
                reached.Add(CohortInterviewed);
            if (theirs.Any(o => o.Kind == OutcomeKind.StartedWork) || Moved(ApplicationStatus.Hired))
                reached.Add(CohortHired);
            if (latestCheckIn.Kind is OutcomeKind.StillInWork13Weeks or OutcomeKind.StillInWork26Weeks or OutcomeKind.StillInWork52Weeks)
                reached.Add(CohortInWork);
            foreach (var figure in reached)
            {
                foreach (var scope in new[] { City, e.OrganisationId })
                {
                    var key = (MonthRange.MonthOf(e.StartsOn), scope, figure, e.CohortId);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }
        return counts;
    }
}
