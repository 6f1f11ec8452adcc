using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Tests.Accounts;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Navigation;

/// <summary>The retention rule for talent hub records: withdrawn consent goes at the next run, a closed case after its months, an open one never.</summary>
public abstract class NavigationRetentionTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 3, 45, 0, TimeSpan.Zero));

    private readonly RetentionOptions _options = new() { WithdrawnCaseDays = 0, ClosedCaseMonths = 24 };

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static async Task<Guid> CaseAsync(PortalDbContext db, Employer employer, string userId, DateTime opened, Action<NavigationCase>? then = null, DateTime? at = null)
    {
        var hubCase = NavigationCase.Start(employer.OrganisationId, userId, true, "Help into care work", ContactPreference.Email, null, null, opened);
        hubCase.Take(employer.ColleagueId, opened);
        then?.Invoke(hubCase);
        db.Add(hubCase);
        db.AddRange(
            PlanStep.Create(hubCase.Id, PlanStepKind.Cv, "Write a CV", StepOwner.Person, null, null, opened),
            ContactNote.Write(hubCase.Id, DateOnly.FromDateTime(opened), ContactMethod.Phone, "First call", employer.ColleagueId, DateOnly.FromDateTime(at ?? opened), opened));
        await db.SaveChangesAsync();
        return hubCase.Id;
    }

    [Fact]
    public async Task AWithdrawnCaseGoesAtTheNextRunWithItsPlanAndNotesAndAnOpenOrRecentlyClosedOneStays()
    {
        Guid withdrawn, open, closedLately, closedLongAgo;
        string withdrawnPerson;
        await using (var db = database.CreateContext())
        {
            var employer = await EveryArea.EmployerAsync(db, Now);
            var a = await EveryArea.PersonAsync(db, employer, Now);
            var b = await EveryArea.PersonAsync(db, employer, Now);
            var c = await EveryArea.PersonAsync(db, employer, Now);
            withdrawnPerson = a.Id;
            // EveryArea gives each person an open case of their own; these are more.
            withdrawn = await CaseAsync(db, employer, a.Id, Now.AddDays(-10), hubCase => hubCase.WithdrawConsent(Now.AddMinutes(-5)));
            await db.Set<NavigationCase>().Where(x => x.UserId == a.Id && x.Id != withdrawn).ExecuteDeleteAsync();
            // One open case per person: b's is this older one.
            await db.Set<NavigationCase>().Where(x => x.UserId == b.Id).ExecuteDeleteAsync();
            open = await CaseAsync(db, employer, b.Id, Now.AddYears(-3));
            closedLately = await CaseAsync(db, employer, c.Id, Now.AddYears(-3), hubCase => hubCase.Close(Now.AddMonths(-23)));
            closedLongAgo = await CaseAsync(db, employer, c.Id, Now.AddYears(-3), hubCase => hubCase.Close(Now.AddMonths(-25)));
        }

        var summary = await RunAsync();

        await using var check = database.CreateContext();
        Assert.Equal(2, summary.NavigationCases);
        Assert.False(await check.Set<NavigationCase>().AnyAsync(x => x.Id == withdrawn || x.Id == closedLongAgo));
        Assert.False(await check.Set<PlanStep>().AnyAsync(s => s.CaseId == withdrawn || s.CaseId == closedLongAgo));
        Assert.False(await check.Set<ContactNote>().AnyAsync(n => n.CaseId == withdrawn || n.CaseId == closedLongAgo));
        // What they shared goes once they have no case left.
        Assert.False(await check.Set<Circumstances>().AnyAsync(x => x.UserId == withdrawnPerson));
        Assert.True(await check.Set<NavigationCase>().AnyAsync(x => x.Id == open));
        Assert.True(await check.Set<PlanStep>().AnyAsync(s => s.CaseId == closedLately));
        Assert.Equal(0, (await RunAsync()).NavigationCases);
    }

    private async Task<RetentionSummary> RunAsync()
    {
        await using var db = database.CreateContext();
        var erasure = new Erasure(db, new AuditLog(db, new NoAuditActor(), _time), new SessionService(db, _time, new NoSessionCache()), _time, Options.Create(_options));
        return await new RetentionJob(db, erasure, Options.Create(_options), _time, NullLogger<RetentionJob>.Instance).RunAsync(CancellationToken.None);
    }
}

public sealed class SqliteNavigationRetentionTests(SqliteTestDatabase database) : NavigationRetentionTests<SqliteTestDatabase>(database);

public sealed class PostgresNavigationRetentionTests(PostgresTestDatabase database) : NavigationRetentionTests<PostgresTestDatabase>(database);
