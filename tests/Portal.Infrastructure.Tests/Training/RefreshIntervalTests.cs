using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;
using Portal.Infrastructure.Tests.Talent;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Tests.Training;

/// <summary>
/// One completion, one answer: the record, the reminder email, matching and the route plan all
/// judge it by the same refresh interval, the employer's where it is shorter than the module's.
/// </summary>
public abstract class RefreshIntervalTests<TDatabase>(TDatabase database) : TalentTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    // Lone working is redone every three years by default; this employer wants it yearly. Done on
    // 1 October 2025, it ran out there on 1 October 2026, before "today" (26 November 2026).
    private const string Module = "lone-working";
    private static readonly DateTime Done = new(2025, 10, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime RanOutWhereTheyWork = new(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);

    private async Task CompletedAsync(string userId, string module, DateTime at)
    {
        await using var scope = Services();
        var db = scope.Get<PortalDbContext>();
        var progress = ModuleProgress.Start(userId, module, "v1", at.AddMinutes(-10));
        progress.MarkPassed(at);
        db.Add(progress);
        db.Add(Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), Guid.NewGuid().ToString("N")[..24], at));
        await db.SaveChangesAsync();
    }

    /// <summary>The person joins the staff of a new employer that redoes the module yearly.</summary>
    private async Task JoinYearlyEmployerAsync(string userId)
    {
        var (organisation, recruiter) = await NewOrganisationWithRecruiterAsync($"Yearly Care {Guid.NewGuid():N}");
        await using var scope = Services();
        var db = scope.Get<PortalDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        db.Add(Membership.Start(organisation, userId, MembershipRole.Staff, now, "care-worker"));
        db.Add(RefreshOverride.Create(organisation, Module, 12, recruiter, now));
        await db.SaveChangesAsync();
    }

    private async Task<RecordEntry> RecordAsync(string userId)
    {
        await using var scope = Services();
        var training = new TrainingService(scope.Get<PortalDbContext>(), scope.Get<Rematch>(), Time);
        return Assert.Single(await training.GetRecordAsync(userId, Content.Current), e => e.ModuleSlug == Module);
    }

    private async Task<Portal.Domain.Pathways.LearnerHoldings> HoldingsAsync(string userId)
    {
        await using var scope = Services();
        return await new TrainingService(scope.Get<PortalDbContext>(), scope.Get<Rematch>(), Time).HoldingsAsync(userId, Content.Current);
    }

    private async Task<string> ReminderAsync(string userId)
    {
        await using (var scope = Services())
        {
            var job = new ReminderJob(scope.Get<PortalDbContext>(), Content, scope.Get<Outbox>(),
                new MailTemplates(Options.Create(new MailOptions { SiteUrl = "https://portal.example" })), Time, NullLogger<ReminderJob>.Instance);
            await job.RunAsync(CancellationToken.None);
        }
        await using (var scope = Services())
        {
            var db = scope.Get<PortalDbContext>();
            var email = (await db.Users.SingleAsync(u => u.Id == userId)).Email;
            return Assert.Single(await db.OutboxMessages.Where(m => m.To == email).Select(m => m.TextBody).ToListAsync());
        }
    }

    [Fact]
    public async Task TheRecordShowsTheSameStatusAsTheReminderWhenTheEmployerRedoesAModuleSooner()
    {
        var person = await NewUserAsync();
        await CompletedAsync(person, Module, Done);
        await JoinYearlyEmployerAsync(person);

        var reminder = await ReminderAsync(person);
        var entry = await RecordAsync(person);

        Assert.Contains("Lone working ran out on 1 October 2026", reminder, StringComparison.Ordinal);
        Assert.Equal(TrainingStatus.Expired, entry.Status);
        Assert.Equal(RanOutWhereTheyWork, entry.ExpiresAtUtc);

        // Read with what the employer requires (their home and record pages), from the rules that read gives.
        await using var scope = Services();
        var (record, _) = await scope.Get<ComplianceService>().MineAsync(person, Content.Current);
        var withRequirements = Assert.Single(record, e => e.ModuleSlug == Module);
        Assert.Equal(TrainingStatus.Expired, withRequirements.Status);
        Assert.Equal(RanOutWhereTheyWork, withRequirements.ExpiresAtUtc);
    }

    [Fact]
    public async Task AModuleTheEmployerWantsRedoneSoonerIsNotHeldForMatchingOrOnTheRoutePlan()
    {
        var (organisation, recruiter) = await NewOrganisationWithRecruiterAsync("Seacroft Care");
        var vacancy = await PublishedAsync(organisation, recruiter, Details("Care worker, Seacroft", district: "LS14") with { RequiredModules = [Module] });
        var person = await NewUserAsync();
        await using (var scope = Services())
        {
            await scope.Get<ProfileService>().SaveAsync(person, new CandidateDetails
            {
                Location = Postcodes.Locate("LS14").Location, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, LetEmployersFindMe = true,
            });
        }
        await CompletedAsync(person, Module, Done);

        async Task<IReadOnlyList<string>> ReasonsAsync()
        {
            await using var scope = Services();
            await scope.Get<MatchRunner>().RunAllAsync(CancellationToken.None);
            return Assert.Single(await scope.Get<MatchService>().RolesForAsync(person), r => r.VacancyId == vacancy).Reasons;
        }

        // On the module's own three years it is held, by matching and on the route plan alike.
        Assert.Contains("you hold all 1 required modules", await ReasonsAsync());
        Assert.Contains(Module, (await HoldingsAsync(person)).CompletedModules);

        await JoinYearlyEmployerAsync(person);

        Assert.Contains("you hold 0 of 1 required modules", await ReasonsAsync());
        Assert.DoesNotContain(Module, (await HoldingsAsync(person)).CompletedModules);
    }
}

public sealed class SqliteRefreshIntervalTests(SqliteTestDatabase database) : RefreshIntervalTests<SqliteTestDatabase>(database);

public sealed class PostgresRefreshIntervalTests(PostgresTestDatabase database) : RefreshIntervalTests<PostgresTestDatabase>(database);
