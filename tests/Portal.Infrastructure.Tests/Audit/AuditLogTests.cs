using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Audit;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Tests.Accounts;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Audit;

/// <summary>An admin's search of the audit log, and a person's "who opened my record".</summary>
public abstract class AuditLogTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private sealed class Actor(string? userId, string? ip) : IAuditActor
    {
        public string? UserId => userId;

        public string? IpAddress => ip;
    }

    [Fact]
    public async Task AnEventCarriesWhoFromWhereInWhichOrganisationAndWhen()
    {
        var organisation = Guid.NewGuid();
        await using (var db = database.CreateContext())
            await new AuditLog(db, new Actor("user-7", "203.0.113.7"), _time).WriteAsync(AuditAction.RecordOpened, AuditSubject.Account, "user-8", organisation, "training record");

        await using var check = database.CreateContext();
        var recorded = await check.AuditEvents.OrderBy(e => e.Id).LastAsync(e => e.SubjectId == "user-8");
        Assert.Equal(("user-7", "203.0.113.7", organisation, Now, "training record"), (recorded.ActorUserId, recorded.IpAddress, recorded.OrganisationId, recorded.OccurredUtc, recorded.Details));
    }

    /// <summary>
    /// A recruiter reloading a vacancy's applicants: each applicant gets one event an hour from that
    /// recruiter for that list, a newcomer to the list gets theirs at once, and another recruiter,
    /// another list, or an hour after a person's last event, is a new event.
    /// </summary>
    [Fact]
    public async Task RepeatedViewsOfTheSamePeopleByTheSameViewerAreRecordedOnceAnHour()
    {
        var organisation = Guid.NewGuid();
        var (ann, bo, cat) = ($"ann-{Guid.NewGuid():N}", $"bo-{Guid.NewGuid():N}", $"cat-{Guid.NewGuid():N}");
        var recruiter = $"recruiter-{Guid.NewGuid():N}";
        async Task ViewAsync(string viewer, string details, params string[] people)
        {
            await using var db = database.CreateContext();
            await new AuditLog(db, new Actor(viewer, "203.0.113.9"), _time).OpenedOnceAsync(AuditAction.ProfileOpened, people, organisation, details);
        }
        async Task<List<(string Viewer, string Person, string? Details, DateTime At)>> EventsAsync()
        {
            await using var db = database.CreateContext();
            return [.. (await db.AuditEvents.AsNoTracking().Where(e => e.OrganisationId == organisation).OrderBy(e => e.Id).ToListAsync())
                .Select(e => (e.ActorUserId!, e.SubjectId, e.Details, e.OccurredUtc))];
        }

        await ViewAsync(recruiter, "application for Care worker", ann, bo);
        _time.Advance(TimeSpan.FromMinutes(20));
        await ViewAsync(recruiter, "application for Care worker", ann, bo);
        await ViewAsync(recruiter, "application for Care worker", ann, bo, cat);
        var first = Now.AddMinutes(-20);
        Assert.Equal(
            [(recruiter, ann, "application for Care worker", first), (recruiter, bo, "application for Care worker", first), (recruiter, cat, "application for Care worker", Now)],
            await EventsAsync());

        await ViewAsync("another-recruiter", "application for Care worker", ann);
        await ViewAsync(recruiter, "application for Night carer", ann);
        Assert.Equal(5, (await EventsAsync()).Count);

        // An hour and a minute after the first view: Ann and Bo again; Cat was first seen 41 minutes ago.
        _time.Advance(TimeSpan.FromMinutes(41));
        await ViewAsync(recruiter, "application for Care worker", ann, bo, cat);
        var events = await EventsAsync();
        Assert.Equal(7, events.Count);
        Assert.Equal([ann, bo], events.Skip(5).Select(e => e.Person));
        Assert.All(events.Skip(5), e => Assert.Equal(Now, e.At));
    }

    [Fact]
    public async Task SearchFindsWhatAPersonDidAndWhatWasDoneToThemNewestFirst()
    {
        Employer employer;
        Person erin, other;
        await using (var db = database.CreateContext())
        {
            employer = await EveryArea.EmployerAsync(db, Now);
            erin = await EveryArea.PersonAsync(db, employer, Now.AddMinutes(-10));
            other = await EveryArea.PersonAsync(db, employer, Now.AddMinutes(-5));
        }

        await using var context = database.CreateContext();
        var found = (await new AuditLog(context, new Actor(null, null), _time).SearchAsync(new AuditLog.Query(Person: erin.Marker))).Value!;

        Assert.Equal([AuditAction.SignInSucceeded, AuditAction.RecordOpened], found.Lines.Select(l => l.Action).Order());
        var opened = found.Lines.Single(l => l.Action == AuditAction.RecordOpened);
        Assert.Equal((employer.ColleagueName, erin.Name, employer.OrganisationName, "198.51.100.4"), (opened.Actor, opened.SubjectName, opened.Organisation, opened.IpAddress));
        Assert.DoesNotContain(found.Lines, l => l.SubjectId == other.Id);
        var byKind = (await new AuditLog(context, new Actor(null, null), _time).SearchAsync(new AuditLog.Query(Person: employer.ColleagueEmail, Action: AuditAction.RecordOpened))).Value!;
        Assert.Equal([other.Id, erin.Id], byKind.Lines.Select(l => l.SubjectId));
    }

    [Fact]
    public async Task SearchPagesOlderEventsAndKeepsToTheDates()
    {
        var subject = Guid.NewGuid().ToString("N");
        await using (var db = database.CreateContext())
        {
            // A minute apart over three UK days, newest first in the answer.
            for (var i = 0; i < AuditLog.PageSize + 5; i++)
                db.AuditEvents.Add(AuditEvent.Record(AuditAction.AccessRefused, "prober", AuditSubject.Page, $"/{subject}/{i}", Now.AddDays(-2).AddMinutes(i)));
            db.AuditEvents.Add(AuditEvent.Record(AuditAction.AccessRefused, "prober", AuditSubject.Page, $"/{subject}/today", Now));
            await db.SaveChangesAsync();
        }

        await using var context = database.CreateContext();
        var log = new AuditLog(context, new Actor(null, null), _time);
        var from = DateOnly.FromDateTime(Now.AddDays(-2));
        var first = (await log.SearchAsync(new AuditLog.Query(Action: AuditAction.AccessRefused, From: from, To: from))).Value!;
        var second = (await log.SearchAsync(new AuditLog.Query(Action: AuditAction.AccessRefused, From: from, To: from, Before: first.Next))).Value!;

        Assert.Equal(AuditLog.PageSize, first.Lines.Count);
        Assert.Equal($"/{subject}/{AuditLog.PageSize + 4}", first.Lines[0].SubjectId);
        Assert.Equal(5, second.Lines.Count(l => l.SubjectId.StartsWith($"/{subject}/", StringComparison.Ordinal)));
        Assert.Null(second.Next);
        Assert.DoesNotContain(first.Lines.Concat(second.Lines), l => l.SubjectId.EndsWith("/today", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADateRangeBackToFrontIsRefused()
    {
        await using var context = database.CreateContext();

        var result = await new AuditLog(context, new Actor(null, null), _time).SearchAsync(new AuditLog.Query(From: new DateOnly(2026, 12, 5), To: new DateOnly(2026, 12, 1)));

        Assert.Equal("To", result.Problem?.Field);
    }

    [Fact]
    public async Task APersonSeesWhoInWhichOrganisationOpenedTheirRecordAndNothingElse()
    {
        Employer employer;
        Person erin;
        await using (var db = database.CreateContext())
        {
            employer = await EveryArea.EmployerAsync(db, Now);
            erin = await EveryArea.PersonAsync(db, employer, Now);
        }

        await using var context = database.CreateContext();
        var opened = await new AuditLog(context, new Actor(null, null), _time).WhoOpenedAsync(erin.Id);

        var line = Assert.Single(opened);
        Assert.Equal((AuditAction.RecordOpened, employer.ColleagueName, employer.OrganisationName), (line.Action, line.By, line.Organisation));
    }
}

public sealed class SqliteAuditLogTests(SqliteTestDatabase database) : AuditLogTests<SqliteTestDatabase>(database);

public sealed class PostgresAuditLogTests(PostgresTestDatabase database) : AuditLogTests<PostgresTestDatabase>(database);
