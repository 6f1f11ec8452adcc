using Microsoft.AspNetCore.Identity;
using Portal.Domain.Audit;
using Portal.Domain.Compliance;
using Portal.Domain.Navigation;
using Portal.Domain.Notifications;
using Portal.Domain.Organisations;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Tests.Accounts;

/// <summary>An employer with a practitioner who also recruits and manages, and a vacancy.</summary>
public sealed record Employer(Guid OrganisationId, string OrganisationName, string ColleagueId, string ColleagueName, string ColleagueEmail, Guid VacancyId, string VacancyTitle);

/// <summary>One person with data in every area, all of it carrying <see cref="Marker"/> where a field takes text.</summary>
public sealed record Person(string Id, string Email, string Name, string Marker);

/// <summary>
/// People with a row in every table the portal keys to a person, written with the domain's own
/// factories, so a test can prove erasure removes all of it and an export lists all of it.
/// </summary>
public static class EveryArea
{
    public static async Task<Employer> EmployerAsync(PortalDbContext db, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var colleague = User($"pat.{tag}@example.com", $"Pat Practitioner {tag}", now);
        db.Users.Add(colleague);
        var organisation = Organisation.Create($"Kirkstall Care {tag}", OrganisationType.CareProvider, null, "LS5 3AA", now);
        db.Add(organisation);
        var vacancy = Vacancy.Draft(organisation.Id, new VacancyDetails
        {
            CareerRole = "care-worker",
            Title = $"Home care worker {tag}",
            DescriptionMarkdown = "Visit people at home.",
            Location = new VacancyLocation("LS5 3AA", "LS5", 53.82, -1.6),
            HourlyPay = 13.5m,
            HoursPerWeek = 30,
            Days = WorkDays.Weekdays,
            Shifts = ShiftTimes.Early,
            PayBasis = PayBasis.WholeShift,
            GuaranteedHours = true,
            PaidTravelTime = true,
            PaidTraining = true,
            DrivingLicenceRequired = false,
            ClosingDate = DateOnly.FromDateTime(now).AddDays(30),
        }, now);
        db.Add(vacancy);
        db.AddRange(
            Membership.Start(organisation.Id, colleague.Id, MembershipRole.Staff, now, "registered-nurse", practitioner: true),
            Membership.Start(organisation.Id, colleague.Id, MembershipRole.Recruiter, now),
            Membership.Start(organisation.Id, colleague.Id, MembershipRole.Manager, now));
        await db.SaveChangesAsync();
        return new Employer(organisation.Id, organisation.Name, colleague.Id, colleague.DisplayName!, colleague.Email!, vacancy.Id, vacancy.Details.Title);
    }

    /// <summary>A person on the employer's staff who applied to its vacancy, with a row in every other table too.</summary>
    public static async Task<Person> PersonAsync(PortalDbContext db, Employer employer, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(employer);
        var marker = "m" + Guid.NewGuid().ToString("N");
        var email = $"{marker}@example.com";
        var user = User(email, $"Erin {marker}", now);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = "role-learner" });
        db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = "note", ClaimValue = marker });
        db.UserLogins.Add(new IdentityUserLogin<string> { UserId = user.Id, LoginProvider = "Example", ProviderKey = marker, ProviderDisplayName = "Example" });
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = marker });
        db.Set<IdentityUserPasskey<string>>().Add(new IdentityUserPasskey<string>
        {
            UserId = user.Id,
            CredentialId = Guid.NewGuid().ToByteArray(),
            Data = new IdentityPasskeyData
            {
                PublicKey = [1, 2, 3],
                Name = "Erin's phone",
                CreatedAt = now,
                SignCount = 0,
                IsUserVerified = true,
                IsBackupEligible = true,
                IsBackedUp = true,
                AttestationObject = [4],
                ClientDataJson = [5],
            },
        });
        db.Add(UserSession.Start(Guid.NewGuid().ToString("N") + "0123456789a", user.Id, [1], now, now.AddDays(1), TimeSpan.FromDays(7), "Chrome on Android"));

        var profile = CandidateProfile.For(user.Id);
        profile.Update(new CandidateDetails
        {
            Location = new VacancyLocation("LS6 1AA", "LS6", 53.82, -1.57),
            Days = WorkDays.Weekdays,
            Shifts = ShiftTimes.Early,
            DrivingLicence = true,
            MinimumHourlyPay = 13m,
            Languages = "Polish",
            Statement = $"I am {marker}",
            DbsUpdateService = true,
            RightToWork = true,
            LetEmployersFindMe = true,
        }, now);
        db.Add(profile);

        var application = Application.Submit(employer.VacancyId, user.Id, $"Note by {marker}", now);
        application.MoveTo(ApplicationStatus.Shortlisted, employer.ColleagueId, now.AddMinutes(5));
        db.Add(application);

        var progress = ModuleProgress.Start(user.Id, "safeguarding-adults", "v1", now.AddMinutes(-30));
        progress.MarkPassed(now.AddMinutes(-1));
        var completion = Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), marker[..24], now.AddMinutes(-1), user.DisplayName);
        var started = ModuleProgress.Start(user.Id, "fire-safety", "v1", now.AddMinutes(-10));
        db.AddRange(progress, completion, started);
        db.Add(Portal.Domain.Training.Offline.OfflineReceipt.For(Guid.NewGuid(), user.Id, "fire-safety", Portal.Domain.Training.Offline.OfflineItemKind.Lesson, Portal.Domain.Training.Offline.OfflineOutcome.Recorded, $"Lesson 1 read {marker}", null, now));
        var credential = Portal.Domain.Passport.PassportCredential.Issue(Guid.NewGuid(), user.Id, Portal.Domain.Passport.AchievementKind.Module, "completion:1",
            "https://portal.example/passport/achievements/modules/safeguarding-adults/v1", "Safeguarding adults", $"Erin {marker}", employer.OrganisationId,
            now.AddMinutes(-1), null, 1, System.Security.Cryptography.RandomNumberGenerator.GetInt32(131_072), "key", $"header.{marker}.signature", now);
        db.AddRange(credential, Portal.Domain.Passport.PassportShare.Create(user.Id, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(marker))),
            [credential.Id], now.AddDays(10), now));
        db.Add(Portal.Domain.Passport.Recognition.Record(employer.OrganisationId, user.Id, $"urn:uuid:{Guid.NewGuid()}", "https://academy.example/passport/issuer", "Calder Valley Care Academy",
            "https://academy.example/passport/achievements/safeguarding", "Safeguarding adults at work", "safeguarding-adults", now.AddDays(-30), null, null, null, employer.ColleagueId, now));

        db.Add(CompetencyRecord.SignOff(employer.OrganisationId, user.Id, "blood-glucose", "c1", ["Wash hands", "Check the meter"], [0, 1],
            $"Well done {marker}", DateOnly.FromDateTime(now), employer.ColleagueId, now));
        var membership = Membership.Start(employer.OrganisationId, user.Id, MembershipRole.Staff, now.AddMonths(-6), "care-worker");
        // A promotion onto an apprenticeship: two rows of job history.
        membership.ChangeJob("senior-care-worker", null, false, employer.ColleagueId, now.AddMonths(-1), apprentice: true);
        db.Add(membership);
        var due = new DueReminder("safeguarding-adults", ReminderKind.ExpiresWithin30Days, DateOnly.FromDateTime(now).AddDays(20));
        db.AddRange(
            SentReminder.For(user.Id, due, now),
            OverdueNotice.For(employer.OrganisationId, user.Id, due with { Kind = ReminderKind.RequiredOverdue }, false, now),
            ReminderPreferences.Default(user.Id),
            SavedSearch.Create(user.Id, $"Near {marker}", "q=care&near=LS6", AlertFrequency.Weekly, now),
            SavedPlan.Create(user.Id, "care-worker", "senior-care-worker", now),
            OrganisationRequest.Create(user.Id, $"Erin's agency {marker}", OrganisationType.CareProvider, null, "LS6 1AA", MembershipRole.Manager, $"Asked by {marker}", now),
            Invitation.Create(employer.OrganisationId, email, MembershipRole.Recruiter, employer.ColleagueId, now).Invitation,
            MatchDismissal.Record(user.Id, employer.VacancyId, MatchSide.Recruiter, employer.ColleagueId, now),
            new JobMatch { UserId = user.Id, VacancyId = employer.VacancyId, Score = 0.8f, Miles = 1.5f, ForPerson = true, ForVacancy = true, ComputedAtUtc = now },
            new MatchPerson { UserId = user.Id, Latitude = 53.82f, Longitude = -1.57f, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, Findable = true, Cutoff = -1, ContentVersion = "v1", ComputedAtUtc = now },
            new MatchEmailed { UserId = user.Id, VacancyId = employer.VacancyId, SentAtUtc = now },
            new MatchRunCandidate { RunId = Guid.NewGuid(), VacancyId = employer.VacancyId, UserId = user.Id, Score = 0.8f },
            new MatchRunPlace { RunId = Guid.NewGuid(), VacancyId = employer.VacancyId, UserId = user.Id },
            new MatchRunPerson { RunId = Guid.NewGuid(), UserId = user.Id, Latitude = 53.82f, Longitude = -1.57f, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, Findable = true, Cutoff = -1 });

        await ProgrammesAsync(db, employer, user.Id, marker, now);
        var hubCase = NavigationCase.Start(employer.OrganisationId, user.Id, true, $"Help for {marker}", ContactPreference.Phone, "07700 900123", "Mornings", now);
        hubCase.Take(employer.ColleagueId, now);
        var shared = Circumstances.For(user.Id, now);
        shared.Share([BarrierKind.Transport], $"The bus from {marker}", now);
        db.AddRange(hubCase, shared,
            PlanStep.Create(hubCase.Id, PlanStepKind.Cv, $"A CV for {marker}", StepOwner.Person, DateOnly.FromDateTime(now).AddDays(7), null, now),
            ContactNote.Write(hubCase.Id, DateOnly.FromDateTime(now), ContactMethod.Phone, $"Called {marker}", employer.ColleagueId, DateOnly.FromDateTime(now), now));

        var sent = OutboxMessage.Create(new OutgoingMail(email, $"Welcome {marker}", $"Hello {marker}"), now, $"welcome:{user.Id}");
        sent.MarkSent(now);
        db.AddRange(sent, OutboxMessage.Create(new OutgoingMail(email, "Your application", $"Dear {marker}, you were shortlisted"), now));

        db.AuditEvents.AddRange(
            AuditEvent.Record(AuditAction.SignInSucceeded, user.Id, AuditSubject.Account, user.Id, now, ipAddress: "203.0.113.9", details: "password"),
            AuditEvent.Record(AuditAction.RecordOpened, employer.ColleagueId, AuditSubject.Account, user.Id, now, employer.OrganisationId, "198.51.100.4", "training record"));
        await db.SaveChangesAsync();
        return new Person(user.Id, email, user.DisplayName!, marker);
    }

    /// <summary>A cohort they were on (run by the employer, for brevity), a session they came to, outcomes, a check-in and equality answers.</summary>
    private static async Task ProgrammesAsync(PortalDbContext db, Employer employer, string userId, string marker, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var programme = Portal.Domain.Programmes.Programme.Create(employer.OrganisationId, "Care careers in six weeks", null, now);
        var cohort = Portal.Domain.Programmes.Cohort.Create(programme.Id, new(today.AddDays(-200), today.AddDays(-160), 12, "Lincoln Green Community Centre", false, null, null), now);
        var session = Portal.Domain.Programmes.CohortSession.Create(cohort, today.AddDays(-200), "Welcome");
        db.AddRange(programme, cohort, session, Portal.Domain.Programmes.Enrolment.Start(cohort.Id, userId, employer.ColleagueId, now));
        var started = Portal.Domain.Programmes.HubOutcome.Record(userId, employer.OrganisationId, cohort.Id, Portal.Domain.Programmes.OutcomeKind.StartedWork, $"Employer of {marker}", today.AddDays(-150), employer.ColleagueId, now);
        db.Add(started);
        var answers = Portal.Domain.Equality.EqualityAnswers.For(userId);
        answers.Change(new Dictionary<string, string?> { ["ethnicity"] = "white-roma", ["religion"] = "sikh" }, now);
        db.Add(answers);
        await db.SaveChangesAsync();
        db.AddRange(Portal.Domain.Programmes.Attendance.Record(session.Id, userId, true, now), Portal.Domain.Programmes.CheckIn.Ask(started, 13, now));
    }

    private static PortalUser User(string email, string name, DateTime now) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        DisplayName = name,
        CreatedUtc = now,
        SecurityStamp = Guid.NewGuid().ToString("N"),
    };
}
