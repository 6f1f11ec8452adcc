using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>
/// Every column of every row matching stores, for a generated town, pinned to what the runner
/// stored before it was split into load, score and write steps: a rework of how matching runs
/// must not move a single score, flag, cutoff or packed bit. A database of its own, so the town is
/// all there is; enough people for the scoring to share them among workers and the writes to take
/// several batches. The town uses named modules, roles and programmes, and packed bit sets are
/// written out as slugs, so adding content elsewhere does not move the pin; changing the matching
/// rules (or these slugs' routes and intervals) does, on purpose: the failure shows the new value.
/// </summary>
public abstract class MatchRunRowsTests<TDatabase>(TDatabase database) : TalentTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    // The town was generated (and its rows pinned) before the legal pay floor: its pay is random
    // from 11.50, so a floor of a penny keeps every vacancy, and the pins, as they were.
    private static readonly MinimumWage AnyPay = new([new MinimumWageRates(new DateOnly(2000, 1, 1), 0.01m, 0.01m, 0.01m, 0.01m)]);

    private const int People = 700;
    private const int Vacancies = 48;
    private static readonly string[] Districts = ["LS1", "LS2", "LS6", "LS7", "LS8", "LS9", "LS11", "LS12", "LS13", "LS15", "LS17", "LS18", "LS22", "LS25", "LS27", "LS29"];
    private static readonly string[] Roles = ["activities-coordinator", "care-worker", "enhanced-care-worker", "healthcare-support-worker", "reablement-worker", "senior-care-worker"];
    private static readonly string[] Programmes = ["adult-care-worker-apprenticeship", "care-certificate"];
    private static readonly string[] Modules =
    [
        "basic-life-support-awareness", "blood-glucose-monitoring", "catheter-care", "communication", "dementia-awareness", "duty-of-care",
        "falls-prevention", "fire-safety", "food-hygiene", "infection-prevention-and-control", "lone-working", "safeguarding-adults",
    ];

    // Recorded from the runner before the split (commit 466e90f); see the summary.
    private const string FullRunRows = "9949 matches, 630 people, 48 cutoffs fa33714cccff7f4e41e9b42f0eebc085c5b6646a48895d83173eae992bee7bca";
    private const string RematchRows = "10080 matches, 630 people, 48 cutoffs df7e4be2b22235b86bec6016cf515bc3649b114eac31bbd89d508caff65d977c";

    [Fact]
    public async Task AFullRunAndRematchesStoreExactlyTheRowsTheyStoredBeforeTheSplit()
    {
        var (changedPerson, newVacancy, closedVacancy) = await TownAsync();

        await using (var scope = Services())
        {
            var runner = scope.Get<MatchRunner>();
            runner.BatchSize = 150;
            var summary = await runner.RunAllAsync(CancellationToken.None);
            Assert.Equal((People - (People / 10), Vacancies), (summary.People, summary.Vacancies));
        }
        var (fullCounts, fullHash) = await StoredAsync();

        await using (var scope = Services())
        {
            var db = scope.Get<PortalDbContext>();
            var profile = await db.Set<CandidateProfile>().SingleAsync(p => p.UserId == changedPerson);
            profile.Update(new CandidateDetails
            {
                Location = Postcodes.Locate("LS29").Location, Days = WorkDays.Weekdays | WorkDays.Weekend, Shifts = ShiftTimes.Early | ShiftTimes.Night,
                LetEmployersFindMe = true, WantedRoles = ["senior-care-worker"], MinimumHourlyPay = 12.10m,
            }, Time.GetUtcNow().UtcDateTime);
            var vacancy = Vacancy.Draft(Organisation, Details("Night care worker, Ilkley", district: "LS29", pay: 14.20m) with { Shifts = ShiftTimes.Night }, Time.GetUtcNow().UtcDateTime);
            db.Entry(vacancy).Property(v => v.Id).CurrentValue = newVacancy;
            vacancy.Publish(Time.GetUtcNow().UtcDateTime, AnyPay);
            db.Add(vacancy);
            (await db.Set<Vacancy>().SingleAsync(v => v.Id == closedVacancy)).Close(Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        Time.Advance(TimeSpan.FromMinutes(5));
        await using (var scope = Services())
        {
            var runner = scope.Get<MatchRunner>();
            await runner.ForPersonAsync(changedPerson, CancellationToken.None);
            await runner.ForVacancyAsync(newVacancy, CancellationToken.None);
            await runner.ForVacancyAsync(closedVacancy, CancellationToken.None);
        }
        var (rematchCounts, rematchHash) = await StoredAsync();

        Assert.Equal(FullRunRows, $"{fullCounts} {fullHash}");
        Assert.Equal(RematchRows, $"{rematchCounts} {rematchHash}");
    }

    private static readonly Guid Organisation = new("5b0d7c1e-0000-4000-8000-000000000001");

    /// <summary>People, vacancies, training, saved routes and dismissals of both sides, the same every time.</summary>
    private async Task<(string ChangedPerson, Guid NewVacancy, Guid ClosedVacancy)> TownAsync()
    {
        var random = new Random(2026);
        var now = Time.GetUtcNow().UtcDateTime;
        var (roles, modules, programmes) = (Roles, Modules, Programmes);
        var vacancyIds = new List<Guid>();
        var userIds = new List<string>();
        await using (var db = Database.CreateContext())
        {
            var organisation = Portal.Domain.Organisations.Organisation.Create("Town Care", Portal.Domain.Organisations.OrganisationType.CareProvider, null, "LS6 1AA", now);
            db.Entry(organisation).Property(o => o.Id).CurrentValue = Organisation;
            db.Add(organisation);
            for (var i = 0; i < Vacancies; i++)
            {
                var id = NextGuid(random);
                var district = Districts[random.Next(Districts.Length)];
                var details = Details($"Job {i}", district: district, pay: 11.50m + (random.Next(0, 80) * 0.05m), role: roles[random.Next(roles.Length)]) with
                {
                    Days = (WorkDays)random.Next(1, 128),
                    Shifts = (ShiftTimes)random.Next(1, 8),
                    DrivingLicenceRequired = random.Next(4) == 0,
                    RequiredModules = [.. Enumerable.Range(0, random.Next(4)).Select(_ => modules[random.Next(modules.Length)]).Distinct(StringComparer.Ordinal)],
                    RequiredProgrammes = random.Next(5) == 0 ? [programmes[random.Next(programmes.Length)]] : [],
                };
                var vacancy = Vacancy.Draft(Organisation, details, now.AddDays(-3));
                db.Entry(vacancy).Property(v => v.Id).CurrentValue = id;
                vacancy.Publish(now.AddDays(-random.Next(0, 3)), AnyPay);
                db.Add(vacancy);
                vacancyIds.Add(id);
            }
            for (var i = 0; i < People; i++)
            {
                var id = $"town-{NextGuid(random):N}";
                userIds.Add(id);
                var email = $"{id}@example.com";
                db.Users.Add(new PortalUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true });
                var profile = CandidateProfile.For(id);
                // One in ten has no location, so is not matched at all.
                var located = i % 10 != 9;
                profile.Update(new CandidateDetails
                {
                    Location = located ? Postcodes.Locate(Districts[random.Next(Districts.Length)]).Location : null,
                    Days = (WorkDays)random.Next(1, 128),
                    Shifts = (ShiftTimes)random.Next(1, 8),
                    DrivingLicence = random.Next(2) == 0,
                    WantedRoles = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => roles[random.Next(roles.Length)]).Distinct(StringComparer.Ordinal)],
                    Qualifications = random.Next(4) == 0 ? [programmes[random.Next(programmes.Length)]] : [],
                    MinimumHourlyPay = random.Next(2) == 0 ? 11.50m + (random.Next(0, 300) / 100m) : null,
                    LetEmployersFindMe = random.Next(10) < 7,
                }, now.AddDays(-random.Next(0, 100)));
                db.Add(profile);
                // Training: some in date under any interval, some run out under any.
                foreach (var module in Enumerable.Range(0, random.Next(0, 6)).Select(_ => modules[random.Next(modules.Length)]).Distinct(StringComparer.Ordinal))
                {
                    var at = now.AddDays(-(random.Next(2) == 0 ? random.Next(1, 300) : random.Next(2_000, 2_500)));
                    var progress = ModuleProgress.Start(id, module, "v1", at.AddMinutes(-10));
                    progress.MarkPassed(at);
                    db.Add(progress);
                    db.Add(Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), NextGuid(random).ToString("N")[..24], at));
                }
                if (random.Next(5) == 0)
                    db.Add(SavedPlan.Create(id, "new-to-care", roles[random.Next(roles.Length)], now));
            }
            await db.SaveChangesAsync();
            // Each side turns some matches down.
            for (var i = 0; i < 60; i++)
            {
                var side = i % 2 == 0 ? MatchSide.Person : MatchSide.Recruiter;
                var user = userIds[random.Next(userIds.Count)];
                var vacancy = vacancyIds[random.Next(vacancyIds.Count)];
                if (!await db.Set<MatchDismissal>().AnyAsync(d => d.UserId == user && d.VacancyId == vacancy && d.Side == side))
                {
                    db.Add(MatchDismissal.Record(user, vacancy, side, user, now));
                    await db.SaveChangesAsync();
                }
            }
        }
        return (userIds[3], NextGuid(random), vacancyIds[5]);
    }

    /// <summary>Row counts, and a hash of every stored column of every row in a fixed order.</summary>
    private async Task<(string Counts, string Hash)> StoredAsync()
    {
        var content = Content.Current;
        var catalogue = MatchCatalogue.For(content);
        string Slugs(IEnumerable<string> all, Func<string, ulong> bit, long bits) =>
            string.Join(',', all.Order(StringComparer.Ordinal).Where(s => (bit(s) & unchecked((ulong)bits)) != 0));
        string HeldModules(long bits) => Slugs(content.Modules.Keys, catalogue.Module, bits);
        string RoleSet(long bits) => Slugs(content.Roles.Keys, s => catalogue.Roles([s]), bits);
        string ProgrammeSet(int bits) => Slugs(content.Programmes.Keys, s => catalogue.Programmes([s]), bits);
        await using var db = Database.CreateContext();
        var matches = await db.Set<JobMatch>().AsNoTracking().ToListAsync();
        var people = await db.Set<MatchPerson>().AsNoTracking().ToListAsync();
        var cutoffs = await db.Set<MatchVacancyCutoff>().AsNoTracking().ToListAsync();
        static string When(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        var lines = new List<string>();
        lines.AddRange(matches.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"M {m.UserId} {m.VacancyId} {m.Score:R} {m.Miles:R} {m.ModulesHeld} {m.ModulesRequired} {m.ProgrammesHeld} {m.ProgrammesRequired} {m.DaysFit:R} {m.PayAsked:R} {m.HourlyPay:R} {m.RoleWanted} {m.OnSavedRoute} {m.ForPerson} {m.ForVacancy} {When(m.ComputedAtUtc)}")));
        lines.AddRange(people.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"P {p.UserId} {p.Latitude:R} {p.Longitude:R} {(int)p.Days} {(int)p.Shifts} {p.DrivingLicence} [{HeldModules(p.ModulesHeld)}] [{ProgrammeSet(p.ProgrammesHeld)}] [{RoleSet(p.RolesWanted)}] [{RoleSet(p.RolesOnSavedRoute)}] {p.PayAsked:R} {p.Findable} {p.Cutoff:R} {p.ContentVersion == content.Version} {When(p.ComputedAtUtc)}")));
        lines.AddRange(cutoffs.Select(c => string.Create(CultureInfo.InvariantCulture, $"C {c.VacancyId} {c.Cutoff:R} {When(c.ComputedAtUtc)}")));
        lines.Sort(StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        return ($"{matches.Count} matches, {people.Count} people, {cutoffs.Count} cutoffs", hash);
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}

public sealed class SqliteMatchRunRowsTests(SqliteTestDatabase database) : MatchRunRowsTests<SqliteTestDatabase>(database);

public sealed class PostgresMatchRunRowsTests(PostgresTestDatabase database) : MatchRunRowsTests<PostgresTestDatabase>(database);
