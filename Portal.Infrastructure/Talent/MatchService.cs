using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Organisations;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// Stored matches as each side sees them: "roles that fit you" for a person, "people who fit" for a
/// recruiter's vacancy (only people who let employers find them, only the recruiter's own
/// organisations), and dismissing either.
/// </summary>
public sealed class MatchService(PortalDbContext db, OrganisationService organisations, Rematch rematch, Outbox outbox, MailTemplates templates, TimeProvider clock)
{
    public const int RolesShown = 10;
    public const int PeopleShown = 50;

    public sealed record RoleThatFits(Guid VacancyId, string Title, string OrganisationName, string District, decimal HourlyPay, DateOnly ClosingDate, IReadOnlyList<string> Reasons);

    public sealed record PersonWhoFits(
        string UserId, string Name, string? District, IReadOnlyList<string> Reasons,
        DateOnly? DbsUpdateServiceDeclaredOn, DateOnly? RightToWorkDeclaredOn, DateOnly? ReferencesDeclaredOn, string? Languages, string? Statement, bool Invited);

    /// <summary>How a done invitation to apply ended: both leave the person invited once.</summary>
    public enum InviteOutcome
    {
        Sent,
        AlreadySent,
    }

    public async Task<IReadOnlyList<RoleThatFits>> RolesForAsync(string userId, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await RolesFor(db, userId, today).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RoleThatFits(r.Match.VacancyId, r.Title, r.Name, r.District, r.HourlyPay, r.ClosingDate, r.Match.Reasons(MatchSide.Person)))];
    }

    private sealed record RoleRow(JobMatch Match, string Title, string Name, string District, decimal HourlyPay, DateOnly ClosingDate);

    // On the person's home page at every view: compiled once, so a view does not pay EF Core to take it apart again (issue 25).
    private static readonly Func<PortalDbContext, string, DateOnly, IAsyncEnumerable<RoleRow>> RolesFor = CompiledQueries.Rows<string, DateOnly, RoleRow>((PortalDbContext db, string userId, DateOnly today) =>
        db.Set<JobMatch>().AsNoTracking()
            .Where(m => m.UserId == userId && m.ForPerson
                && !db.Set<MatchDismissal>().Any(d => d.UserId == userId && d.VacancyId == m.VacancyId && d.Side == MatchSide.Person)
                // Read live, not from the last run: a job applied for (or held) is followed under applications.
                && !db.Set<Application>().Any(a => a.UserId == userId && a.VacancyId == m.VacancyId))
            .Join(db.Set<Vacancy>().Where(v => v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today),
                m => m.VacancyId, v => v.Id, (m, v) => new { Match = m, v.OrganisationId, v.Details.Title, v.Details.Location.District, v.Details.HourlyPay, v.Details.ClosingDate })
            .Join(db.Set<Organisation>(), x => x.OrganisationId, o => o.Id, (x, o) => new { x.Match, x.Title, o.Name, x.District, x.HourlyPay, x.ClosingDate })
            .OrderByDescending(x => x.Match.Score).ThenBy(x => x.Match.VacancyId)
            .Take(RolesShown)
            .Select(x => new RoleRow(x.Match, x.Title, x.Name, x.District, x.HourlyPay, x.ClosingDate)));

    /// <returns>Null when the vacancy is not one the recruiter recruits for, whether or not it exists.</returns>
    public async Task<IReadOnlyList<PersonWhoFits>?> PeopleForAsync(string recruiterId, Guid vacancyId, CancellationToken cancellationToken = default)
    {
        if (!await RecruitsForAsync(recruiterId, vacancyId, cancellationToken))
            return null;
        var rows = await Findable(vacancyId)
            .Join(db.Set<PortalUser>(), x => x.Match.UserId, u => u.Id, (x, u) => new { x.Match, x.Profile, u.DisplayName })
            .OrderByDescending(x => x.Match.Score).ThenBy(x => x.Match.UserId)
            .Take(PeopleShown)
            .ToListAsync(cancellationToken);
        var keys = rows.Select(r => InviteKey(vacancyId, r.Match.UserId)).ToList();
        var invited = (await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DedupeKey!)).Select(m => m.DedupeKey!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return [.. rows.Select(r => new PersonWhoFits(r.Match.UserId, string.IsNullOrWhiteSpace(r.DisplayName) ? "Name not given" : r.DisplayName, r.Profile.District,
            r.Match.Reasons(MatchSide.Recruiter), r.Profile.DbsUpdateServiceDeclaredOn, r.Profile.RightToWorkDeclaredOn, r.Profile.ReferencesDeclaredOn,
            r.Profile.Languages, r.Profile.Statement, invited.Contains(InviteKey(vacancyId, r.Match.UserId))))];
    }

    /// <summary>
    /// Emails a person who fits a link to the vacancy, from the recruiter's organisation. Their email
    /// address is never shown to the recruiter; they choose whether to apply. Once per person per vacancy.
    /// </summary>
    public async Task<Result<InviteOutcome>> InviteToApplyAsync(string recruiterId, Guid vacancyId, string userId, CancellationToken cancellationToken = default)
    {
        if (!await RecruitsForAsync(recruiterId, vacancyId, cancellationToken)
            || !await Findable(vacancyId).AnyAsync(x => x.Match.UserId == userId, cancellationToken))
            return Result.NotFound();
        var key = InviteKey(vacancyId, userId);
        if (await db.OutboxMessages.AnyAsync(m => m.DedupeKey == key, cancellationToken))
            return Result.Done(InviteOutcome.AlreadySent);
        var job = await db.Set<Vacancy>().AsNoTracking().Where(v => v.Id == vacancyId)
            .Join(db.Set<Organisation>(), v => v.OrganisationId, o => o.Id, (v, o) => new { v.Details.Title, o.Name }).SingleAsync(cancellationToken);
        var person = await db.Set<PortalUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
        var site = templates.Site;
        outbox.Enqueue(await templates.RenderAsync<InviteToApplyMail>(person.Email!, InviteToApplyMail.Subject(job.Name, job.Title),
                new InviteToApplyMail.Model(person.DisplayName, job.Title, job.Name, site.Link($"/jobs/{vacancyId}"), site.Link("/profile"))),
            dedupeKey: key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Done(InviteOutcome.Sent);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Two clicks at once: the other one sent it.
            if (await db.OutboxMessages.AnyAsync(m => m.DedupeKey == key, cancellationToken))
                return Result.Done(InviteOutcome.AlreadySent);
            throw;
        }
    }

    private static string InviteKey(Guid vacancyId, string userId) => $"invite-to-apply:{vacancyId:N}:{userId}";

    /// <summary>"Not for me": the person will not see this vacancy among their matches again.</summary>
    /// <returns>Not found when they have no such match.</returns>
    public async Task<Result> DismissForPersonAsync(string userId, Guid vacancyId, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<JobMatch>().AnyAsync(m => m.UserId == userId && m.VacancyId == vacancyId && m.ForPerson, cancellationToken))
            return Result.NotFound();
        await DismissAsync(userId, vacancyId, MatchSide.Person, userId, cancellationToken);
        rematch.PersonChanged(userId);
        return Result.Done();
    }

    /// <summary>"Not for us": the recruiter will not see this person for this vacancy again.</summary>
    /// <returns>Not found when the vacancy is not theirs or the person is not among its matches.</returns>
    public async Task<Result> DismissForVacancyAsync(string recruiterId, Guid vacancyId, string userId, CancellationToken cancellationToken = default)
    {
        if (!await RecruitsForAsync(recruiterId, vacancyId, cancellationToken)
            || !await Findable(vacancyId).AnyAsync(x => x.Match.UserId == userId, cancellationToken))
            return Result.NotFound();
        await DismissAsync(userId, vacancyId, MatchSide.Recruiter, recruiterId, cancellationToken);
        rematch.VacancyChanged(vacancyId);
        return Result.Done();
    }

    /// <summary>Brings back every role the person dismissed.</summary>
    /// <returns>How many came back.</returns>
    public async Task<Result<int>> RestoreForPersonAsync(string userId, CancellationToken cancellationToken = default)
    {
        var restored = await db.Set<MatchDismissal>().Where(d => d.UserId == userId && d.Side == MatchSide.Person).ExecuteDeleteAsync(cancellationToken);
        if (restored > 0)
            rematch.PersonChanged(userId);
        return Result.Done(restored);
    }

    public Task<int> DismissedByPersonAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<MatchDismissal>().CountAsync(d => d.UserId == userId && d.Side == MatchSide.Person, cancellationToken);

    private Task<bool> RecruitsForAsync(string recruiterId, Guid vacancyId, CancellationToken cancellationToken)
    {
        var mine = organisations.OrganisationsOf(recruiterId, MembershipRole.Recruiter);
        return db.Set<Vacancy>().AnyAsync(v => v.Id == vacancyId && mine.Contains(v.OrganisationId), cancellationToken);
    }

    /// <summary>A vacancy's matched people who let employers find them today (consent is read live, not from the last run), were not dismissed and have not applied.</summary>
    private IQueryable<FindableMatch> Findable(Guid vacancyId) =>
        db.Set<JobMatch>().AsNoTracking()
            .Where(m => m.VacancyId == vacancyId && m.ForVacancy
                && !db.Set<MatchDismissal>().Any(d => d.UserId == m.UserId && d.VacancyId == vacancyId && d.Side == MatchSide.Recruiter)
                // Applicants (hired ones included) are on the applications page, and never invited to a job they applied for.
                && !db.Set<Application>().Any(a => a.UserId == m.UserId && a.VacancyId == vacancyId))
            .Join(db.Set<CandidateProfile>().AsNoTracking().Where(p => p.LetEmployersFindMe), m => m.UserId, p => p.UserId, (m, p) => new FindableMatch { Match = m, Profile = p });

    private async Task DismissAsync(string userId, Guid vacancyId, MatchSide side, string by, CancellationToken cancellationToken)
    {
        if (await db.Set<MatchDismissal>().AnyAsync(d => d.UserId == userId && d.VacancyId == vacancyId && d.Side == side, cancellationToken))
            return;
        db.Add(MatchDismissal.Record(userId, vacancyId, side, by, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Dismissed twice at once (a double tap): one dismissal is what was meant.
            if (!await db.Set<MatchDismissal>().AnyAsync(d => d.UserId == userId && d.VacancyId == vacancyId && d.Side == side, cancellationToken))
                throw;
        }
    }

    private sealed class FindableMatch
    {
        public required JobMatch Match { get; init; }
        public required CandidateProfile Profile { get; init; }
    }
}
