using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;

namespace Portal.Infrastructure.Programmes;

/// <summary>
/// A navigator's programmes, cohorts, sessions, enrolments, attendance and outcomes. Every read and
/// write starts from the navigator's own memberships (decision 0014): another organisation's
/// programme, cohort, session or enrolment is "not found", exactly like one that does not exist.
/// </summary>
public sealed class ProgrammeService(PortalDbContext db, OrganisationService organisations, PriorityNeighbourhoods priority, OutcomeRecorder outcomes, TimeProvider clock)
{
    public sealed record CohortSummary(Guid Id, DateOnly StartsOn, DateOnly EndsOn, int Places, int Taken, string? Venue, bool Online);

    public sealed record ProgrammeSummary(Guid Id, string Title, string Summary, Guid OrganisationId, string Organisation, IReadOnlyList<CohortSummary> Cohorts);

    public sealed record EnrolledPerson(long EnrolmentId, string UserId, string Name, string Email, NeighbourhoodStanding Standing, DateTime? CompletedAtUtc, IReadOnlySet<long> Attended);

    public sealed record OutcomeRow(long Id, string UserId, string Name, OutcomeKind Kind, string? Employer, DateOnly On, bool ByPortal);

    public sealed record CohortView(
        Cohort Cohort, string ProgrammeTitle, string Organisation, IReadOnlyList<CohortSession> Sessions, IReadOnlyList<EnrolledPerson> People,
        int PriorityCount, int NotKnownCount, IReadOnlyList<OutcomeRow> Outcomes);

    public sealed record CheckInTask(long Id, string Name, int Weeks, DateOnly DueOn, DateTime AskedAtUtc, bool? StillInWork, DateTime? FollowedUpAtUtc, Guid CohortId);

    /// <summary>The organisations the person navigates for, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> NavigatingForAsync(string userId, CancellationToken cancellationToken = default)
    {
        var mine = organisations.OrganisationsOf(userId, MembershipRole.Navigator);
        var rows = await db.Set<Organisation>().AsNoTracking().Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    public async Task<IReadOnlyList<ProgrammeSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var programmes = await Programmes(userId).AsNoTracking()
            .Join(db.Set<Organisation>(), p => p.OrganisationId, o => o.Id, (p, o) => new { p.Id, p.Title, p.Summary, p.OrganisationId, Organisation = o.Name })
            .OrderBy(p => p.Organisation).ThenBy(p => p.Title).ToListAsync(cancellationToken);
        var ids = programmes.Select(p => p.Id).ToList();
        var cohorts = (await db.Set<Cohort>().AsNoTracking().Where(c => ids.Contains(c.ProgrammeId)).ToListAsync(cancellationToken)).ToLookup(c => c.ProgrammeId);
        return [.. programmes.Select(p => new ProgrammeSummary(p.Id, p.Title, p.Summary, p.OrganisationId, p.Organisation,
            [.. cohorts[p.Id].OrderByDescending(c => c.StartsOn).Select(Summary)]))];
    }

    public async Task<ProgrammeSummary?> FindAsync(string userId, Guid programmeId, CancellationToken cancellationToken = default) =>
        (await ListAsync(userId, cancellationToken)).FirstOrDefault(p => p.Id == programmeId);

    public async Task<Result<Guid>> CreateAsync(string userId, Guid organisationId, string title, string? summary, CancellationToken cancellationToken = default)
    {
        if (!await organisations.OrganisationsOf(userId, MembershipRole.Navigator).ContainsAsync(organisationId, cancellationToken))
            return Result.NotFound();
        Programme programme;
        try
        {
            programme = Programme.Create(organisationId, title, summary, Now);
        }
        catch (ProgrammeRuleException rule)
        {
            return Result.Invalid(rule.Message.Contains("summary", StringComparison.Ordinal) ? "Summary" : "Title", rule.Message);
        }
        db.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(programme.Id);
    }

    public async Task<Result<Guid>> AddCohortAsync(string userId, Guid programmeId, CohortDetails details, CancellationToken cancellationToken = default)
    {
        if (!await Programmes(userId).AnyAsync(p => p.Id == programmeId, cancellationToken))
            return Result.NotFound();
        Cohort cohort;
        try
        {
            cohort = Cohort.Create(programmeId, details, Now);
        }
        catch (ProgrammeRuleException rule)
        {
            return Result.Invalid("", rule.Message);
        }
        db.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(cohort.Id);
    }

    /// <summary>A new name or summary for one of the navigator's programmes.</summary>
    public async Task<Result> ChangeAsync(string userId, Guid programmeId, string? title, string? summary, CancellationToken cancellationToken = default)
    {
        var programme = await Programmes(userId).FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        if (programme is null)
            return Result.NotFound();
        try
        {
            programme.Change(title ?? "", summary);
        }
        catch (ProgrammeRuleException rule)
        {
            return Result.Invalid(rule.Message.Contains("summary", StringComparison.Ordinal) ? "Summary" : "Title", rule.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>
    /// New dates, places, venue, partners or promise for a cohort, as <see cref="Cohort.Change"/>
    /// allows. Saved by one conditional update on the count of places taken, so an enrolment in the
    /// same instant can never leave more people on it than places.
    /// </summary>
    public async Task<Result> ChangeCohortAsync(string userId, Guid cohortId, CohortDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var cohort = await Cohorts(userId).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
            return Result.NotFound();
        var sessions = await db.Set<CohortSession>().Where(s => s.CohortId == cohortId).Select(s => s.On).ToListAsync(cancellationToken);
        try
        {
            cohort.Change(details, sessions.Count == 0 ? null : sessions.Min(), sessions.Count == 0 ? null : sessions.Max());
        }
        catch (ProgrammeRuleException rule)
        {
            return Result.Invalid(rule.Message.Contains("places", StringComparison.OrdinalIgnoreCase) ? "Places" : "", rule.Message);
        }
        var (startsOn, endsOn, places, venue, online, partners, promise) = (cohort.StartsOn, cohort.EndsOn, cohort.Places, cohort.Venue, cohort.Online, cohort.Partners, cohort.Promise);
        var changed = await db.Set<Cohort>().Where(c => c.Id == cohortId && c.Taken <= places)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.StartsOn, startsOn).SetProperty(c => c.EndsOn, endsOn).SetProperty(c => c.Places, places)
                .SetProperty(c => c.Venue, venue).SetProperty(c => c.Online, online).SetProperty(c => c.Partners, partners).SetProperty(c => c.Promise, promise), cancellationToken);
        return changed == 1 ? Result.Done() : Result.Invalid("Places", "Someone took a place a moment ago: there are now more people enrolled than that. Look again and enter more places");
    }

    /// <param name="priorityOnly">Only people whose postcode is in a priority neighbourhood.</param>
    public async Task<CohortView?> CohortAsync(string userId, Guid cohortId, bool priorityOnly = false, CancellationToken cancellationToken = default)
    {
        var found = await Cohorts(userId).AsNoTracking().Where(c => c.Id == cohortId)
            .Join(db.Set<Programme>(), c => c.ProgrammeId, p => p.Id, (c, p) => new { Cohort = c, p.Title, p.OrganisationId })
            .Join(db.Set<Organisation>(), x => x.OrganisationId, o => o.Id, (x, o) => new { x.Cohort, x.Title, Organisation = o.Name, x.OrganisationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        var sessions = await db.Set<CohortSession>().AsNoTracking().Where(s => s.CohortId == cohortId).OrderBy(s => s.On).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var people = await db.Set<Enrolment>().AsNoTracking().Where(e => e.CohortId == cohortId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.UserId, u.DisplayName, u.Email, e.CompletedAtUtc })
            .GroupJoin(db.Set<CandidateProfile>(), x => x.UserId, p => p.UserId, (x, p) => new { x, p })
            .SelectMany(g => g.p.DefaultIfEmpty(), (g, p) => new { g.x.Id, g.x.UserId, g.x.DisplayName, g.x.Email, g.x.CompletedAtUtc, Postcode = p == null ? null : p.Postcode })
            .ToListAsync(cancellationToken);
        var attended = (await db.Set<Attendance>().AsNoTracking().Where(a => sessionIds.Contains(a.SessionId) && a.Attended).Select(a => new { a.UserId, a.SessionId }).ToListAsync(cancellationToken))
            .ToLookup(a => a.UserId, a => a.SessionId);
        var enrolled = people.Select(p => new EnrolledPerson(p.Id, p.UserId, PortalUser.ShownName(p.DisplayName, p.Email), p.Email ?? "", priority.Place(p.Postcode), p.CompletedAtUtc, attended[p.UserId].ToHashSet()))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.EnrolmentId).ToList();
        var names = enrolled.ToDictionary(p => p.UserId, p => p.Name, StringComparer.Ordinal);
        var outcomeRows = await db.Set<HubOutcome>().AsNoTracking().Where(o => o.CohortId == cohortId && o.OrganisationId == found.OrganisationId)
            .OrderBy(o => o.On).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        return new CohortView(found.Cohort, found.Title, found.Organisation, sessions,
            priorityOnly ? [.. enrolled.Where(p => p.Standing == NeighbourhoodStanding.Priority)] : enrolled,
            enrolled.Count(p => p.Standing == NeighbourhoodStanding.Priority), enrolled.Count(p => p.Standing == NeighbourhoodStanding.NotKnown),
            [.. outcomeRows.Select(o => new OutcomeRow(o.Id, o.UserId, names.GetValueOrDefault(o.UserId, "Someone no longer enrolled"), o.Kind, o.Employer, o.On, o.RecordedBy == HubOutcome.RecordedByPortal))]);
    }

    public async Task<Result> AddSessionAsync(string userId, Guid cohortId, DateOnly on, string title, CancellationToken cancellationToken = default)
    {
        var cohort = await Cohorts(userId).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
            return Result.NotFound();
        try
        {
            db.Add(CohortSession.Create(cohort, on, title));
        }
        catch (ProgrammeRuleException rule)
        {
            return Result.Invalid(rule.Message.StartsWith("A session is between", StringComparison.Ordinal) ? "On" : "Title", rule.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Enrols someone who has an account, by its email address, while places remain.</summary>
    public async Task<Result> EnrolAsync(string userId, Guid cohortId, string email, CancellationToken cancellationToken = default)
    {
        var cohort = await Cohorts(userId).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
            return Result.NotFound();
        if (cohort.FinishedOn(UkTime.Today(Now)))
            return Result.Invalid("Email", "This cohort has finished");
        var normalised = (email ?? "").Trim().ToUpperInvariant();
        var person = normalised.Length == 0 ? null : await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
            return Result.Invalid("Email", "No account has that email address. Ask them to create one first");
        return await CohortSignUp.TakePlaceAsync(db, cohortId, person, userId, Now, "Email", cancellationToken);
    }

    /// <summary>Who came to a session: everyone enrolled, ticked or not. Ids that are not enrolled are ignored.</summary>
    public async Task<Result> RecordAttendanceAsync(string userId, long sessionId, IReadOnlyCollection<string> attended, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attended);
        var session = await db.Set<CohortSession>().AsNoTracking().Where(s => s.Id == sessionId && Cohorts(userId).Any(c => c.Id == s.CohortId)).FirstOrDefaultAsync(cancellationToken);
        if (session is null)
            return Result.NotFound();
        var enrolled = await db.Set<Enrolment>().AsNoTracking().Where(e => e.CohortId == session.CohortId).Select(e => e.UserId).ToListAsync(cancellationToken);
        var existing = await db.Set<Attendance>().Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.UserId, cancellationToken);
        var now = Now;
        foreach (var person in enrolled)
        {
            var came = attended.Contains(person);
            if (existing.TryGetValue(person, out var row))
                row.Change(came, now);
            else
                db.Add(Attendance.Record(sessionId, person, came, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Marks the programme completed for one person, with its outcome, once.</summary>
    public async Task<Result> CompleteAsync(string userId, Guid cohortId, long enrolmentId, CancellationToken cancellationToken = default)
    {
        var found = await Enrolled(userId, cohortId, enrolmentId, cancellationToken);
        if (found is null)
            return Result.NotFound();
        var (enrolment, organisationId) = found.Value;
        var now = Now;
        enrolment.Complete(now);
        var outcome = HubOutcome.Record(enrolment.UserId, organisationId, cohortId, OutcomeKind.ProgrammeCompleted, null, UkTime.Today(now), userId, now);
        return (await outcomes.RecordAsync(outcome, cancellationToken)).WithoutValue();
    }

    /// <summary>An outcome a navigator records for an enrolled person (an interview, an offer, a job found elsewhere). Recorded before: nothing changes.</summary>
    public async Task<Result> RecordOutcomeAsync(string userId, Guid cohortId, long enrolmentId, OutcomeKind kind, string? employer, DateOnly on, CancellationToken cancellationToken = default)
    {
        var found = await Enrolled(userId, cohortId, enrolmentId, cancellationToken);
        if (found is null)
            return Result.NotFound();
        if (kind is not (OutcomeKind.Interview or OutcomeKind.Offer or OutcomeKind.StartedWork))
            return Result.Invalid("Kind", "Choose an interview, an offer or started work; completing the programme and check-ins record themselves");
        var today = UkTime.Today(Now);
        if (on > today)
            return Result.Invalid("On", "The date cannot be in the future");
        HubOutcome outcome;
        try
        {
            outcome = HubOutcome.Record(found.Value.Enrolment.UserId, found.Value.OrganisationId, cohortId, kind, employer, on, userId, Now);
        }
        catch (ProgrammeRuleException rule)
        {
            return Result.Invalid("Employer", rule.Message);
        }
        var recorded = await outcomes.RecordAsync(outcome, cancellationToken);
        return recorded.Value ? Result.Done() : Result.Invalid("Kind", $"That outcome is already recorded for them on this cohort; it counts once");
    }

    /// <summary>Check-ins for people the navigator's organisations supported: open tasks first.</summary>
    public async Task<IReadOnlyList<CheckInTask>> CheckInTasksAsync(string userId, CancellationToken cancellationToken = default)
    {
        var mine = organisations.OrganisationsOf(userId, MembershipRole.Navigator);
        var rows = await db.Set<CheckIn>().AsNoTracking().Where(c => mine.Contains(c.OrganisationId))
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { CheckIn = c, u.DisplayName, u.Email })
            .OrderBy(x => x.CheckIn.FollowedUpAtUtc != null).ThenBy(x => x.CheckIn.DueOn).ThenBy(x => x.CheckIn.Id)
            .Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CheckInTask(r.CheckIn.Id, PortalUser.ShownName(r.DisplayName, r.Email), r.CheckIn.Weeks, r.CheckIn.DueOn, r.CheckIn.AskedAtUtc,
            r.CheckIn.StillInWork, r.CheckIn.FollowedUpAtUtc, r.CheckIn.CohortId))];
    }

    public async Task<Result> FollowedUpAsync(string userId, long checkInId, CancellationToken cancellationToken = default)
    {
        var mine = organisations.OrganisationsOf(userId, MembershipRole.Navigator);
        var checkIn = await db.Set<CheckIn>().FirstOrDefaultAsync(c => c.Id == checkInId && mine.Contains(c.OrganisationId), cancellationToken);
        if (checkIn is null)
            return Result.NotFound();
        checkIn.FollowedUp(Now);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    private async Task<(Enrolment Enrolment, Guid OrganisationId)?> Enrolled(string userId, Guid cohortId, long enrolmentId, CancellationToken cancellationToken)
    {
        var found = await db.Set<Enrolment>().Where(e => e.Id == enrolmentId && e.CohortId == cohortId)
            .Join(Cohorts(userId), e => e.CohortId, c => c.Id, (e, c) => new { Enrolment = e, c.ProgrammeId })
            .Join(db.Set<Programme>(), x => x.ProgrammeId, p => p.Id, (x, p) => new { x.Enrolment, p.OrganisationId })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Enrolment, found.OrganisationId);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static CohortSummary Summary(Cohort c) => new(c.Id, c.StartsOn, c.EndsOn, c.Places, c.Taken, c.Venue, c.Online);

    private IQueryable<Programme> Programmes(string userId)
    {
        var mine = organisations.OrganisationsOf(userId, MembershipRole.Navigator);
        return db.Set<Programme>().Where(p => mine.Contains(p.OrganisationId));
    }

    private IQueryable<Cohort> Cohorts(string userId)
    {
        var programmes = Programmes(userId).Select(p => p.Id);
        return db.Set<Cohort>().Where(c => programmes.Contains(c.ProgrammeId));
    }
}
