using Microsoft.EntityFrameworkCore;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Programmes;

namespace Portal.Infrastructure.Navigation;

/// <summary>
/// Programmes from the caseload: the cohorts of the case's own hub a navigator can enrol the person
/// in, the ones they are on, and what came of it. Scoped like the caseload (decision 0014): the case
/// is found only through the navigator's organisations, and only that hub's cohorts are offered.
/// </summary>
public sealed class CaseProgrammes(PortalDbContext db, OrganisationService organisations, TimeProvider clock)
{
    /// <summary>A cohort of the hub, as the person page lists it.</summary>
    public sealed record CohortLine(Guid Id, string Programme, DateOnly StartsOn, DateOnly EndsOn, int PlacesLeft, bool Enrolled, DateTime? CompletedAtUtc);

    public sealed record OutcomeLine(OutcomeKind Kind, string? Employer, DateOnly On, string? Programme);

    /// <param name="Open">Cohorts of the hub still taking people that the person is not on.</param>
    /// <param name="On">Cohorts of the hub the person is on, latest first.</param>
    public sealed record View(IReadOnlyList<CohortLine> Open, IReadOnlyList<CohortLine> On, IReadOnlyList<OutcomeLine> Outcomes);

    private IQueryable<NavigationCase> Visible(string navigatorId)
    {
        var mine = organisations.OrganisationsOf(navigatorId, MembershipRole.Navigator);
        return db.Set<NavigationCase>().Where(c => mine.Contains(c.OrganisationId) && c.ClosedBecause != CaseClosure.ConsentWithdrawn);
    }

    public async Task<View?> ForCaseAsync(string navigatorId, Guid caseId, CancellationToken cancellationToken = default)
    {
        var found = await Visible(navigatorId).AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.UserId, c.OrganisationId }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        var enrolments = db.Set<Enrolment>().Where(e => e.UserId == found.UserId);
        var rows = await db.Set<Cohort>().AsNoTracking()
            .Join(db.Set<Programme>().Where(p => p.OrganisationId == found.OrganisationId), c => c.ProgrammeId, p => p.Id, (c, p) => new { Cohort = c, p.Title })
            .GroupJoin(enrolments, x => x.Cohort.Id, e => e.CohortId, (x, e) => new { x, e })
            .SelectMany(g => g.e.DefaultIfEmpty(), (g, e) => new { g.x.Cohort, g.x.Title, Enrolled = e != null, CompletedAtUtc = e == null ? null : e.CompletedAtUtc })
            .Where(r => r.Enrolled || (r.Cohort.StartsOn >= today && r.Cohort.Taken < r.Cohort.Places))
            .OrderBy(r => r.Cohort.StartsOn).ThenBy(r => r.Title).Take(100)
            .ToListAsync(cancellationToken);
        var lines = rows.ConvertAll(r => new CohortLine(r.Cohort.Id, r.Title, r.Cohort.StartsOn, r.Cohort.EndsOn, r.Cohort.PlacesLeft, r.Enrolled, r.CompletedAtUtc));
        var programmes = rows.ToDictionary(r => r.Cohort.Id, r => r.Title);
        var outcomes = await db.Set<HubOutcome>().AsNoTracking().Where(o => o.UserId == found.UserId && o.OrganisationId == found.OrganisationId)
            .OrderBy(o => o.On).ThenBy(o => o.Id).Take(100).ToListAsync(cancellationToken);
        return new View(
            [.. lines.Where(l => !l.Enrolled)],
            [.. lines.Where(l => l.Enrolled).OrderByDescending(l => l.StartsOn)],
            [.. outcomes.Select(o => new OutcomeLine(o.Kind, o.Employer, o.On, programmes.GetValueOrDefault(o.CohortId)))]);
    }

    /// <summary>
    /// Enrols the person on one of their hub's cohorts that has not started, in one step: the same
    /// place-taking as every other enrolment (one place per person, never more than there are).
    /// </summary>
    public async Task<Result> EnrolAsync(string navigatorId, Guid caseId, Guid cohortId, CancellationToken cancellationToken = default)
    {
        var found = await Visible(navigatorId).AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (found is null)
            return Result.NotFound();
        if (!found.IsOpen)
            return Result.Invalid("Cohort", "This case is closed");
        if (cohortId == Guid.Empty)
            return Result.Invalid("Cohort", "Choose a cohort from the list");
        var cohort = await db.Set<Cohort>().AsNoTracking()
            .Where(c => c.Id == cohortId && db.Set<Programme>().Any(p => p.Id == c.ProgrammeId && p.OrganisationId == found.OrganisationId))
            .FirstOrDefaultAsync(cancellationToken);
        if (cohort is null)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (UkTime.Today(now) > cohort.StartsOn)
            return Result.Invalid("Cohort", "This cohort has started; choose one that has not");
        return await CohortSignUp.TakePlaceAsync(db, cohortId, found.UserId, navigatorId, now, "Cohort", cancellationToken);
    }
}
