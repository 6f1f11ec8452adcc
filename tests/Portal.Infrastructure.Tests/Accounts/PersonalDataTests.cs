using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Audit;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Accounts;

/// <summary>"Download my data": everything keyed to the person, and nothing of anyone else's.</summary>
public abstract class PersonalDataTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>Where each table erased with a person shows in their export; a table added to erasure needs a place here.</summary>
    private static readonly Dictionary<string, Func<PersonalData.Export, bool>> Shown = new(StringComparer.Ordinal)
    {
        ["AspNetUserClaims.UserId"] = e => e.Account.Email.Length > 0,
        ["AspNetUserLogins.UserId"] = e => e.Account.SignInProviders.Count == 1,
        ["AspNetUserRoles.UserId"] = e => e.Account.Roles.SequenceEqual(["Learner"]),
        ["AspNetUserTokens.UserId"] = e => e.Account.Email.Length > 0,
        ["Applications.UserId"] = e => e.Applications.Count == 1 && e.Applications[0].History.Count == 2,
        ["CandidateProfiles.UserId"] = e => e.Profile is { Postcode: "LS6 1AA", DbsUpdateServiceDeclaredOn: not null, RightToWorkDeclaredOn: not null },
        ["CompetencyRecords.UserId"] = e => e.Competencies.Count == 1,
        ["Completions.UserId"] = e => e.Training.Completions.Count == 1,
        ["Matches.UserId"] = e => e.Matches.Count == 1,
        ["MatchPeople.UserId"] = e => e.Profile is not null,
        // A sharded run's working data, derived like MatchPeople and kept only until the run completes: what it becomes is their matches.
        ["MatchRunCandidates.UserId"] = e => e.Matches.Count == 1,
        ["MatchRunPlaces.UserId"] = e => e.Matches.Count == 1,
        ["MatchRunPeople.UserId"] = e => e.Matches.Count == 1,
        ["MatchesEmailed.UserId"] = e => e.Matches.Count == 1,
        ["MatchDismissals.UserId"] = e => e.MatchesDismissed.Count == 1,
        ["Memberships.UserId"] = e => e.Memberships.Count == 1,
        ["JobHistory.UserId"] = e => e.Memberships is [{ Jobs: [{ JobRole: "care-worker", ToUtc: { } }, { JobRole: "senior-care-worker", Apprenticeship: true, ToUtc: null }] }],
        ["ModuleProgress.UserId"] = e => e.Training.Progress.Count == 2,
        ["OfflineReceipts.UserId"] = e => e.Training.SentFromPhone is [{ Module: "fire-safety", Outcome: Portal.Domain.Training.Offline.OfflineOutcome.Recorded }],
        ["OverdueNotices.UserId"] = e => e.Reminders.OverdueToldToEmployers.Count == 1,
        ["ReminderPreferences.UserId"] = e => e.Reminders.Settings is not null,
        ["SavedPlans.UserId"] = e => e.SavedPlan is { ToRole: "senior-care-worker" },
        ["SavedSearches.UserId"] = e => e.Alerts.Count == 1,
        ["SentReminders.UserId"] = e => e.Reminders.Sent.Count == 1,
        ["OrganisationRequests.RequestedBy"] = e => e.OrganisationRequests.Count == 1,
        ["AspNetUserPasskeys.UserId"] = e => e.Account.Passkeys is [{ Name: "Erin's phone" }],
        ["UserSessions.UserId"] = e => e.Account.Sessions is [{ Device: "Chrome on Android" }],
        ["Enrolments.UserId"] = e => e.Programmes!.Enrolments is [{ Programme: "Care careers in six weeks", ByYourself: false }],
        ["Attendances.UserId"] = e => e.Programmes!.Enrolments is [{ SessionsAttended: 1 }],
        ["Outcomes.UserId"] = e => e.Programmes!.Outcomes is [{ Kind: Portal.Domain.Programmes.OutcomeKind.StartedWork }],
        ["CheckIns.UserId"] = e => e.Programmes!.CheckIns is [{ Weeks: 13, StillInWork: null }],
        ["EqualityAnswers.UserId"] = e => e.Programmes!.Equality is { } equality
            && equality.Answers[Portal.Domain.Equality.EqualityQuestions.Ethnicity.Text] == "White: Roma" && equality.Answers[Portal.Domain.Equality.EqualityQuestions.Sex.Text] is null,
        ["NavigationCases.UserId"] = e => e.Navigation is { Cases: [{ Plan.Count: 1, Notes.Count: 1 }] },
        ["Circumstances.UserId"] = e => e.Navigation?.Circumstances is { Barriers: [Portal.Domain.Navigation.BarrierKind.Transport] },
        ["PassportCredentials.UserId"] = e => e.Passport.Credentials is [{ Achievement: "Safeguarding adults" }],
        ["PassportShares.UserId"] = e => e.Passport.Shares is [{ Credentials: 1 }],
        ["Recognitions.UserId"] = e => e.Passport.Recognised is [{ Module: "safeguarding-adults", Issuer: "Calder Valley Care Academy" }],
    };

    [Fact]
    public async Task APersonWithDataInEveryAreaGetsAllOfItAndNoneOfAnotherPersons()
    {
        Employer employer;
        Person erin, other;
        await using (var db = database.CreateContext())
        {
            employer = await EveryArea.EmployerAsync(db, Now);
            erin = await EveryArea.PersonAsync(db, employer, Now);
            other = await EveryArea.PersonAsync(db, employer, Now);
        }

        await using var context = database.CreateContext();
        var result = await Service(context).DownloadAsync(erin.Id);

        Assert.True(result.IsDone);
        var export = result.Value!;
        Assert.Equal([], PersonColumns.ErasedWithThePerson.Where(c => !Shown.ContainsKey(c)));
        Assert.Equal([], Shown.Where(s => !s.Value(export)).Select(s => s.Key));
        Assert.Equal((erin.Email, erin.Name), (export.Account.Email, export.Account.Name));
        Assert.Equal(["You", employer.OrganisationName], export.Applications[0].History.Select(h => h.By));
        Assert.Equal(employer.ColleagueName, export.Competencies[0].RecordedBy);
        Assert.Equal(2, export.Emails.Count);
        Assert.Single(export.Invitations);
        var opened = Assert.Single(export.Events, e => e.Action == AuditAction.RecordOpened);
        // Who opened their record, and where: but not the address they did it from.
        Assert.Equal((employer.ColleagueName, employer.OrganisationName, (string?)null), (opened.By, opened.Organisation, opened.IpAddress));
        Assert.Equal("203.0.113.9", export.Events.Single(e => e.Action == AuditAction.SignInSucceeded).IpAddress);

        var json = Encoding.UTF8.GetString(PersonalData.ToJson(export));
        Assert.Contains(erin.Marker, json, StringComparison.Ordinal);
        foreach (var foreign in new[] { other.Id, other.Marker, other.Email, employer.ColleagueEmail, employer.ColleagueId, "198.51.100.4" })
            Assert.DoesNotContain(foreign, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakingTheirDataIsOnRecord()
    {
        Person erin;
        await using (var db = database.CreateContext())
            erin = await EveryArea.PersonAsync(db, await EveryArea.EmployerAsync(db, Now), Now);

        await using (var db = database.CreateContext())
            Assert.True((await Service(db).DownloadAsync(erin.Id)).IsDone);

        await using var check = database.CreateContext();
        var recorded = await check.AuditEvents.SingleAsync(e => e.Action == AuditAction.PersonalDataExported && e.SubjectId == erin.Id);
        Assert.Equal(erin.Id, recorded.ActorUserId);
    }

    [Fact]
    public async Task NoDataForSomeoneWhoIsNotThere()
    {
        await using var db = database.CreateContext();

        Assert.False((await Service(db).DownloadAsync("no-such-person")).IsDone);
    }

    private PersonalData Service(PortalDbContext db) => new(db, new AuditLog(db, new NoAuditActor(), _time), _time);
}

public sealed class SqlitePersonalDataTests(SqliteTestDatabase database) : PersonalDataTests<SqliteTestDatabase>(database);

public sealed class PostgresPersonalDataTests(PostgresTestDatabase database) : PersonalDataTests<PostgresTestDatabase>(database);
