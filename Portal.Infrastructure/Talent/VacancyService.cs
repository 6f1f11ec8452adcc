using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Organisations;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// A recruiter's vacancies. Every read and write goes through the recruiter's own memberships: a
/// vacancy of an organisation they are not in is "not found", exactly like one that does not exist.
/// </summary>
public sealed class VacancyService(PortalDbContext db, OrganisationService organisations, JobIndex jobs, Rematch rematch, TimeProvider clock)
{
    public sealed record RecruiterVacancy(Guid Id, Guid OrganisationId, string OrganisationName, string Title, VacancyStatus Status, DateOnly ClosingDate, string District);

    /// <summary>The organisations the person recruits for, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> RecruitingForAsync(string userId, CancellationToken cancellationToken = default)
    {
        var mine = organisations.OrganisationsOf(userId, MembershipRole.Recruiter);
        var rows = await db.Set<Organisation>().AsNoTracking().Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    public async Task<IReadOnlyList<RecruiterVacancy>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var mine = organisations.OrganisationsOf(userId, MembershipRole.Recruiter);
        var rows = await db.Set<Vacancy>().AsNoTracking()
            .Where(v => mine.Contains(v.OrganisationId))
            .Join(db.Set<Organisation>(), v => v.OrganisationId, o => o.Id, (v, o) => new
            {
                v.Id,
                OrganisationId = o.Id,
                OrganisationName = o.Name,
                v.Details.Title,
                v.Status,
                v.Details.ClosingDate,
                v.Details.Location.District,
            })
            .OrderBy(v => v.OrganisationName).ThenBy(v => v.ClosingDate).ThenBy(v => v.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RecruiterVacancy(r.Id, r.OrganisationId, r.OrganisationName, r.Title, r.Status, r.ClosingDate, r.District))];
    }

    /// <summary>The vacancy if the person recruits for its organisation; otherwise null, whether or not it exists.</summary>
    public Task<Vacancy?> FindAsync(string userId, Guid vacancyId, CancellationToken cancellationToken = default) =>
        Scoped(userId).AsNoTracking().FirstOrDefaultAsync(v => v.Id == vacancyId, cancellationToken);

    /// <returns>The new draft; not found when the person does not recruit for that organisation.</returns>
    public async Task<Result<Vacancy>> CreateAsync(string userId, Guid organisationId, VacancyDetails details, CancellationToken cancellationToken = default)
    {
        if (!await organisations.OrganisationsOf(userId, MembershipRole.Recruiter).ContainsAsync(organisationId, cancellationToken))
            return Result.NotFound();
        var vacancy = Vacancy.Draft(organisationId, details, clock.GetUtcNow().UtcDateTime);
        db.Add(vacancy);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(vacancy);
    }

    /// <summary>
    /// Applies a change to one of the person's vacancies. Not found when it is not theirs to change;
    /// invalid, with the rule it breaks, when the vacancy refuses it (nothing is saved).
    /// </summary>
    public async Task<Result> ChangeAsync(string userId, Guid vacancyId, Action<Vacancy, DateTime> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var vacancy = await Scoped(userId).FirstOrDefaultAsync(v => v.Id == vacancyId, cancellationToken);
        if (vacancy is null)
            return Result.NotFound();
        try
        {
            change(vacancy, clock.GetUtcNow().UtcDateTime);
        }
        catch (VacancyRuleException rule)
        {
            return Result.Invalid("", rule.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        // Applicants on this node see it at the next search; other nodes within a second.
        jobs.Invalidate();
        rematch.VacancyChanged(vacancyId);
        return Result.Done();
    }

    private static readonly MarkdownRenderer Renderer = new();
    private static readonly Lock RendererGate = new();

    /// <summary>
    /// A recruiter's description as safe HTML: the same Markdown and sanitiser as the content, so raw
    /// HTML is shown as text and a link cannot run script.
    /// </summary>
    public static string DescriptionHtml(string markdown)
    {
        lock (RendererGate)
            return Renderer.ToHtml(markdown);
    }

    private IQueryable<Vacancy> Scoped(string userId)
    {
        var mine = organisations.OrganisationsOf(userId, MembershipRole.Recruiter);
        return db.Set<Vacancy>().Where(v => mine.Contains(v.OrganisationId));
    }
}
