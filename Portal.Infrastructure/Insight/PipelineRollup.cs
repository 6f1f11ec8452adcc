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

    /// <param name="full">Every month from the first event; otherwise from <paramref name="first"/> (the first run is always full).</param>
    public async Task ComputeAsync(bool full, DateOnly first, DateOnly last, DateTime now, CancellationToken cancellationToken)
    {
        full = full || !await db.Set<InsightFigure>().AnyAsync(cancellationToken);
        var today = UkTime.Today(now);
        var firsts = new Dictionary<(Guid Scope, PipelineStage Stage, string User), DateOnly>();
        void Reached(Guid scope, PipelineStage stage, string user, DateOnly on)
        {
            if (on > today)
                return;
            var key = (scope, stage, user);
            if (!firsts.TryGetValue(key, out var earlier) || on < earlier)
                firsts[key] = on;
        }

        var rows = new Dictionary<(DateOnly Month, Guid Scope, string Figure, string Dimension, string Category), int>();
        void Add(DateOnly month, Guid scope, string figure, string dimension, string category, int count = 1)
        {
            var key = (month, scope, figure, dimension, category);
            rows[key] = rows.GetValueOrDefault(key) + count;
        }

        // Registered: every account that is not a member of staff's working account.
        var staffAccounts = (await db.UserRoles.AsNoTracking()
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .Where(x => StaffRoles.Contains(x.Name!)).Select(x => x.UserId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        await foreach (var user in db.Users.AsNoTracking().Select(u => new { u.Id, u.CreatedUtc }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!staffAccounts.Contains(user.Id))
                Reached(City, PipelineStage.Registered, user.Id, UkTime.Today(user.CreatedUtc));
        }
        // For a talent hub, registered means joining its caseload. A withdrawn consent takes the case out of every figure.
        foreach (var c in await db.Set<NavigationCase>().AsNoTracking().Where(c => c.ClosedBecause == null || c.ClosedBecause != CaseClosure.ConsentWithdrawn)
                     .Select(c => new { c.UserId, c.OrganisationId, c.OpenedAtUtc }).ToListAsync(cancellationToken))
            Reached(c.OrganisationId, PipelineStage.Registered, c.UserId, UkTime.Today(c.OpenedAtUtc));

        var moves = await db.Set<ApplicationEvent>().AsNoTracking()
            .Join(db.Set<Application>(), e => e.ApplicationId, a => a.Id, (e, a) => new { e.ApplicationId, e.Status, e.ChangedAtUtc, a.UserId, a.VacancyId })
            .Join(db.Set<Vacancy>(), x => x.VacancyId, v => v.Id, (x, v) => new { x.ApplicationId, x.Status, x.ChangedAtUtc, x.UserId, x.VacancyId, v.OrganisationId })
            .ToListAsync(cancellationToken);
        foreach (var move in moves)
        {
            PipelineStage? stage = move.Status switch
            {
                ApplicationStatus.Submitted => PipelineStage.Applied,
                ApplicationStatus.Interview => PipelineStage.Interviewed,
                ApplicationStatus.Offer => PipelineStage.Offered,
                ApplicationStatus.Hired => PipelineStage.Hired,
                _ => null,
            };
            if (stage is { } reached)
            {
                Reached(City, reached, move.UserId, UkTime.Today(move.ChangedAtUtc));
                Reached(move.OrganisationId, reached, move.UserId, UkTime.Today(move.ChangedAtUtc));
            }
        }

        var outcomes = await db.Set<HubOutcome>().AsNoTracking()
            .Select(o => new { o.UserId, o.OrganisationId, o.CohortId, o.Kind, o.On }).ToListAsync(cancellationToken);
        foreach (var outcome in outcomes)
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

        // A hire on the portal is still in work at 13, 26 or 52 weeks when the person is still on that employer's staff then.
        var staff = (await db.Set<Membership>().AsNoTracking().Where(m => m.Role == MembershipRole.Staff)
                .Select(m => new { m.UserId, m.OrganisationId, m.StartedAtUtc, m.EndedAtUtc }).ToListAsync(cancellationToken))
            .ToLookup(m => (m.UserId, m.OrganisationId));
        var hires = moves.Where(m => m.Status == ApplicationStatus.Hired).ToList();
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

        // What each person is counted under: the job their saved route leads to, their programmes, neighbourhood and monitoring answers.
        var routes = await db.Set<SavedPlan>().AsNoTracking().Select(p => new { p.UserId, p.ToRole }).ToDictionaryAsync(p => p.UserId, p => p.ToRole, StringComparer.Ordinal, cancellationToken);
        var enrolments = await db.Set<Enrolment>().AsNoTracking()
            .Join(db.Set<Cohort>(), e => e.CohortId, c => c.Id, (e, c) => new { e.UserId, e.CohortId, e.EnrolledAtUtc, e.CompletedAtUtc, c.ProgrammeId, c.StartsOn })
            .Join(db.Set<Programme>(), x => x.ProgrammeId, p => p.Id, (x, p) => new { x.UserId, x.CohortId, x.EnrolledAtUtc, x.CompletedAtUtc, x.ProgrammeId, x.StartsOn, p.OrganisationId })
            .ToListAsync(cancellationToken);
        var programmes = enrolments.ToLookup(e => e.UserId, e => e.ProgrammeId.ToString(), StringComparer.Ordinal);
        var postcodes = await db.Set<CandidateProfile>().AsNoTracking().Where(p => p.Postcode != null)
            .Select(p => new { p.UserId, p.Postcode }).ToDictionaryAsync(p => p.UserId, p => p.Postcode, StringComparer.Ordinal, cancellationToken);
        var equality = await db.Set<EqualityAnswers>().AsNoTracking().ToDictionaryAsync(a => a.UserId, StringComparer.Ordinal, cancellationToken);

        IEnumerable<(string Dimension, string Category)> CountedUnder(string user)
        {
            yield return (InsightFigure.All, "");
            yield return (ByRoute, routes.GetValueOrDefault(user) ?? NoneCategory);
            var theirs = programmes[user].Distinct(StringComparer.Ordinal).ToList();
            foreach (var programme in theirs.Count == 0 ? [NoneCategory] : theirs)
                yield return (ByProgramme, programme);
            yield return (ByNeighbourhood, neighbourhoods.Place(postcodes.GetValueOrDefault(user)).ToString());
            var answers = equality.GetValueOrDefault(user)?.ByQuestion();
            foreach (var question in EqualityQuestions.All)
                yield return (question.Key, answers?.FirstOrDefault(a => a.Question.Key == question.Key).Code ?? NotAnswered);
        }

        var lowest = today;
        foreach (var ((scope, stage, user), on) in firsts)
        {
            var month = MonthRange.MonthOf(on);
            lowest = month < lowest ? month : lowest;
            if (month < first && !full)
                continue;
            foreach (var (dimension, category) in CountedUnder(user))
                Add(month, scope, PipelineStages.Key(stage), dimension, category);
        }

        // The workforce at each month's end, by the monitoring questions (and in all), for the city and each employer.
        var equalityKeys = EqualityQuestions.All.Select(q => q.Key).Append(InsightFigure.All).ToHashSet(StringComparer.Ordinal);
        var memberships = staff.SelectMany(g => g.Select(m => (g.Key.UserId, g.Key.OrganisationId, m.StartedAtUtc, m.EndedAtUtc))).ToList();
        var workforceFrom = full ? last.AddMonths(-(WorkforceMonths - 1)) : first;
        for (var month = workforceFrom < first && !full ? first : workforceFrom; month <= last; month = month.AddMonths(1))
        {
            var end = DateTime.SpecifyKind(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
            var at = end < now ? end : now;
            var inPost = memberships.Where(m => m.StartedAtUtc <= at && (m.EndedAtUtc is null || m.EndedAtUtc > at)).ToList();
            foreach (var (scope, user) in inPost.Select(m => (m.OrganisationId, m.UserId)).Concat(inPost.Select(m => (City, m.UserId))).Distinct())
            {
                foreach (var (dimension, category) in CountedUnder(user).Where(c => equalityKeys.Contains(c.Dimension)))
                    Add(month, scope, Workforce, dimension, category);
            }
        }

        // Time to hire: each hire, from the day the application was last submitted (a reapplication starts the clock again).
        var submitted = moves.Where(m => m.Status == ApplicationStatus.Submitted).ToLookup(m => m.ApplicationId);
        foreach (var hire in hires)
        {
            var from = submitted[hire.ApplicationId].Where(s => s.ChangedAtUtc <= hire.ChangedAtUtc).Select(s => s.ChangedAtUtc).DefaultIfEmpty(hire.ChangedAtUtc).Max();
            var hiredOn = UkTime.Today(hire.ChangedAtUtc);
            var days = hiredOn.DayNumber - UkTime.Today(from).DayNumber;
            foreach (var scope in new[] { City, hire.OrganisationId })
                Add(MonthRange.MonthOf(hiredOn), scope, DaysToHire, InsightFigure.ByDays, days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Vacancies: posted in the month they were first published, filled in the month of their first hire.
        var realLivingWage = talent.Value.RealLivingWage;
        var firstHire = hires.GroupBy(h => h.VacancyId).ToDictionary(g => g.Key, g => g.Min(h => h.ChangedAtUtc));
        foreach (var vacancy in await db.Set<Vacancy>().AsNoTracking().Where(v => v.PublishedAtUtc != null).ToListAsync(cancellationToken))
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
            lowest = MonthRange.MonthOf(postedOn) < lowest ? MonthRange.MonthOf(postedOn) : lowest;
        }

        var from0 = full ? (lowest < workforceFrom ? lowest : workforceFrom) : first;
        var cohortRows = Cohorts(enrolments.Select(e => (e.UserId, e.CohortId, e.EnrolledAtUtc, e.CompletedAtUtc, e.StartsOn, e.OrganisationId)).ToList(),
            [.. outcomes.Select(o => (o.UserId, o.CohortId, o.Kind, o.On))], [.. moves.Select(m => (m.UserId, m.Status, m.ChangedAtUtc))]);

        await db.Set<InsightFigure>().Where(f => f.Dimension == InsightFigure.ByCohort || f.Month >= from0).ExecuteDeleteAsync(cancellationToken);
        var figures = rows.Where(r => r.Key.Month >= from0 && r.Key.Month <= last)
            .Select(r => InsightFigure.Of(r.Key.Month, r.Key.Scope, r.Key.Figure, r.Key.Dimension, r.Key.Category, r.Value, now))
            .Concat(cohortRows.Select(r => InsightFigure.Of(r.Key.Month, r.Key.Scope, r.Key.Figure, InsightFigure.ByCohort, r.Key.Cohort.ToString(), r.Value, now)))
            .ToList();
        await BulkInsert.EntitiesAsync(db, figures, cancellationToken);
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
