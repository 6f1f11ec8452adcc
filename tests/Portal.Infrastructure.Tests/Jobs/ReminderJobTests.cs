using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Jobs;

/// <summary>Training reminders with a fake clock: each fires once at its time, as one email, outside quiet hours.</summary>
public abstract class ReminderJobTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    // 10:00 in London: not quiet.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly ContentStore _content = ShippedContent.Store;

    private async Task<(string Id, string Email)> PersonAsync(string name = "Amina Yusuf")
    {
        var id = Guid.NewGuid().ToString();
        var email = $"{id}@example.com";
        await using var db = database.CreateContext();
        db.Users.Add(new PortalUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name });
        await db.SaveChangesAsync();
        return (id, email);
    }

    private async Task CompletedAsync(string userId, string module, DateTime at)
    {
        await using var db = database.CreateContext();
        var progress = ModuleProgress.Start(userId, module, "v1", at.AddMinutes(-10));
        progress.MarkPassed(at);
        db.Add(progress);
        db.Add(Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), Guid.NewGuid().ToString("N")[..24], at));
        await db.SaveChangesAsync();
    }

    private async Task StartedAsync(string userId, string module, DateTime at)
    {
        await using var db = database.CreateContext();
        db.Add(ModuleProgress.Start(userId, module, "v1", at));
        await db.SaveChangesAsync();
    }

    private async Task<ReminderRunSummary> RunAsync(Action<ReminderJob>? configure = null)
    {
        await using var db = database.CreateContext();
        var outbox = new Outbox(db, _time, new BackgroundJobClient(new InMemoryStorage()), NullLogger<Outbox>.Instance);
        var job = new ReminderJob(db, _content, outbox, new MailTemplates(Options.Create(new MailOptions { SiteUrl = "https://portal.example" })), _time, NullLogger<ReminderJob>.Instance);
        configure?.Invoke(job);
        return await job.RunAsync(CancellationToken.None);
    }

    private async Task<List<string>> MailAsync(string email)
    {
        await using var db = database.CreateContext();
        return await db.OutboxMessages.Where(m => m.To == email).OrderBy(m => m.Id).Select(m => m.TextBody).ToListAsync();
    }

    [Fact]
    public async Task EachReminderFiresOnceAtItsTimeAsOneEmailOutsideQuietHours()
    {
        var (person, email) = await PersonAsync();
        // Safeguarding adults is refreshed every 12 months: this completion runs out on 10 December 2026.
        await CompletedAsync(person, "safeguarding-adults", new DateTime(2025, 12, 10, 9, 0, 0, DateTimeKind.Utc));
        await StartedAsync(person, "communication", new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc));

        await RunAsync();
        await RunAsync();
        var first = Assert.Single(await MailAsync(email));
        Assert.Contains("Safeguarding adults runs out on 10 December 2026. There is time", first, StringComparison.Ordinal);
        Assert.Contains("You started Communication", first, StringComparison.Ordinal);
        Assert.Contains("https://portal.example/learn/safeguarding-adults", first, StringComparison.Ordinal);

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        await RunAsync();
        await RunAsync();
        var mail = await MailAsync(email);
        Assert.Equal(2, mail.Count);
        Assert.Contains("runs out on 10 December 2026, within a week", mail[1], StringComparison.Ordinal);
        Assert.DoesNotContain("You started", mail[1], StringComparison.Ordinal);

        // Expired at 09:00 on the 10th, but 22:00 is quiet: nothing until the morning.
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 22, 0, 0, TimeSpan.Zero));
        await RunAsync();
        Assert.Equal(2, (await MailAsync(email)).Count);
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 11, 7, 15, 0, TimeSpan.Zero));
        await RunAsync();
        await RunAsync();
        mail = await MailAsync(email);
        Assert.Equal(3, mail.Count);
        Assert.Contains("Safeguarding adults ran out on 10 December 2026", mail[2], StringComparison.Ordinal);

        await using var db = database.CreateContext();
        var sentReminders = await db.Set<SentReminder>().Where(r => r.UserId == person).ToListAsync();
        Assert.Equal(
            ["communication Stalled", "safeguarding-adults Expired", "safeguarding-adults ExpiresWithin30Days", "safeguarding-adults ExpiresWithin7Days"],
            sentReminders.Select(r => $"{r.ModuleSlug} {r.Kind}").Order(StringComparer.Ordinal));
    }

    private async Task<Guid> OrganisationAsync(string name, string managerId)
    {
        await using var db = database.CreateContext();
        var organisation = Portal.Domain.Organisations.Organisation.Create(name, Portal.Domain.Organisations.OrganisationType.CareProvider, null, "LS6 1AA", _time.GetUtcNow().UtcDateTime);
        db.Add(organisation);
        db.Add(Portal.Domain.Organisations.Membership.Start(organisation.Id, managerId, Portal.Domain.Organisations.MembershipRole.Manager, _time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    private async Task StaffAsync(Guid organisation, string userId, string jobRole, DateTime since)
    {
        await using var db = database.CreateContext();
        db.Add(Portal.Domain.Organisations.Membership.Start(organisation, userId, Portal.Domain.Organisations.MembershipRole.Staff, since, jobRole));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task RequiredTrainingTwoWeeksOverdueRemindsThePersonAndTellsEachOfTheirManagersOnce()
    {
        var (person, email) = await PersonAsync();
        var (managerA, managerAEmail) = await PersonAsync();
        var (managerB, managerBEmail) = await PersonAsync();
        var home = await OrganisationAsync($"Aire Homecare {Guid.NewGuid():N}", managerA);
        var centre = await OrganisationAsync($"Beck Day Centre {Guid.NewGuid():N}", managerB);
        var joined = new DateTime(2026, 11, 15, 9, 0, 0, DateTimeKind.Utc);
        await StaffAsync(home, person, "care-worker", joined);
        await StaffAsync(centre, person, "activities-coordinator", joined);
        // Everything the care worker job requires, except safeguarding, which both jobs require.
        var content = _content.Current;
        foreach (var module in content.Roles["care-worker"].RequiredTraining.Where(m => m != "safeguarding-adults"))
            await CompletedAsync(person, module, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));

        // 11 days after they joined: not yet overdue by two weeks.
        await RunAsync();
        Assert.Empty(await MailAsync(managerAEmail));
        Assert.DoesNotContain(await MailAsync(email), m => m.Contains("required for your job", StringComparison.Ordinal));

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        await RunAsync();
        await RunAsync();
        var reminder = Assert.Single(await MailAsync(email), m => m.Contains("required for your job", StringComparison.Ordinal));
        Assert.Contains("Safeguarding adults is required for your job and has been due since 15 November 2026", reminder, StringComparison.Ordinal);
        Assert.DoesNotContain("Duty of care", reminder, StringComparison.Ordinal);
        var toA = Assert.Single(await MailAsync(managerAEmail));
        Assert.Contains("Amina Yusuf, on your staff at Aire Homecare", toA, StringComparison.Ordinal);
        Assert.Contains("- Safeguarding adults, due 15 November 2026", toA, StringComparison.Ordinal);
        var toB = Assert.Single(await MailAsync(managerBEmail));
        Assert.Contains("at Beck Day Centre", toB, StringComparison.Ordinal);

        // Done now: nothing more, for anyone.
        await CompletedAsync(person, "safeguarding-adults", new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc));
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.Zero));
        await RunAsync();
        Assert.Single(await MailAsync(managerAEmail));
        Assert.Single(await MailAsync(email), m => m.Contains("required for your job", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrainingAnEmployerRecognisedFromAPassportIsNotOverdueThereButStillIsWhereItWasNot()
    {
        var (person, email) = await PersonAsync();
        var (managerA, managerAEmail) = await PersonAsync();
        var (managerB, managerBEmail) = await PersonAsync();
        var home = await OrganisationAsync($"Aire Homecare {Guid.NewGuid():N}", managerA);
        var centre = await OrganisationAsync($"Beck Day Centre {Guid.NewGuid():N}", managerB);
        var joined = new DateTime(2026, 11, 15, 9, 0, 0, DateTimeKind.Utc);
        await StaffAsync(home, person, "care-worker", joined);
        await StaffAsync(centre, person, "activities-coordinator", joined);
        foreach (var module in _content.Current.Roles["care-worker"].RequiredTraining.Where(m => m != "safeguarding-adults"))
            await CompletedAsync(person, module, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));
        // Her new manager at the home recognised the safeguarding she did with her last employer; the day centre did not.
        await using (var db = database.CreateContext())
        {
            db.Add(Portal.Domain.Passport.Recognition.Record(home, person, "urn:uuid:" + Guid.NewGuid(), "https://calder.example", "Calder Valley Care Academy",
                "https://calder.example/achievements/safeguarding", "Safeguarding adults", "safeguarding-adults",
                new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2027, 6, 1, 9, 0, 0, DateTimeKind.Utc), null, null, managerA, joined));
            await db.SaveChangesAsync();
        }

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        await RunAsync();

        Assert.Empty(await MailAsync(managerAEmail));
        Assert.Contains("- Safeguarding adults, due 15 November 2026", Assert.Single(await MailAsync(managerBEmail)), StringComparison.Ordinal);
        Assert.Single(await MailAsync(email), m => m.Contains("Safeguarding adults is required for your job", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOrganisationsOwnRefreshIntervalDecidesWhoseManagerHears()
    {
        var (person, _) = await PersonAsync();
        var (managerA, managerAEmail) = await PersonAsync();
        var (managerB, managerBEmail) = await PersonAsync();
        var yearly = await OrganisationAsync($"Yearly Care {Guid.NewGuid():N}", managerA);
        var standard = await OrganisationAsync($"Standard Care {Guid.NewGuid():N}", managerB);
        var joined = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        await StaffAsync(yearly, person, "care-worker", joined);
        await StaffAsync(standard, person, "care-worker", joined);
        foreach (var module in _content.Current.Roles["care-worker"].RequiredTraining.Where(m => m != "infection-prevention-and-control"))
            await CompletedAsync(person, module, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));
        // Infection prevention done in October 2025: in date on its three-year default, out of date
        // since October 2026 where it is redone yearly.
        await CompletedAsync(person, "infection-prevention-and-control", new DateTime(2025, 10, 1, 9, 0, 0, DateTimeKind.Utc));
        await using (var db = database.CreateContext())
        {
            db.Add(Portal.Domain.Compliance.RefreshOverride.Create(yearly, "infection-prevention-and-control", 12, managerA, _time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        await RunAsync();
        var toA = Assert.Single(await MailAsync(managerAEmail));
        Assert.Contains("- Infection prevention and control, due 1 October 2026", toA, StringComparison.Ordinal);
        Assert.Empty(await MailAsync(managerBEmail));
    }

    [Fact]
    public async Task AManagerGetsOneEmailListingEveryoneOverdueNotOneEach()
    {
        var (manager, managerEmail) = await PersonAsync("Mo Manager");
        var home = await OrganisationAsync($"Chapel Care {Guid.NewGuid():N}", manager);
        var joined = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var names = new[] { "Ada Ahmed", "Ben Brown", "Cy Clarke" };
        foreach (var name in names)
        {
            var (person, _) = await PersonAsync(name);
            await StaffAsync(home, person, "care-worker", joined);
            foreach (var module in _content.Current.Roles["care-worker"].RequiredTraining.Where(m => m != "safeguarding-adults"))
                await CompletedAsync(person, module, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));
        }

        await RunAsync();
        await RunAsync();
        var toManager = Assert.Single(await MailAsync(managerEmail));
        Assert.Contains("3 people on your staff at Chapel Care", toManager, StringComparison.Ordinal);
        Assert.Contains("have required training more than two weeks overdue", toManager, StringComparison.Ordinal);
        foreach (var name in names)
            Assert.Contains($"- {name}: Safeguarding adults, due 1 November 2026", toManager, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEarlyWarningFollowsTheEmployersShorterInterval()
    {
        var (person, email) = await PersonAsync();
        var (manager, _) = await PersonAsync("Mo Manager");
        var yearly = await OrganisationAsync($"Yearly Homecare {Guid.NewGuid():N}", manager);
        await StaffAsync(yearly, person, "care-worker", new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc));
        foreach (var module in _content.Current.Roles["care-worker"].RequiredTraining)
            await CompletedAsync(person, module, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));
        // Done in mid-December 2025: three years on the module's default, but a year where they work.
        await CompletedAsync(person, "fire-safety", new DateTime(2025, 12, 10, 9, 0, 0, DateTimeKind.Utc));
        await CompletedAsync(person, "lone-working", new DateTime(2025, 12, 10, 9, 0, 0, DateTimeKind.Utc));
        await using (var db = database.CreateContext())
        {
            db.Add(Portal.Domain.Compliance.RefreshOverride.Create(yearly, "lone-working", 12, manager, _time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        await RunAsync();
        var reminder = Assert.Single(await MailAsync(email));
        Assert.Contains("Lone working runs out on 10 December 2026", reminder, StringComparison.Ordinal);
        // Fire safety is yearly by default anyway; the employer's rule changes only lone working.
        Assert.Contains("Fire safety runs out on 10 December 2026", reminder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKindSwitchedOffIsNotSent()
    {
        var (person, email) = await PersonAsync();
        await StartedAsync(person, "communication", new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc));
        await using (var db = database.CreateContext())
        {
            var preferences = ReminderPreferences.Default(person);
            preferences.Change(expiring: true, expired: true, stalled: false, ReminderPreferences.DefaultQuietFrom, ReminderPreferences.DefaultQuietUntil, _time.GetUtcNow().UtcDateTime);
            db.Add(preferences);
            await db.SaveChangesAsync();
        }

        await RunAsync();

        Assert.Empty(await MailAsync(email));
    }

    [Fact]
    public async Task ABatchOfAccountsWithNoTrainingIsPassedOverAndThePeopleAfterItAreStillReminded()
    {
        // Ids that sort before everyone else's here: two accounts with no training (one unconfirmed
        // with a module under way), then one with a module under way.
        async Task<(string Id, string Email)> AccountAsync(string prefix, bool confirmed)
        {
            var id = $"0000-{prefix}-{Guid.NewGuid()}";
            var email = $"{id}@example.com";
            await using var db = database.CreateContext();
            db.Users.Add(new PortalUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = confirmed, DisplayName = "Kofi Mensah" });
            await db.SaveChangesAsync();
            return (id, email);
        }
        var untrained = await AccountAsync("a", confirmed: true);
        var unconfirmed = await AccountAsync("b", confirmed: false);
        await StartedAsync(unconfirmed.Id, "communication", new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc));
        var learner = await AccountAsync("c", confirmed: true);
        await StartedAsync(learner.Id, "communication", new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc));

        await RunAsync(job => job.BatchSize = 2);

        Assert.Contains("You started Communication", Assert.Single(await MailAsync(learner.Email)), StringComparison.Ordinal);
        Assert.Empty(await MailAsync(untrained.Email));
        Assert.Empty(await MailAsync(unconfirmed.Email));
    }

    [Fact]
    public async Task AKilledRunAndRunsAtOnceSendEachReminderOnce()
    {
        var people = new List<(string Id, string Email)>();
        for (var i = 0; i < 3; i++)
        {
            var person = await PersonAsync();
            await StartedAsync(person.Id, "communication", new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc));
            people.Add(person);
        }
        async Task<int> SentAsync()
        {
            var count = 0;
            foreach (var (_, email) in people)
                count += (await MailAsync(email)).Count;
            return count;
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(job =>
        {
            job.BatchSize = 1;
            job.AfterBatch = async _ =>
            {
                if (await SentAsync() > 0)
                    throw new InvalidOperationException("killed");
            };
        }));
        Assert.Equal(1, await SentAsync());

        await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());
        foreach (var (_, email) in people)
            Assert.Single(await MailAsync(email));
    }

    /// <summary>
    /// Blanks a confirmed account's address, as a bad import or a hand edit can leave it: nothing
    /// can be addressed to them, so building their email fails. Undo puts it back.
    /// </summary>
    private async Task<Func<Task>> BlankEmailAsync(string userId)
    {
        await using var db = database.CreateContext();
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, ""));
        return async () =>
        {
            await using var again = database.CreateContext();
            await again.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, email));
        };
    }

    [Fact]
    public async Task OnePersonWhoseEmailCannotBeBuiltDoesNotStopTheOthersAndIsRemindedOnTheNextRun()
    {
        var people = new List<(string Id, string Email)>();
        for (var i = 0; i < 3; i++)
        {
            var person = await PersonAsync();
            await StartedAsync(person.Id, "communication", new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc));
            people.Add(person);
        }
        // The middle one of the three in the order the run reads people, all in one batch.
        people = [.. people.OrderBy(p => p.Id, StringComparer.Ordinal)];
        var restore = await BlankEmailAsync(people[1].Id);
        try
        {
            Assert.Equal(1, (await RunAsync()).Failed);

            Assert.Single(await MailAsync(people[0].Email));
            Assert.Single(await MailAsync(people[2].Email));
            await using (var db = database.CreateContext())
                Assert.False(await db.Set<SentReminder>().AnyAsync(r => r.UserId == people[1].Id));
        }
        finally
        {
            await restore();
        }

        // Put right, they are reminded at the next run, and nobody else again.
        Assert.Equal(new ReminderRunSummary(1, 0, 0), await RunAsync());
        foreach (var (_, email) in people)
            Assert.Single(await MailAsync(email));
    }

    [Fact]
    public async Task OneOrganisationWhoseManagerCannotBeEmailedDoesNotStopTheOthersAndItsManagerHearsOnTheNextRun()
    {
        var (person, email) = await PersonAsync();
        var (managerA, managerAEmail) = await PersonAsync("Ann Manager");
        var (managerB, managerBEmail) = await PersonAsync("Bo Manager");
        var home = await OrganisationAsync($"Aire Homecare {Guid.NewGuid():N}", managerA);
        var centre = await OrganisationAsync($"Beck Day Centre {Guid.NewGuid():N}", managerB);
        var joined = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        await StaffAsync(home, person, "care-worker", joined);
        await StaffAsync(centre, person, "care-worker", joined);
        var restore = await BlankEmailAsync(managerA);
        try
        {
            Assert.Equal(new ReminderRunSummary(1, 1, 1), await RunAsync());

            Assert.Single(await MailAsync(email), m => m.Contains("required for your job", StringComparison.Ordinal));
            Assert.Single(await MailAsync(managerBEmail));
            Assert.Empty(await MailAsync(managerAEmail));
        }
        finally
        {
            await restore();
        }

        Assert.Equal(new ReminderRunSummary(0, 1, 0), await RunAsync());
        var toA = Assert.Single(await MailAsync(managerAEmail));
        Assert.Contains("Amina Yusuf", toA, StringComparison.Ordinal);
        Assert.Single(await MailAsync(managerBEmail));
        Assert.Single(await MailAsync(email), m => m.Contains("required for your job", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOrganisationWithAThousandOverdueStaffGetsEveryReminderQueuedAndItsManagerOneShortSummary()
    {
        var (manager, managerEmail) = await PersonAsync("Mo Manager");
        var name = $"Big Care {Guid.NewGuid():N}";
        var organisation = await OrganisationAsync(name, manager);
        var staff = new List<string>();
        await using (var db = database.CreateContext())
        {
            for (var i = 0; i < 1_000; i++)
            {
                var id = Guid.NewGuid().ToString();
                var address = $"{id}@example.com";
                db.Users.Add(new PortalUser { Id = id, UserName = address, NormalizedUserName = address.ToUpperInvariant(), Email = address, NormalizedEmail = address.ToUpperInvariant(), EmailConfirmed = true, DisplayName = $"Staff {i:0000}" });
                // None of their required training done, since they joined weeks ago.
                db.Add(Portal.Domain.Organisations.Membership.Start(organisation, id, Portal.Domain.Organisations.MembershipRole.Staff, new DateTime(2026, 10, 1 + (i % 20), 9, 0, 0, DateTimeKind.Utc), "care-worker"));
                staff.Add(address);
            }
            await db.SaveChangesAsync();
        }

        try
        {
            Assert.Equal(new ReminderRunSummary(1_000, 1, 0), await RunAsync());

            await using (var db = database.CreateContext())
            {
                var reminded = await db.OutboxMessages.Where(m => staff.Contains(m.To)).Select(m => m.To).ToListAsync();
                Assert.Equal(staff.Order(StringComparer.Ordinal), reminded.Order(StringComparer.Ordinal));
            }
            var summary = Assert.Single(await MailAsync(managerEmail));
            Assert.InRange(summary.Length, 200, 5_000);
            Assert.Contains($"1,000 people on your staff at {name} have required training more than two weeks overdue", summary, StringComparison.Ordinal);
            // The worst first: those who joined earliest, on 1 October.
            Assert.Contains("Staff 0000", summary, StringComparison.Ordinal);
            Assert.Contains($"https://portal.example/manage/matrix?org={organisation}&status=Missing", summary, StringComparison.Ordinal);
        }
        finally
        {
            // The class shares one database: the other tests' runs need not wade through them.
            await using var db = database.CreateContext();
            await db.Set<Portal.Domain.Organisations.Membership>().Where(m => m.OrganisationId == organisation).ExecuteDeleteAsync();
        }
    }
}

public sealed class SqliteReminderJobTests(SqliteTestDatabase database) : ReminderJobTests<SqliteTestDatabase>(database);

public sealed class PostgresReminderJobTests(PostgresTestDatabase database) : ReminderJobTests<PostgresTestDatabase>(database);
