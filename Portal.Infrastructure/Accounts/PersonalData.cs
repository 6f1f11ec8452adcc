using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Compliance;
using Portal.Domain.Notifications;
using Portal.Domain.Organisations;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Accounts;

/// <summary>
/// Everything the portal holds keyed to one person, for "Download my data": their account, profile
/// (availability and checks declared), applications with their history, training record and
/// certificates, competency sign-offs, memberships, matches, alerts, saved plan, reminders, requests
/// and invitations, the mail sent to them, and the audit events by or about them. Other people
/// appear only as an organisation, or by name where the person already sees it (who signed off
/// their competency); another person's address or what they did elsewhere is never in it.
/// </summary>
public sealed class PersonalData(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record Export(
        DateTime MadeAtUtc, AccountPart Account, ProfilePart? Profile, IReadOnlyList<ApplicationPart> Applications, TrainingPart Training,
        IReadOnlyList<CompetencyPart> Competencies, IReadOnlyList<MembershipPart> Memberships, IReadOnlyList<MatchPart> Matches,
        IReadOnlyList<DismissalPart> MatchesDismissed, IReadOnlyList<AlertPart> Alerts, SavedPlanPart? SavedPlan, RemindersPart Reminders,
        IReadOnlyList<OrganisationRequestPart> OrganisationRequests, IReadOnlyList<InvitationPart> Invitations, IReadOnlyList<MailPart> Emails,
        IReadOnlyList<EventPart> Events)
    {
        /// <summary>Programmes joined, outcomes, check-ins and the person's own equality answers.</summary>
        public Programmes.ProgrammePersonalData.Part? Programmes { get; init; }

        /// <summary>Their record with talent hubs: each case, its plan and notes, and what they shared about their circumstances.</summary>
        public Navigation.NavigationRecords.Part? Navigation { get; init; }

        /// <summary>Training passport credentials, as signed, and the share links made for them.</summary>
        public PassportPart Passport { get; init; } = new([], []);
    }

    public sealed record PassportPart(IReadOnlyList<PassportCredentialPart> Credentials, IReadOnlyList<PassportSharePart> Shares)
    {
        /// <summary>Credentials from their passport that an employer recognised for them.</summary>
        public IReadOnlyList<RecognisedPart> Recognised { get; init; } = [];
    }

    public sealed record RecognisedPart(string Module, string Achievement, string Issuer, DateTime ValidFromUtc, DateTime? ValidUntilUtc, DateTime RecognisedAtUtc, DateTime? FoundRevokedAtUtc);

    public sealed record PassportCredentialPart(string Achievement, string NameAtIssue, DateTime ValidFromUtc, DateTime? ValidUntilUtc, DateTime IssuedAtUtc,
        DateTime? RevokedAtUtc, string? RevokedReason, string SignedCredential);

    public sealed record PassportSharePart(DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? WithdrawnAtUtc, int Views, int Credentials);

    public sealed record AccountPart(
        string Id, string Email, string? Name, bool EmailConfirmed, string? PhoneNumber, bool TwoFactor, DateTime CreatedUtc,
        IReadOnlyList<string> Roles, IReadOnlyList<string> SignInProviders)
    {
        /// <summary>Passkeys on the account: the name the person gave each and when it was added (never the key itself).</summary>
        public IReadOnlyList<PasskeyPart> Passkeys { get; init; } = [];

        /// <summary>Where the person is signed in: the browser summary kept for each session, and its times.</summary>
        public IReadOnlyList<SessionPart> Sessions { get; init; } = [];
    }

    public sealed record PasskeyPart(string? Name, DateTimeOffset AddedAt);

    public sealed record SessionPart(string Device, DateTime SignedInUtc, DateTime LastUsedUtc, DateTime EndsUtc);

    public sealed record ProfilePart(
        string? Postcode, string? District, WorkDays Days, ShiftTimes Shifts, bool DrivingLicence, decimal? MinimumHourlyPay, string? Languages,
        IReadOnlyList<string> WantedRoles, IReadOnlyList<string> Qualifications, string? Statement,
        DateOnly? DbsUpdateServiceDeclaredOn, DateOnly? RightToWorkDeclaredOn, DateOnly? ReferencesDeclaredOn,
        bool LetEmployersFindMe, bool EmailMeMatches, DateTime UpdatedAtUtc);

    public sealed record ApplicationPart(
        Guid Id, string Vacancy, string Organisation, ApplicationStatus Status, string? Note, DateTime SubmittedAtUtc, DateTime UpdatedAtUtc,
        IReadOnlyList<ApplicationStep> History);

    /// <param name="By">"You", or the organisation whose recruiter moved it.</param>
    public sealed record ApplicationStep(ApplicationStatus Status, DateTime AtUtc, string By);

    public sealed record TrainingPart(IReadOnlyList<ProgressPart> Progress, IReadOnlyList<CompletionPart> Completions, IReadOnlyList<SentFromPhonePart> SentFromPhone);

    /// <summary>Something done offline and sent later, with the answer it got.</summary>
    public sealed record SentFromPhonePart(string Module, Portal.Domain.Training.Offline.OfflineItemKind Kind, Portal.Domain.Training.Offline.OfflineOutcome Outcome, string Message, DateTime ReceivedAtUtc);

    public sealed record ProgressPart(string Module, int Round, int Lesson, string ContentVersion, DateTime StartedAtUtc, DateTime UpdatedAtUtc, DateTime? PassedAtUtc);

    public sealed record CompletionPart(string Module, int Round, DateTime CompletedAtUtc, int Score, int OutOf, string ContentVersion, string? CertificateName, string CertificateCode);

    public sealed record CompetencyPart(string Organisation, string Competency, CompetencyRecordKind Kind, DateOnly On, string Note, string? StepsObserved, string RecordedBy, DateTime RecordedAtUtc);

    public sealed record MembershipPart(string Organisation, MembershipRole Role, string? JobRole, string? Team, bool Practitioner, DateTime StartedAtUtc, DateTime? EndedAtUtc)
    {
        /// <summary>For staff, each job they held there, oldest first.</summary>
        public IReadOnlyList<JobPart> Jobs { get; init; } = [];
    }

    /// <param name="ToUtc">Null for the job held until they left, or hold now.</param>
    public sealed record JobPart(string JobRole, bool Apprenticeship, DateTime FromUtc, DateTime? ToUtc);

    /// <param name="ShownToRecruiters">The vacancy's recruiters see them among its people who fit (only when they let employers find them).</param>
    public sealed record MatchPart(string Vacancy, string Organisation, float Score, float Miles, bool ShownToMe, bool ShownToRecruiters, DateTime ComputedAtUtc);

    public sealed record DismissalPart(string Vacancy, MatchSide Side, DateTime DismissedAtUtc);

    public sealed record AlertPart(string Name, string Query, AlertFrequency Frequency, DateTime CreatedAtUtc, DateTime LastRunAtUtc);

    public sealed record SavedPlanPart(string FromRole, string ToRole, DateTime SavedAtUtc);

    public sealed record RemindersPart(ReminderSettingsPart? Settings, IReadOnlyList<SentReminderPart> Sent, IReadOnlyList<OverduePart> OverdueToldToEmployers);

    public sealed record ReminderSettingsPart(bool Expiring, bool Expired, bool Stalled, TimeOnly QuietFrom, TimeOnly QuietUntil);

    public sealed record SentReminderPart(string Module, ReminderKind Kind, DateOnly DueOn, DateTime SentAtUtc);

    public sealed record OverduePart(string Organisation, string Module, DateOnly DueOn);

    public sealed record OrganisationRequestPart(
        string Name, OrganisationType Type, string? CqcLocationId, string Postcode, MembershipRole Role, string? Note,
        OrganisationRequestStatus Status, DateTime RequestedAtUtc, DateTime? DecidedAtUtc, string? DeclineReason);

    public sealed record InvitationPart(string Organisation, MembershipRole Role, string? JobRole, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? AcceptedAtUtc);

    /// <param name="Body">Only while it waits to be sent: a sent message's body is not kept.</param>
    public sealed record MailPart(string Subject, MailKind Kind, OutboxStatus Status, DateTime CreatedUtc, DateTime? SentUtc, string? Body);

    /// <param name="By">"You", or who did it; IpAddress only for what they did themselves.</param>
    public sealed record EventPart(AuditAction Action, DateTime OccurredUtc, string By, string? Organisation, string? IpAddress, string? Details);

    /// <summary>Their data, and an audit event saying they took it.</summary>
    public async Task<Result<Export>> DownloadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var export = await ReadAsync(userId, cancellationToken);
        if (export is null)
            return Result.NotFound();
        await audit.WriteAsync(AuditAction.PersonalDataExported, AuditSubject.Account, userId, actorUserId: userId, cancellationToken: cancellationToken);
        return Result.Done(export);
    }

    public async Task<Export?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return null;
        var email = (user.Email ?? "").ToLowerInvariant();
        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => role.Name!).OrderBy(n => n).ToListAsync(cancellationToken);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == userId).Select(l => l.ProviderDisplayName ?? l.LoginProvider).ToListAsync(cancellationToken);
        var passkeys = (await db.Set<IdentityUserPasskey<string>>().AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken))
            .Select(p => new PasskeyPart(p.Data.Name, p.Data.CreatedAt)).OrderBy(p => p.AddedAt).ToList();
        var sessions = await db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedUtc)
            .Select(s => new SessionPart(s.Device, s.CreatedUtc, s.LastSeenUtc, s.ExpiresUtc < s.AbsoluteExpiresUtc ? s.ExpiresUtc : s.AbsoluteExpiresUtc)).ToListAsync(cancellationToken);
        var account = new AccountPart(user.Id, user.Email ?? "", user.DisplayName, user.EmailConfirmed, user.PhoneNumber, user.TwoFactorEnabled, user.CreatedUtc, roles, logins)
        {
            Passkeys = passkeys,
            Sessions = sessions,
        };

        var profile = await db.Set<CandidateProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);

        var applications = await db.Set<Application>().AsNoTracking().Include(a => a.History).Where(a => a.UserId == userId)
            .OrderBy(a => a.SubmittedAtUtc).ToListAsync(cancellationToken);
        var matches = await db.Set<JobMatch>().AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var dismissals = await db.Set<MatchDismissal>().AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.DismissedAtUtc).ToListAsync(cancellationToken);
        var vacancyIds = applications.Select(a => a.VacancyId).Concat(matches.Select(m => m.VacancyId)).Concat(dismissals.Select(d => d.VacancyId)).Distinct().ToList();
        var vacancies = (await db.Set<Vacancy>().AsNoTracking().Where(v => vacancyIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Details.Title, v.OrganisationId }).ToListAsync(cancellationToken)).ToDictionary(v => v.Id);

        var memberships = await db.Set<Membership>().AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.StartedAtUtc).ToListAsync(cancellationToken);
        var jobs = (await db.Set<JobHeld>().AsNoTracking().Where(j => j.UserId == userId).OrderBy(j => j.FromUtc).ThenBy(j => j.Id).ToListAsync(cancellationToken))
            .ToLookup(j => j.MembershipId);
        var competencies = await db.Set<CompetencyRecord>().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.RecordedAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var overdue = await db.Set<OverdueNotice>().AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.DueOn).ToListAsync(cancellationToken);
        List<Invitation> invitations = email.Length == 0 ? [] : await db.Set<Invitation>().AsNoTracking().Where(i => i.Email == email).OrderBy(i => i.CreatedAtUtc).ToListAsync(cancellationToken);
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.ActorUserId == userId || (e.SubjectKind == AuditSubject.Account && e.SubjectId == userId))
            .OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);

        var organisationIds = vacancies.Values.Select(v => v.OrganisationId).Concat(memberships.Select(m => m.OrganisationId))
            .Concat(competencies.Select(c => c.OrganisationId)).Concat(overdue.Select(n => n.OrganisationId)).Concat(invitations.Select(i => i.OrganisationId))
            .Concat(events.Select(e => e.OrganisationId).OfType<Guid>()).Distinct().ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        string OrganisationName(Guid id) => organisations.GetValueOrDefault(id, "An organisation no longer on the portal");
        string VacancyTitle(Guid id) => vacancies.TryGetValue(id, out var v) ? v.Title : "A vacancy no longer on the portal";
        string VacancyOrganisation(Guid id) => vacancies.TryGetValue(id, out var v) ? OrganisationName(v.OrganisationId) : "";

        var peopleIds = competencies.Select(c => c.RecordedBy).Concat(events.Select(e => e.ActorUserId).OfType<string>()).Distinct().ToList();
        var people = (await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => PortalUser.ShownName(u.DisplayName, u.Email), StringComparer.Ordinal);
        string PersonName(string? id) => id == userId ? "You" : id is null ? "Nobody signed in" : people.GetValueOrDefault(id, "Someone no longer here");

        var progress = await db.Set<ModuleProgress>().AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.StartedAtUtc).ToListAsync(cancellationToken);
        var completions = await db.Set<Completion>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.CompletedAtUtc).ToListAsync(cancellationToken);
        var fromPhone = await db.Set<Portal.Domain.Training.Offline.OfflineReceipt>().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.ReceivedAtUtc).ToListAsync(cancellationToken);
        var alerts = await db.Set<SavedSearch>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAtUtc).ToListAsync(cancellationToken);
        var plan = await db.Set<SavedPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var settings = await db.Set<ReminderPreferences>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var sent = await db.Set<SentReminder>().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.SentAtUtc).ToListAsync(cancellationToken);
        var requests = await db.Set<OrganisationRequest>().AsNoTracking().Where(r => r.RequestedBy == userId).OrderBy(r => r.RequestedAtUtc).ToListAsync(cancellationToken);
#pragma warning disable CA1862 // lower-cased in the query: every provider translates ToLower
        List<OutboxMessage> mail = email.Length == 0 ? [] : await db.OutboxMessages.AsNoTracking().Where(m => m.To.ToLower() == email).OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id).ToListAsync(cancellationToken);
#pragma warning restore CA1862

        return new Export(
            clock.GetUtcNow().UtcDateTime,
            account,
            profile is null ? null : new ProfilePart(
                profile.Postcode, profile.District, profile.Days, profile.Shifts, profile.DrivingLicence, profile.MinimumHourlyPay, profile.Languages,
                profile.WantedRoles, profile.Qualifications, profile.Statement, profile.DbsUpdateServiceDeclaredOn, profile.RightToWorkDeclaredOn,
                profile.ReferencesDeclaredOn, profile.LetEmployersFindMe, profile.EmailMeMatches, profile.UpdatedAtUtc),
            applications.ConvertAll(a => new ApplicationPart(
                a.Id, VacancyTitle(a.VacancyId), VacancyOrganisation(a.VacancyId), a.Status, a.Note, a.SubmittedAtUtc, a.UpdatedAtUtc,
                [.. a.History.OrderBy(h => h.ChangedAtUtc).ThenBy(h => h.Id).Select(h => new ApplicationStep(h.Status, h.ChangedAtUtc, h.ChangedBy == userId ? "You" : VacancyOrganisation(a.VacancyId)))])),
            new TrainingPart(
                progress.ConvertAll(p => new ProgressPart(p.ModuleSlug, p.Round, p.Lesson, p.ContentVersion, p.StartedAtUtc, p.UpdatedAtUtc, p.PassedAtUtc)),
                completions.ConvertAll(c => new CompletionPart(c.ModuleSlug, c.Round, c.CompletedAtUtc, c.Score, c.OutOf, c.ContentVersion, c.CertificateName, c.VerificationCode)),
                fromPhone.ConvertAll(r => new SentFromPhonePart(r.ModuleSlug, r.Kind, r.Outcome, r.Message, r.ReceivedAtUtc))),
            competencies.ConvertAll(c => new CompetencyPart(OrganisationName(c.OrganisationId), c.CompetencySlug, c.Kind, c.On, c.Note, c.StepsObserved, PersonName(c.RecordedBy), c.RecordedAtUtc)),
            memberships.ConvertAll(m => new MembershipPart(OrganisationName(m.OrganisationId), m.Role, m.JobRole, m.Team, m.Practitioner, m.StartedAtUtc, m.EndedAtUtc)
            {
                Jobs = [.. jobs[m.Id].Select(j => new JobPart(j.JobRole, j.Apprenticeship, j.FromUtc, j.ToUtc))],
            }),
            [.. matches.OrderByDescending(m => m.Score).Select(m => new MatchPart(VacancyTitle(m.VacancyId), VacancyOrganisation(m.VacancyId), m.Score, m.Miles, m.ForPerson, m.ForVacancy, m.ComputedAtUtc))],
            dismissals.ConvertAll(d => new DismissalPart(VacancyTitle(d.VacancyId), d.Side, d.DismissedAtUtc)),
            alerts.ConvertAll(s => new AlertPart(s.Name, s.Query, s.Frequency, s.CreatedAtUtc, s.LastRunAtUtc)),
            plan is null ? null : new SavedPlanPart(plan.FromRole, plan.ToRole, plan.SavedAtUtc),
            new RemindersPart(
                settings is null ? null : new ReminderSettingsPart(settings.Expiring, settings.Expired, settings.Stalled, settings.QuietFrom, settings.QuietUntil),
                sent.ConvertAll(r => new SentReminderPart(r.ModuleSlug, r.Kind, r.DueOn, r.SentAtUtc)),
                overdue.ConvertAll(n => new OverduePart(OrganisationName(n.OrganisationId), n.ModuleSlug, n.DueOn))),
            requests.ConvertAll(r => new OrganisationRequestPart(r.Name, r.Type, r.CqcLocationId, r.Postcode, r.RequesterRole, r.Note, r.Status, r.RequestedAtUtc, r.DecidedAtUtc, r.DeclineReason)),
            invitations.ConvertAll(i => new InvitationPart(OrganisationName(i.OrganisationId), i.Role, i.JobRole, i.CreatedAtUtc, i.ExpiresAtUtc, i.AcceptedAtUtc)),
            mail.ConvertAll(m => new MailPart(m.Subject, m.Kind, m.Status, m.CreatedUtc, m.SentUtc, m.Status == OutboxStatus.Pending ? m.TextBody : null)),
            events.ConvertAll(e => new EventPart(
                e.Action, e.OccurredUtc, PersonName(e.ActorUserId), e.OrganisationId is { } o ? OrganisationName(o) : null,
                e.ActorUserId == userId ? e.IpAddress : null, e.Details)))
        {
            Programmes = await Programmes.ProgrammePersonalData.ReadAsync(db, userId, cancellationToken),
            Navigation = await Navigation.NavigationRecords.ReadAsync(db, userId, cancellationToken),
            Passport = new PassportPart(
                await db.Set<Portal.Domain.Passport.PassportCredential>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.IssuedAtUtc)
                    .Select(c => new PassportCredentialPart(c.AchievementName, c.NameAtIssue, c.ValidFromUtc, c.ValidUntilUtc, c.IssuedAtUtc, c.RevokedAtUtc, c.RevokedReason, c.Jws))
                    .ToListAsync(cancellationToken),
                await db.Set<Portal.Domain.Passport.PassportShare>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAtUtc)
                    .Select(s => new PassportSharePart(s.CreatedAtUtc, s.ExpiresAtUtc, s.WithdrawnAtUtc, s.Views, s.Items.Count))
                    .ToListAsync(cancellationToken))
            {
                Recognised = await db.Set<Portal.Domain.Passport.Recognition>().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.RecognisedAtUtc)
                    .Select(r => new RecognisedPart(r.ModuleSlug, r.AchievementName, r.IssuerName, r.ValidFromUtc, r.ValidUntilUtc, r.RecognisedAtUtc, r.RevokedFoundAtUtc))
                    .ToListAsync(cancellationToken),
            },
        };
    }

    public static byte[] ToJson(Export export) => JsonSerializer.SerializeToUtf8Bytes(export, Json);
}
