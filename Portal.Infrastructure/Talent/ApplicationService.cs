using System.Globalization;
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
/// Applications: a person applies to an open vacancy and can withdraw; a recruiter of the vacancy's
/// organisation moves it along the pipeline, and the applicant is emailed about each move through
/// the outbox, in the same transaction as the move.
/// </summary>
public sealed class ApplicationService(PortalDbContext db, OrganisationService organisations, Outbox outbox, MailTemplates templates, Rematch rematch, TimeProvider clock, Programmes.OutcomeRecorder outcomes)
{
    public sealed record MyApplication(Guid Id, Guid VacancyId, string VacancyTitle, string OrganisationName, ApplicationStatus Status, DateTime SubmittedAtUtc, IReadOnlyList<ApplicationEvent> History);

    /// <summary>The person's own application, with its vacancy's title, for the page that asks before withdrawing.</summary>
    public async Task<MyApplication?> FindMyApplicationAsync(string userId, Guid applicationId, CancellationToken cancellationToken = default) =>
        (await MineAsync(userId, cancellationToken)).FirstOrDefault(a => a.Id == applicationId);

    public sealed record Applicant(Guid Id, string UserId, string Name, string Email, string? Note, ApplicationStatus Status, DateTime SubmittedAtUtc, IReadOnlyList<ApplicationStatus> Moves);

    /// <summary>
    /// Applies to an open vacancy; applying again returns the first application, and applying after
    /// withdrawing submits that application again (its history kept). A vacancy that is not open is not found.
    /// </summary>
    public async Task<Result<Application>> ApplyAsync(string userId, Guid vacancyId, string? note, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var open = await db.Set<Vacancy>().AnyAsync(v => v.Id == vacancyId && v.Status == VacancyStatus.Published && v.Details.ClosingDate >= today, cancellationToken);
        if (!open)
            return Result.NotFound();
        if (await db.Set<Application>().Include(a => a.History).FirstOrDefaultAsync(a => a.UserId == userId && a.VacancyId == vacancyId, cancellationToken) is { } existing)
        {
            if (existing.Status != ApplicationStatus.Withdrawn)
                return Result.Done(existing);
            existing.Reapply(note, now);
            await Navigation.PlanLinks.AppliedAsync(db, userId, vacancyId, now, cancellationToken);
            rematch.PersonChanged(userId);
            await EnqueueReceivedAsync(existing, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Done(existing);
        }
        var application = Application.Submit(vacancyId, userId, note, now);
        db.Add(application);
        // A plan step to apply for this job, if their navigator set one, is done with the application.
        await Navigation.PlanLinks.AppliedAsync(db, userId, vacancyId, now, cancellationToken);
        // Applied is no longer "fits": the stored matches of both sides lose this pair.
        rematch.PersonChanged(userId);
        // Saved with the application: both or neither, and a second tap's copy is dropped with it.
        await EnqueueReceivedAsync(application, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Done(application);
        }
        catch (DbUpdateException)
        {
            // Applied in another tab a moment ago: that application stands.
            db.ChangeTracker.Clear();
            return Result.Done(await FindMineAsync(userId, vacancyId, cancellationToken) ?? throw new InvalidOperationException("The application could not be saved."));
        }
    }

    public Task<Application?> FindMineAsync(string userId, Guid vacancyId, CancellationToken cancellationToken = default) =>
        db.Set<Application>().AsNoTracking().Include(a => a.History).FirstOrDefaultAsync(a => a.UserId == userId && a.VacancyId == vacancyId, cancellationToken);

    public async Task<IReadOnlyList<MyApplication>> MineAsync(string userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<Application>().AsNoTracking().Include(a => a.History)
            .Where(a => a.UserId == userId)
            .Join(db.Set<Vacancy>(), a => a.VacancyId, v => v.Id, (a, v) => new { Application = a, v.Details.Title, v.OrganisationId })
            .Join(db.Set<Organisation>(), x => x.OrganisationId, o => o.Id, (x, o) => new { x.Application, x.Title, o.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Application.UpdatedAtUtc).Select(r => new MyApplication(
            r.Application.Id, r.Application.VacancyId, r.Title, r.Name, r.Application.Status, r.Application.SubmittedAtUtc,
            [.. r.Application.History.OrderBy(e => e.ChangedAtUtc).ThenBy(e => e.Id)]))];
    }

    /// <summary>Withdraws one of the person's own applications; invalid when it is already finished.</summary>
    public async Task<Result> WithdrawAsync(string userId, Guid applicationId, CancellationToken cancellationToken = default)
    {
        var application = await db.Set<Application>().Include(a => a.History).FirstOrDefaultAsync(a => a.Id == applicationId && a.UserId == userId, cancellationToken);
        if (application is null)
            return Result.NotFound();
        try
        {
            application.Withdraw(clock.GetUtcNow().UtcDateTime);
        }
        catch (ApplicationRuleException rule)
        {
            return Result.Invalid("", rule.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>The applications to a vacancy, for a recruiter of its organisation; null when it is not theirs.</summary>
    public async Task<IReadOnlyList<Applicant>?> ForVacancyAsync(string recruiterId, Guid vacancyId, CancellationToken cancellationToken = default)
    {
        // The recruiter's right to see them is asked in the same query; only when it finds none is it
        // asked apart, to tell a vacancy with no applications from one that is not theirs.
        var theirs = TheirVacancy(recruiterId, vacancyId);
        var rows = await db.Set<Application>().AsNoTracking()
            .Where(a => a.VacancyId == vacancyId && theirs.Any())
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { Application = a, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0 && !await IsRecruiterOfAsync(recruiterId, vacancyId, cancellationToken))
            return null;
        return [.. rows.OrderBy(r => r.Application.SubmittedAtUtc).ThenBy(r => r.Application.Id).Select(r => new Applicant(
            r.Application.Id, r.Application.UserId, r.DisplayName ?? r.Email!, r.Email!, r.Application.Note, r.Application.Status,
            r.Application.SubmittedAtUtc, r.Application.RecruiterMoves()))];
    }

    /// <summary>
    /// Moves an application of one of the recruiter's vacancies and emails the applicant. Not found
    /// when it is not theirs; invalid (nothing saved) when the move is not allowed from where it is.
    /// </summary>
    public async Task<Result> MoveAsync(string recruiterId, Guid applicationId, ApplicationStatus status, CancellationToken cancellationToken = default)
    {
        var mine = organisations.OrganisationsOf(recruiterId, MembershipRole.Recruiter);
        var found = await db.Set<Application>().Include(a => a.History)
            .Where(a => a.Id == applicationId)
            .Join(db.Set<Vacancy>().Where(v => mine.Contains(v.OrganisationId)), a => a.VacancyId, v => v.Id, (a, v) => new { Application = a, v.Details.Title, v.OrganisationId })
            .Join(db.Set<Organisation>(), x => x.OrganisationId, o => o.Id, (x, o) => new { x.Application, x.Title, Organisation = o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            found.Application.MoveTo(status, recruiterId, now);
        }
        catch (ApplicationRuleException rule)
        {
            return Result.Invalid("", rule.Message);
        }
        var applicant = await db.Users.Where(u => u.Id == found.Application.UserId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);

        // The move and its email are saved together: both or neither.
        outbox.Enqueue(
            await templates.RenderAsync<ApplicationStatusMail>(applicant.Email!, ApplicationStatusMail.Subject(status, found.Title),
                new ApplicationStatusMail.Model(applicant.DisplayName, found.Title, found.Organisation, status, templates.Site.Link("/applications"))),
            dedupeKey: string.Create(CultureInfo.InvariantCulture, $"application:{applicationId:N}:{found.Application.History.Count}"));
        rematch.PersonChanged(found.Application.UserId);
        if (status == ApplicationStatus.Hired)
            await outcomes.HiredAsync(found.Application.UserId, found.Organisation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    private Task<bool> IsRecruiterOfAsync(string recruiterId, Guid vacancyId, CancellationToken cancellationToken) =>
        TheirVacancy(recruiterId, vacancyId).AnyAsync(cancellationToken);

    /// <summary>The vacancy, when it belongs to an organisation the person recruits for: the one rule for both of its uses.</summary>
    private IQueryable<Vacancy> TheirVacancy(string recruiterId, Guid vacancyId)
    {
        var mine = organisations.OrganisationsOf(recruiterId, MembershipRole.Recruiter);
        return db.Set<Vacancy>().Where(v => v.Id == vacancyId && mine.Contains(v.OrganisationId));
    }

    /// <summary>
    /// "Application received" to the applicant and to each recruiter of the vacancy's organisation,
    /// added to the caller's unit of work. Keyed by the application and when it was submitted, so a
    /// retry sends each once.
    /// </summary>
    private async Task EnqueueReceivedAsync(Application application, CancellationToken cancellationToken)
    {
        var job = await db.Set<Vacancy>().AsNoTracking().Where(v => v.Id == application.VacancyId)
            .Join(db.Set<Organisation>(), v => v.OrganisationId, o => o.Id, (v, o) => new { v.Details.Title, v.OrganisationId, Organisation = o.Name })
            .SingleAsync(cancellationToken);
        var applicant = await db.Users.AsNoTracking().Where(u => u.Id == application.UserId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
        var key = string.Create(CultureInfo.InvariantCulture, $"application:{application.Id:N}:received:{application.SubmittedAtUtc.Ticks}");
        var site = templates.Site;
        if (applicant.Email is { } email)
        {
            outbox.Enqueue(await templates.RenderAsync<ApplicationReceivedMail>(email, ApplicationReceivedMail.Subject(job.Title, job.Organisation),
                new ApplicationReceivedMail.Model(applicant.DisplayName, job.Title, job.Organisation, site.Link("/applications"), site.Link($"/jobs/{application.VacancyId}"))), key);
        }

        var recruiters = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.OrganisationId == job.OrganisationId && m.Role == MembershipRole.Recruiter && m.EndedAtUtc == null && m.UserId != application.UserId)
            .Join(db.Users.Where(u => u.EmailConfirmed), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName })
            .Distinct().ToListAsync(cancellationToken);
        var applicantName = PortalUser.ShownName(applicant.DisplayName, applicant.Email);
        foreach (var recruiter in recruiters.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            outbox.Enqueue(await templates.RenderAsync<NewApplicationMail>(recruiter.Email!, NewApplicationMail.Subject(applicantName, job.Title),
                new NewApplicationMail.Model(recruiter.DisplayName, applicantName, job.Title, job.Organisation, site.Link($"/recruit/vacancies/{application.VacancyId}/applications"))),
                $"{key}:{recruiter.Id}");
        }
    }
}
