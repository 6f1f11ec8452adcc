using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Accounts;

/// <summary>
/// Which columns hold a person's account id, and what erasure does with each. A new table keyed to
/// a person fails <c>EveryColumnHoldingAPersonsIdIsClassified</c> until it is listed here, and then
/// the erasure test proves it is emptied.
/// </summary>
public static class PersonColumns
{
    /// <summary>Rows whose column holds the person's id are theirs, and go when they are erased.</summary>
    public static readonly IReadOnlySet<string> ErasedWithThePerson = new HashSet<string>(StringComparer.Ordinal)
    {
        "AspNetUserClaims.UserId", "AspNetUserLogins.UserId", "AspNetUserRoles.UserId", "AspNetUserTokens.UserId",
        "Applications.UserId", "CandidateProfiles.UserId", "CompetencyRecords.UserId", "Completions.UserId",
        "Matches.UserId", "MatchPeople.UserId", "MatchRunCandidates.UserId", "MatchRunPlaces.UserId", "MatchRunPeople.UserId", "MatchesEmailed.UserId", "MatchDismissals.UserId",
        "Memberships.UserId", "ModuleProgress.UserId", "OverdueNotices.UserId", "ReminderPreferences.UserId",
        "SavedPlans.UserId", "SavedSearches.UserId", "SentReminders.UserId", "OrganisationRequests.RequestedBy",
        "AspNetUserPasskeys.UserId", "UserSessions.UserId", "OfflineReceipts.UserId",
        "Enrolments.UserId", "Attendances.UserId", "Outcomes.UserId", "CheckIns.UserId", "EqualityAnswers.UserId",
        "NavigationCases.UserId", "Circumstances.UserId",
        "PassportCredentials.UserId", "PassportShares.UserId", "Recognitions.UserId",
        "JobHistory.UserId",
    };

    /// <summary>
    /// The person as the one who acted on someone else's record (decision 0035): the record is the
    /// other person's or the organisation's and stays; the id in it then names nobody. The audit log
    /// keeps its events until the retention run removes them.
    /// </summary>
    public static readonly IReadOnlySet<string> KeptAsWhoActed = new HashSet<string>(StringComparer.Ordinal)
    {
        "ApplicationEvents.ChangedBy", "CompetencyRecords.RecordedBy", "MatchDismissals.DismissedBy", "JobRequirements.ChangedBy",
        "RefreshOverrides.ChangedBy", "Memberships.PractitionerGrantedBy", "Invitations.InvitedBy", "Invitations.AcceptedBy",
        "OrganisationRequests.DecidedBy", "AuditEvents.ActorUserId", "KeptEvidence.RecordedBy",
        "Enrolments.EnrolledBy", "Outcomes.RecordedBy",
        "ContactNotes.WrittenBy",
        "PassportCredentials.RevokedBy", "Recognitions.RecognisedBy", "TrustedIssuers.AddedBy", "TrustedIssuers.RemovedBy",
        "InsightReferenceFigures.EnteredBy",
    };

    /// <summary>Every column of the model that holds an account id: a foreign key to the account, or a string named …UserId or …By.</summary>
    public static IReadOnlyList<(string Table, string Column)> InModel(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = new List<(string, string)>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.ClrType != typeof(PortalUser)))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var keyed = entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(PortalUser)).SelectMany(fk => fk.Properties).ToHashSet();
            foreach (var property in entity.GetProperties())
            {
                var named = property.ClrType == typeof(string) && (property.Name.EndsWith("UserId", StringComparison.Ordinal) || property.Name.EndsWith("By", StringComparison.Ordinal));
                if (keyed.Contains(property) || named)
                    found.Add((table.Name, property.GetColumnName(table)!));
            }
        }

        return found;
    }
}

public abstract class ErasureTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task EveryColumnHoldingAPersonsIdIsClassified()
    {
        await using var db = database.CreateContext();

        var unclassified = PersonColumns.InModel(db).Select(c => $"{c.Table}.{c.Column}")
            .Where(c => !PersonColumns.ErasedWithThePerson.Contains(c) && !PersonColumns.KeptAsWhoActed.Contains(c)).ToList();

        Assert.True(unclassified.Count == 0, $"Say in PersonColumns (and in Erasure) what erasing a person does to: {string.Join(", ", unclassified)}");
        Assert.Empty(PersonColumns.ErasedWithThePerson.Concat(PersonColumns.KeptAsWhoActed)
            .Except(PersonColumns.InModel(db).Select(c => $"{c.Table}.{c.Column}")));
    }

    [Fact]
    public async Task ErasingAPersonLeavesNoRowOfTheirsAndNothingThatNamesThemAndTouchesNobodyElse()
    {
        Employer employer;
        Person erin, other;
        await using (var db = database.CreateContext())
        {
            employer = await EveryArea.EmployerAsync(db, Now);
            erin = await EveryArea.PersonAsync(db, employer, Now);
            other = await EveryArea.PersonAsync(db, employer, Now);
        }

        string before;
        await using (var db = database.CreateContext())
        {
            foreach (var (table, column) in PersonColumns.InModel(db).Where(c => PersonColumns.ErasedWithThePerson.Contains($"{c.Table}.{c.Column}")))
                Assert.True(await CountAsync(db, table, column, erin.Id) > 0, $"The test person has no row in {table}.{column}: seed one in EveryArea.");
            before = await RowsOfAsync(db, other);
        }

        await using (var db = database.CreateContext())
            Assert.True((await Erasure(db).EraseAsync(erin.Id)).IsDone);

        await using (var db = database.CreateContext())
        {
            var left = new List<string>();
            foreach (var (table, column) in PersonColumns.InModel(db).Where(c => PersonColumns.ErasedWithThePerson.Contains($"{c.Table}.{c.Column}")))
            {
                if (await CountAsync(db, table, column, erin.Id) > 0)
                    left.Add($"{table}.{column}");
            }

            Assert.True(left.Count == 0, $"Rows of the erased person are left in {string.Join(", ", left)}");
            Assert.Null(await db.Users.FindAsync(erin.Id));
            // Nothing anywhere still names them: not their address, their name, or the marker written into their text.
            foreach (var needle in new[] { erin.Email, erin.Name, erin.Marker })
                Assert.Equal([], await ColumnsContainingAsync(db, needle));
            // Their id survives only where someone else's record says they acted, and in the audit log.
            Assert.All(await ColumnsContainingAsync(db, erin.Id), c => Assert.True(
                PersonColumns.KeptAsWhoActed.Contains(c) || c == "AuditEvents.SubjectId", $"{c} still holds the erased person's id"));
            Assert.Equal(before, await RowsOfAsync(db, other));
        }
    }

    [Fact]
    public async Task TheEmployerKeepsTheirTrainingEvidenceUnderAPseudonymUntilTheScheduleSays()
    {
        Employer employer;
        Person erin;
        await using (var db = database.CreateContext())
        {
            employer = await EveryArea.EmployerAsync(db, Now);
            erin = await EveryArea.PersonAsync(db, employer, Now);
        }

        await using (var db = database.CreateContext())
            Assert.True((await Erasure(db).EraseAsync(erin.Id)).IsDone);

        await using (var db = database.CreateContext())
        {
            var kept = await db.Set<KeptEvidence>().AsNoTracking().Where(e => e.OrganisationId == employer.OrganisationId).ToListAsync();
            kept = [.. kept.OrderBy(e => (int)e.Kind)];
            Assert.Equal(
                [(KeptEvidenceKind.Completion, "safeguarding-adults"), (KeptEvidenceKind.CompetencySignOff, "blood-glucose")],
                kept.Select(e => (e.Kind, e.Topic)).ToList());
            Assert.Single(kept.Select(e => e.Pseudonym).Distinct());
            Assert.All(kept, e => Assert.Equal(RetentionSchedule.Default.KeepEvidenceUntil(Now), e.KeepUntilUtc));
            Assert.Equal(employer.ColleagueId, kept.Single(e => e.Kind == KeptEvidenceKind.CompetencySignOff).RecordedBy);
        }
    }

    [Fact]
    public async Task ErasingSomeoneWhoIsNotThereChangesNothing()
    {
        await using var db = database.CreateContext();
        var events = await db.AuditEvents.CountAsync();

        Assert.False((await Erasure(db).EraseAsync("no-such-person")).IsDone);
        Assert.Equal(events, await db.AuditEvents.CountAsync());
    }

    private Erasure Erasure(PortalDbContext db) =>
        new(db, new AuditLog(db, new NoAuditActor(), _time), new SessionService(db, _time, new NoSessionCache()), _time, Options.Create(new RetentionOptions()));

    private static async Task<int> CountAsync(PortalDbContext db, string table, string column, string value)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        // Table and column names come from the model, quoted by the provider; the value is a parameter.
        var query = $"SELECT COUNT(*) AS \"Value\" FROM {sql.DelimitIdentifier(table)} WHERE {sql.DelimitIdentifier(column)} = {{0}}";
        return await db.Database.SqlQueryRaw<int>(query, value).SingleAsync();
    }

    /// <summary>"Table.Column" of every string column, in every table, holding the text anywhere in it.</summary>
    private static async Task<List<string>> ColumnsContainingAsync(PortalDbContext db, string needle)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var found = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) || p.GetProviderClrType() == typeof(string)))
            {
                // A property kept inside a JSON column (a passkey's data) has no column of its own: its column is searched as a whole.
                if (property.GetColumnName(table) is not { } column)
                    continue;
                var query = $"SELECT COUNT(*) AS \"Value\" FROM {sql.DelimitIdentifier(table.Name)} WHERE LOWER({sql.DelimitIdentifier(column)}) LIKE {{0}}";
                var count = await db.Database.SqlQueryRaw<int>(query, $"%{needle.ToLowerInvariant()}%").SingleAsync();
                if (count > 0)
                    found.Add($"{table.Name}.{column}");
            }
        }

        return found;
    }

    /// <summary>How many rows the other person has in each table keyed to a person, to show erasing one leaves the other whole.</summary>
    private static async Task<string> RowsOfAsync(PortalDbContext db, Person person)
    {
        var lines = new List<string>();
        foreach (var (table, column) in PersonColumns.InModel(db).OrderBy(c => c.Table).ThenBy(c => c.Column))
            lines.Add($"{table}.{column}: {await CountAsync(db, table, column, person.Id)}");
        lines.Add($"mail: {await db.OutboxMessages.CountAsync(m => m.To == person.Email)}");
        return string.Join("\n", lines);
    }
}

public sealed class SqliteErasureTests(SqliteTestDatabase database) : ErasureTests<SqliteTestDatabase>(database);

public sealed class PostgresErasureTests(PostgresTestDatabase database) : ErasureTests<PostgresTestDatabase>(database);
