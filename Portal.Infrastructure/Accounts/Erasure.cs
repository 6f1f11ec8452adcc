using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Pathways;
using Portal.Domain.Privacy;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Accounts;

/// <summary>
/// Removes a person: their account and every row keyed to them, in one transaction (decision 0035).
/// Employers where they were on the staff keep their training evidence, pseudonymised, for the
/// period the retention schedule gives. Rows of other people that name them as the one who acted
/// (a sign-off they recorded, an application they moved) are other people's records and stay; the
/// id in them then names nobody. The audit log keeps its events, under the same rule, until the
/// retention run removes them.
/// </summary>
public sealed class Erasure(PortalDbContext db, AuditLog audit, SessionService sessions, TimeProvider clock, IOptions<RetentionOptions> retention)
{
    public async Task<Result> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var email = (user.Email ?? "").ToLowerInvariant();

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await KeepEvidenceAsync(userId, now, cancellationToken);

            // Derived match rows have no foreign key (decision 0030), so deleting the account would leave them.
            await db.Set<JobMatch>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MatchPerson>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MatchRunCandidate>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MatchRunPlace>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MatchRunPerson>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MatchEmailed>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MatchDismissal>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            var applications = db.Set<Application>().Where(a => a.UserId == userId).Select(a => a.Id);
            await db.Set<ApplicationEvent>().Where(e => applications.Contains(e.ApplicationId)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Application>().Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<CandidateProfile>().Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<SavedSearch>().Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<SavedPlan>().Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<ModuleProgress>().Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Portal.Domain.Training.Offline.OfflineReceipt>().Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Completion>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            // Passport credentials go too (a share's items by their cascading key); copies the person
            // downloaded still verify, because their revocation bits stay clear.
            await db.Set<Portal.Domain.Passport.PassportShare>().Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Portal.Domain.Passport.PassportCredential>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Portal.Domain.Passport.Recognition>().Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            // Bypasses the append-only guard on purpose: the log is theirs, and its evidence was kept above.
            await db.Set<CompetencyRecord>().Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<SentReminder>().Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<OverdueNotice>().Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<ReminderPreferences>().Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await Programmes.ProgrammePersonalData.EraseAsync(db, userId, UkTime.Today(now), cancellationToken);
            await Navigation.NavigationRecords.EraseAsync(db, userId, cancellationToken);
            await db.Set<JobHeld>().Where(j => j.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Membership>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<OrganisationRequest>().Where(r => r.RequestedBy == userId).ExecuteDeleteAsync(cancellationToken);
            if (email.Length > 0)
            {
                await db.Set<Invitation>().Where(i => i.Email == email).ExecuteDeleteAsync(cancellationToken);
                // Their email log, sent or not: mail to an account that is gone has no one to go to.
#pragma warning disable CA1862 // lower-cased in the query: every provider translates ToLower
                await db.OutboxMessages.Where(m => m.To.ToLower() == email).ExecuteDeleteAsync(cancellationToken);
#pragma warning restore CA1862
            }

            await db.Set<IdentityUserClaim<string>>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<IdentityUserLogin<string>>().Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<IdentityUserToken<string>>().Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<IdentityUserRole<string>>().Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<IdentityUserPasskey<string>>().Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            // Every session ends with the account (a signed-in browser's next request finds no row).
            await sessions.EndAllAsync(userId, cancellationToken: cancellationToken);
            // Anything added to Identity later (passkeys) goes with the account by its cascading foreign key.
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
            foreach (var entry in db.ChangeTracker.Entries<PortalUser>().Where(e => e.Entity.Id == userId).ToList())
                entry.State = EntityState.Detached;

            audit.Add(AuditAction.PersonalDataErased, AuditSubject.Account, userId);
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
                await own.CommitAsync(cancellationToken);
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }

        return Result.Done();
    }

    /// <summary>
    /// For each organisation they were on the staff of within the kept period: their completions
    /// and that organisation's competency log, pseudonymised, one pseudonym per organisation so two
    /// employers' rows cannot be joined up.
    /// </summary>
    private async Task KeepEvidenceAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        var schedule = retention.Value.Schedule();
        var keepUntil = schedule.KeepEvidenceUntil(now);
        var staffSince = now.AddMonths(-schedule.KeptEvidenceMonths);
        var organisations = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == MembershipRole.Staff && (m.EndedAtUtc == null || m.EndedAtUtc >= staffSince))
            .Select(m => m.OrganisationId).Distinct().ToListAsync(cancellationToken);
        if (organisations.Count == 0)
            return;
        var completions = await db.Set<Completion>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync(cancellationToken);
        var records = await db.Set<CompetencyRecord>().AsNoTracking().Where(r => r.UserId == userId && organisations.Contains(r.OrganisationId)).ToListAsync(cancellationToken);
        foreach (var organisation in organisations)
        {
            var pseudonym = Guid.NewGuid();
            db.AddRange(completions.Select(c => KeptEvidence.Of(c, organisation, pseudonym, keepUntil)));
            db.AddRange(records.Where(r => r.OrganisationId == organisation).Select(r => KeptEvidence.Of(r, pseudonym, keepUntil)));
        }
    }
}
