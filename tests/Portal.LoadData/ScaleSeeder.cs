using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;

namespace Portal.LoadData;

/// <summary>
/// Generates a realistic city's worth of accounts, organisations, vacancies, candidate profiles and
/// three years of training completions,
/// the same every time for the same options (fixed seed, ids drawn from it), in batches so memory
/// stays flat. Generated accounts have addresses at seed.invalid and no password: nobody can sign
/// in as them and no mail can reach them. For load and benchmark databases, never a live one.
/// </summary>
public sealed partial class ScaleSeeder(PortalDbContext db, PostcodeDistricts postcodes, TimeProvider clock, MinimumWage? minimumWage = null)
{
    private MinimumWage Floor { get; } = minimumWage ?? new TalentOptions().LegalMinimumWage();

    public const string EmailDomain = "seed.invalid";
    private const int BatchSize = 2_000;

    private static readonly string[] FirstNames =
    [
        "Aisha", "Amelia", "Amir", "Ana", "Barbara", "Ben", "Bilal", "Callum", "Chen", "Chloe", "Daniel", "Deborah", "Emeka", "Emily", "Fatima", "Gareth",
        "Grace", "Hannah", "Harpreet", "Ifeoma", "Imran", "Isla", "Jack", "Jade", "James", "Joanne", "Kamala", "Karen", "Kwame", "Leah", "Liam", "Lucy",
        "Maria", "Mark", "Michelle", "Mohammed", "Nadia", "Nia", "Oliver", "Olivia", "Patrick", "Priya", "Rachel", "Ravi", "Rebecca", "Ryan", "Samina", "Sarah",
        "Sean", "Sophie", "Stephen", "Tariq", "Tendai", "Tom", "Una", "Victoria", "Wei", "Yasmin", "Zainab", "Zoe",
    ];

    private static readonly string[] Surnames =
    [
        "Ahmed", "Akhtar", "Atkinson", "Bailey", "Begum", "Bell", "Brown", "Butt", "Clarke", "Cooper", "Davies", "Dawson", "Evans", "Fletcher", "Green",
        "Hall", "Harris", "Hussain", "Iqbal", "Jackson", "Jones", "Kaur", "Khan", "King", "Kowalski", "Lee", "Mahmood", "Marsh", "Martin", "Mensah",
        "Mistry", "Moore", "Nowak", "Okafor", "Patel", "Price", "Rahman", "Roberts", "Robinson", "Scott", "Shah", "Singh", "Smith", "Sutcliffe", "Taylor",
        "Thompson", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Yates", "Young",
    ];

    private static readonly string[] OrganisationWords = ["Care", "Homecare", "Home Care", "Support", "Care Services", "Living", "Community Care", "Care at Home"];

    private static readonly string[] Openings =
    [
        "Join a friendly team supporting people to live well in their own homes.",
        "We are a family-run service looking for kind, reliable people.",
        "Support older people and adults with learning disabilities in the community.",
        "Work on a ward team caring for patients recovering from illness or surgery.",
        "Help people regain their confidence and independence after a stay in hospital.",
        "Care for residents living with dementia in a calm, homely setting.",
    ];

    private static readonly string[] Details =
    [
        "Rounds are planned so you visit the same people each week.",
        "Full training is given, including the Care Certificate, with time to learn on paid shifts.",
        "You will help with personal care, meals, medication support and companionship.",
        "Night shifts are waking nights with a colleague on site.",
        "A car is useful for rural rounds; mileage is paid at 45p a mile.",
        "We support you through a level 2 or 3 diploma or apprenticeship when you are ready.",
        "Experience of reablement or end-of-life care is welcome but not needed.",
        "Our Enhanced care workers carry out delegated healthcare tasks after observed sign-off.",
    ];

    public sealed record Result(int People, int Organisations, int Vacancies, int Profiles, int Completions, int Applications, TimeSpan Elapsed);

    /// <summary>
    /// One run: the options, the one random source every draw comes from (so the steps must run, and
    /// draw, in this order for a seed to give the same city), and what earlier steps made that later
    /// ones refer to.
    /// </summary>
    private sealed class City(ScaleSeedOptions options, ContentSet content, Random random, DateTime now, string[] districts, Action<string> progress)
    {
        public ScaleSeedOptions Options => options;
        public ContentSet Content => content;
        public Random Random => random;
        public DateTime Now => now;
        public DateOnly Today => DateOnly.FromDateTime(now);
        public string[] Districts => districts;
        public Action<string> Progress => progress;

        /// <summary>Roles a vacancy or a profile can be for: not entry points, and with pay.</summary>
        public CareerRole[] Roles { get; } = [.. content.Roles.Values.Where(r => !r.EntryPoint && r.Pay is not null).OrderBy(r => r.Slug, StringComparer.Ordinal)];

        public string[] Modules { get; } = [.. content.Modules.Keys.Order(StringComparer.Ordinal)];

        public string[] UserIds { get; set; } = [];
        public Guid[] OrganisationIds { get; set; } = [];
        public string[] OrganisationDistricts { get; set; } = [];
        public List<(Guid Id, int Organisation, DateTime PublishedAtUtc)> PublishedVacancies { get; } = [];
    }

    /// <param name="content">The roles and modules vacancies and profiles are drawn from.</param>
    public async Task<Result> RunAsync(ScaleSeedOptions options, ContentSet content, Action<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(progress);
        if (options.Organisations < 1 || options.People < 2 * options.Organisations)
            throw new ArgumentException("Give at least one organisation and two people per organisation (its recruiter and manager).", nameof(options));
        if (await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith("@" + EmailDomain.ToUpperInvariant()), cancellationToken))
            throw new InvalidOperationException("This database already holds generated data. Seed a fresh database instead.");

        var watch = Stopwatch.StartNew();
        var city = new City(options, content, new Random(options.Seed), clock.GetUtcNow().UtcDateTime, [.. postcodes.All.Order(StringComparer.Ordinal)], progress);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await AccountsAsync(city, cancellationToken);
            await OrganisationsAsync(city, cancellationToken);
            await VacanciesAsync(city, cancellationToken);
            await ProfilesAsync(city, cancellationToken);
            var applications = await ApplicationsAsync(city, cancellationToken);
            await SavedPlansAsync(city, cancellationToken);
            await AlertsAsync(city, cancellationToken);
            var completions = await CompletionsAsync(city, cancellationToken);
            await StaffAsync(city, cancellationToken);
            await PipelineHistoryAsync(city, cancellationToken);
            progress($"the first organisation's staff: {Math.Min(options.MatrixStaff, options.People - (2 * options.Organisations)):N0}, every module required");
            return new Result(Math.Max(options.People, options.Profiles), options.Organisations, options.Vacancies, options.Profiles, completions, applications, watch.Elapsed);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Everyone's account: the people first, then applicants new to the portal, up to the larger of the two counts.</summary>
    private async Task AccountsAsync(City city, CancellationToken cancellationToken)
    {
        var random = city.Random;
        var accounts = Math.Max(city.Options.People, city.Options.Profiles);
        var userIds = new string[accounts];
        for (var start = 0; start < accounts; start += BatchSize)
        {
            for (var i = start; i < Math.Min(accounts, start + BatchSize); i++)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = Surnames[random.Next(Surnames.Length)];
                var email = $"{first}.{last}.{i}@{EmailDomain}".ToLowerInvariant();
                userIds[i] = NextGuid(random).ToString();
                db.Users.Add(new PortalUser
                {
                    Id = userIds[i],
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    DisplayName = $"{first} {last}",
                    SecurityStamp = NextGuid(random).ToString("N"),
                    ConcurrencyStamp = NextGuid(random).ToString(),
                    LockoutEnabled = true,
                    CreatedUtc = city.Now.AddDays(-random.Next(1, 1_100)),
                });
            }
            await SaveBatchAsync(cancellationToken);
            city.Progress($"accounts {Math.Min(accounts, start + BatchSize):N0} of {accounts:N0}");
        }
        city.UserIds = userIds;
    }

    /// <summary>Employers across the city, each with its recruiter and manager: the first people, two to an organisation.</summary>
    private async Task OrganisationsAsync(City city, CancellationToken cancellationToken)
    {
        var (random, options, userIds, districts, now) = (city.Random, city.Options, city.UserIds, city.Districts, city.Now);
        var organisationIds = new Guid[options.Organisations];
        var organisationDistricts = new string[options.Organisations];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Organisations; i++)
        {
            var district = districts[random.Next(districts.Length)];
            var name = $"{Area(district)} {OrganisationWords[random.Next(OrganisationWords.Length)]}";
            if (!names.Add(name))
                name = $"{name} {i.ToString(CultureInfo.InvariantCulture)}";
            var type = random.Next(100) switch { < 75 => OrganisationType.CareProvider, < 80 => OrganisationType.NhsTrust, < 85 => OrganisationType.Council, _ => OrganisationType.Charity };
            var organisation = Organisation.Create(name, type, type == OrganisationType.CareProvider ? $"1-{100_000_000 + i}" : null, Postcode(random, district), now.AddDays(-random.Next(30, 1_100)));
            organisationIds[i] = NextGuid(random);
            organisationDistricts[i] = district;
            // From the index, not the random stream, so the rest of the city is the same as before settings were recorded.
            organisation.ChangeSetting(type switch
            {
                OrganisationType.CareProvider => (i % 5) switch { 0 or 1 => CareSetting.HomeCare, 2 or 3 => CareSetting.CareHome, _ => CareSetting.CareHomeWithNursing },
                OrganisationType.NhsTrust => i % 2 == 0 ? CareSetting.Hospital : CareSetting.CommunityHealth,
                OrganisationType.Council => i % 2 == 0 ? CareSetting.HomeCare : CareSetting.DayAndCommunityServices,
                _ => i % 2 == 0 ? CareSetting.SupportedLiving : CareSetting.DayAndCommunityServices,
            });
            db.Entry(organisation).Property(o => o.Id).CurrentValue = organisationIds[i];
            db.Add(organisation);
            db.Add(Membership.Start(organisationIds[i], userIds[2 * i], MembershipRole.Recruiter, organisation.CreatedAtUtc));
            db.Add(Membership.Start(organisationIds[i], userIds[(2 * i) + 1], MembershipRole.Manager, organisation.CreatedAtUtc));
        }
        await SaveBatchAsync(cancellationToken);
        city.Progress($"organisations {options.Organisations:N0}, each with a recruiter and a manager");
        city.OrganisationIds = organisationIds;
        city.OrganisationDistricts = organisationDistricts;
    }

    /// <summary>Vacancies, most near their employer: most published, some closed, the rest drafts.</summary>
    private async Task VacanciesAsync(City city, CancellationToken cancellationToken)
    {
        var (random, options, districts, now) = (city.Random, city.Options, city.Districts, city.Now);
        for (var start = 0; start < options.Vacancies; start += BatchSize)
        {
            for (var i = start; i < Math.Min(options.Vacancies, start + BatchSize); i++)
            {
                var organisation = random.Next(options.Organisations);
                // Most jobs are near the employer; some are across the city.
                var district = random.Next(100) < 70 ? city.OrganisationDistricts[organisation] : districts[random.Next(districts.Length)];
                var role = city.Roles[random.Next(city.Roles.Length)];
                var vacancy = Vacancy.Draft(city.OrganisationIds[organisation], VacancyDetailsFor(random, role, city.Modules, Postcode(random, district), city.Today), now.AddDays(-random.Next(1, 60)));
                db.Entry(vacancy).Property(v => v.Id).CurrentValue = NextGuid(random);
                switch (random.Next(100))
                {
                    case < 85:
                        vacancy.Publish(now.AddDays(-random.Next(0, 30)), Floor);
                        break;
                    case < 95:
                        vacancy.Publish(now.AddDays(-random.Next(30, 60)), Floor);
                        vacancy.Close(now.AddDays(-random.Next(0, 30)));
                        break;
                }
                db.Add(vacancy);
                if (vacancy.PublishedAtUtc is { } published)
                    city.PublishedVacancies.Add((vacancy.Id, organisation, published));
            }
            await SaveBatchAsync(cancellationToken);
            city.Progress($"vacancies {Math.Min(options.Vacancies, start + BatchSize):N0} of {options.Vacancies:N0}");
        }
    }

    /// <summary>Candidate profiles for the first people, each somewhere in the city.</summary>
    private async Task ProfilesAsync(City city, CancellationToken cancellationToken)
    {
        var (random, options, districts) = (city.Random, city.Options, city.Districts);
        for (var start = 0; start < options.Profiles; start += BatchSize)
        {
            for (var i = start; i < Math.Min(options.Profiles, start + BatchSize); i++)
            {
                var profile = CandidateProfile.For(city.UserIds[i]);
                profile.Update(CandidateDetailsFor(random, city.Roles, Postcode(random, districts[random.Next(districts.Length)])), city.Now.AddDays(-random.Next(0, 365)));
                db.Add(profile);
            }
            await SaveBatchAsync(cancellationToken);
            city.Progress($"candidate profiles {Math.Min(options.Profiles, start + BatchSize):N0} of {options.Profiles:N0}");
        }
    }

    /// <summary>
    /// Applications from people with a profile to published vacancies, at most one per person and
    /// vacancy, spread over every stage: most still submitted, some moved along by the employer's
    /// recruiter (each move in the history), some withdrawn by the applicant.
    /// </summary>
    private async Task<int> ApplicationsAsync(City city, CancellationToken cancellationToken)
    {
        var (random, options, userIds, vacancies, now) = (city.Random, city.Options, city.UserIds, city.PublishedVacancies, city.Now);
        string[] recruiters = [.. city.OrganisationIds.Select((_, i) => userIds[2 * i])];
        if (vacancies.Count == 0 || options.Profiles == 0)
            return 0;
        var wanted = (int)Math.Min(options.Applications, (long)vacancies.Count * options.Profiles);
        var taken = new HashSet<(int, int)>();
        var written = 0;
        while (written < wanted)
        {
            var batchEnd = Math.Min(wanted, written + BatchSize);
            while (written < batchEnd)
            {
                var v = random.Next(vacancies.Count);
                var person = random.Next(options.Profiles);
                if (!taken.Add((v, person)))
                    continue;
                var vacancy = vacancies[v];
                // Within a fortnight of publication, and never in the future.
                var at = vacancy.PublishedAtUtc + (TimeSpan.FromTicks(Math.Min((now - vacancy.PublishedAtUtc).Ticks, TimeSpan.FromDays(14).Ticks)) * random.NextDouble());
                var application = Application.Submit(vacancy.Id, userIds[person], random.Next(3) == 0 ? "I can start straight away and drive." : null, at);
                db.Entry(application).Property(a => a.Id).CurrentValue = NextGuid(random);
                db.Add(application);
                var stages = random.Next(100) switch { < 55 => 0, < 75 => 1, < 85 => 2, < 91 => 3, _ => 4 };
                for (var stage = 0; stage < stages; stage++)
                {
                    at = at.AddHours(random.Next(2, 96));
                    if (at > now)
                        break;
                    var moves = application.RecruiterMoves();
                    // A quarter of the moves at each stage are "not this time"; the rest go forward.
                    application.MoveTo(random.Next(4) == 0 ? moves[^1] : moves[0], recruiters[vacancy.Organisation], at);
                    if (application.IsFinished)
                        break;
                }
                if (!application.IsFinished && random.Next(25) == 0)
                    application.Withdraw(at.AddHours(1) > now ? now : at.AddHours(1));
                written++;
            }
            await SaveBatchAsync(cancellationToken);
            city.Progress($"applications {written:N0} of {wanted:N0}");
        }
        return written;
    }

    /// <summary>Saved career plans (one per person at most), spread evenly over everyone.</summary>
    private async Task SavedPlansAsync(City city, CancellationToken cancellationToken)
    {
        var (random, options, userIds, now) = (city.Random, city.Options, city.UserIds, city.Now);
        var starts = city.Content.Roles.Values.Select(r => r.Slug).Order(StringComparer.Ordinal).ToArray();
        var goals = city.Content.Roles.Values.Where(r => !r.EntryPoint).Select(r => r.Slug).Order(StringComparer.Ordinal).ToArray();
        var people = Math.Max(options.People, options.Profiles);
        var plans = Math.Min(options.SavedPlans, people);
        var step = (double)people / Math.Max(1, plans);
        for (var i = 0; i < plans; i++)
        {
            var from = starts[random.Next(starts.Length)];
            var to = goals[random.Next(goals.Length)];
            if (to == from)
                to = goals[(Array.IndexOf(goals, to) + 1) % goals.Length];
            db.Add(SavedPlan.Create(userIds[(int)(i * step)], from, to, now.AddDays(-random.Next(0, 700))));
            if ((i + 1) % BatchSize == 0 || i + 1 == plans)
            {
                await SaveBatchAsync(cancellationToken);
                city.Progress($"saved plans {i + 1:N0} of {plans:N0}");
            }
        }
    }

    /// <summary>Job alerts: a keyword within 5 or 10 miles of a city postcode, daily or weekly, each run within the last day.</summary>
    private async Task AlertsAsync(City city, CancellationToken cancellationToken)
    {
        var (random, options, userIds, districts, now) = (city.Random, city.Options, city.UserIds, city.Districts, city.Now);
        var people = Math.Max(options.People, options.Profiles);
        string[] keywords = ["care", "support", "nurse", "night", "dementia", "community", "senior", "healthcare"];
        for (var i = 0; i < options.Alerts; i++)
        {
            var keyword = keywords[random.Next(keywords.Length)];
            var district = districts[random.Next(districts.Length)];
            var miles = random.Next(2) == 0 ? 5 : 10;
            var query = $"Search.Keyword={keyword}&Search.Postcode={Uri.EscapeDataString(Postcode(random, district))}&Search.Miles={miles}";
            var alert = SavedSearch.Create(userIds[random.Next(people)], $"{char.ToUpperInvariant(keyword[0])}{keyword[1..]} jobs within {miles} miles of {district}", query,
                random.Next(3) == 0 ? AlertFrequency.Weekly : AlertFrequency.Daily, now.AddDays(-random.Next(1, 365)));
            // Each has run within the last day, as it would on a live site; none is a year overdue.
            alert.Ran(now.AddMinutes(-random.Next(1, 24 * 60)));
            db.Entry(alert).Property(a => a.Id).CurrentValue = NextGuid(random);
            db.Add(alert);
            if ((i + 1) % BatchSize == 0 || i + 1 == options.Alerts)
            {
                await SaveBatchAsync(cancellationToken);
                city.Progress($"job alerts {i + 1:N0} of {options.Alerts:N0}");
            }
        }
    }

    /// <summary>
    /// Each person's training over the last three years: modules done, and done again as their
    /// refresh interval comes round, until the requested number of completions is reached; about
    /// one person in twenty also has a round in progress.
    /// </summary>
    private async Task<int> CompletionsAsync(City city, CancellationToken cancellationToken)
    {
        var (random, options, userIds, content, now) = (city.Random, city.Options, city.UserIds, city.Content, city.Now);
        var modules = content.Modules.Values.OrderBy(m => m.Slug, StringComparer.Ordinal).ToArray();
        var perPerson = (double)options.Completions / Math.Max(1, options.People);
        var start = now.AddYears(-3);
        var written = 0;
        var code = new byte[12];
        var completions = new List<Completion>(6 * BatchSize);
        var progressRows = new List<ModuleProgress>(6 * BatchSize);
        for (var person = 0; person < options.People && written < options.Completions; person++)
        {
            // Spread what is left evenly over the people left, so the total lands on the target.
            var budget = (int)Math.Round(Math.Min(options.Completions - written, perPerson * (person + 1) - written));
            var rounds = new int[modules.Length];
            for (var i = 0; i < budget; i++)
                rounds[random.Next(modules.Length)]++;
            for (var m = 0; m < modules.Length; m++)
            {
                if (rounds[m] == 0)
                    continue;
                var spacing = TimeSpan.FromTicks((now - start).Ticks / rounds[m]);
                var at = start + TimeSpan.FromTicks((long)(random.NextDouble() * spacing.Ticks));
                var moduleProgress = ModuleProgress.Start(userIds[person], modules[m].Slug, modules[m].Version, at.AddMinutes(-random.Next(5, 40)));
                for (var round = 1; round <= rounds[m]; round++)
                {
                    if (round > 1)
                        moduleProgress.StartRefresher(modules[m].Version, at.AddMinutes(-random.Next(5, 40)));
                    moduleProgress.MarkPassed(at);
                    random.NextBytes(code);
                    completions.Add(Completion.Record(moduleProgress, new QuizOutcome.Scored(5, 5, 4, true, []), Convert.ToHexStringLower(code), at));
                    at = at + spacing > now ? now : at + spacing;
                }
                if (random.Next(20) == 0)
                    moduleProgress.StartRefresher(modules[m].Version, now.AddDays(-random.Next(1, 30)));
                progressRows.Add(moduleProgress);
                written += rounds[m];
            }
            if (completions.Count >= 5 * BatchSize)
            {
                await BulkAsync(completions, progressRows, cancellationToken);
                city.Progress($"completions {written:N0} of {options.Completions:N0}");
            }
        }
        await BulkAsync(completions, progressRows, cancellationToken);
        city.Progress($"completions {written:N0} of {options.Completions:N0}");
        return written;
    }

    /// <summary>Writes a batch of training history with each provider's bulk path (COPY on PostgreSQL), in one transaction.</summary>
    private async Task BulkAsync(List<Completion> completions, List<ModuleProgress> progressRows, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.EntitiesAsync(db, progressRows, cancellationToken);
        await BulkInsert.EntitiesAsync(db, completions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        completions.Clear();
        progressRows.Clear();
    }

    private static readonly string[] Teams = ["Chapeltown", "Harehills", "Headingley", "Armley"];

    /// <summary>
    /// The first organisation as a large employer: staff drawn from people with training history, in
    /// three jobs that each require every module (Enhanced care workers every competency too), a
    /// few practitioners, and sign-offs of all ages, some withdrawn.
    /// </summary>
    private async Task StaffAsync(City city, CancellationToken cancellationToken)
    {
        var (random, options, userIds, content, now) = (city.Random, city.Options, city.UserIds, city.Content, city.Now);
        var (organisationId, managerId) = (city.OrganisationIds[0], userIds[1]);
        var first = 2 * options.Organisations;
        var count = Math.Min(options.MatrixStaff, options.People - first);
        if (count <= 0)
            return;
        var modules = content.Modules.Keys.Select(slug => new Topic(TopicKind.Module, slug)).ToList();
        var competencies = content.Competencies.Values.OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();
        db.Add(JobRequirements.Create(organisationId, "care-worker", modules, managerId, now));
        db.Add(JobRequirements.Create(organisationId, "senior-care-worker", modules, managerId, now));
        db.Add(JobRequirements.Create(organisationId, "enhanced-care-worker", [.. modules, .. competencies.Select(c => new Topic(TopicKind.Competency, c.Slug))], managerId, now));
        db.Add(RefreshOverride.Create(organisationId, "safeguarding-adults", 12, managerId, now));
        var practitioners = new List<string>();
        var enhanced = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var userId = userIds[first + i];
            var practitioner = i % 100 == 0;
            var job = practitioner ? "registered-nurse" : random.Next(10) switch { < 5 => "care-worker", < 7 => "senior-care-worker", _ => "enhanced-care-worker" };
            db.Add(Membership.Start(organisationId, userId, MembershipRole.Staff, now.AddDays(-random.Next(30, 1_000)), job, Teams[random.Next(Teams.Length)], practitioner, practitioner ? managerId : null));
            if (practitioner)
                practitioners.Add(userId);
            else if (job == "enhanced-care-worker")
                enhanced.Add(userId);
        }
        await SaveBatchAsync(cancellationToken);
        var signOffs = new List<CompetencyRecord>();
        foreach (var worker in enhanced)
        {
            foreach (var competency in competencies.Where(_ => random.Next(10) < 7))
            {
                var observed = DateOnly.FromDateTime(now.AddDays(-random.Next(1, 450)));
                var recordedAt = observed.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
                signOffs.Add(CompetencyRecord.SignOff(organisationId, worker, competency.Slug, competency.ChecklistVersion, competency.Checklist,
                    [.. Enumerable.Range(0, competency.Checklist.Count)], "Observed on a routine visit.", observed, practitioners[random.Next(practitioners.Count)], recordedAt));
            }
        }
        db.AddRange(signOffs);
        await SaveBatchAsync(cancellationToken);
        foreach (var signOff in signOffs.Where(_ => random.Next(20) == 0))
            db.Add(CompetencyRecord.Revoke(signOff, "Withdrawn after a medicines incident review.", managerId, now.AddDays(-random.Next(0, 30))));
        await SaveBatchAsync(cancellationToken);
    }

    private async Task SaveBatchAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The first place a district is known by ("Headingley" for "Headingley / Hyde Park").</summary>
    private string Area(string district) => postcodes.AreaOf(district).Split(" / ")[0];

    private (VacancyLocation? Location, string? Problem) Place(string postcode) => postcodes.Locate(postcode);

    private static string Postcode(Random random, string district) =>
        $"{district} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";

    private VacancyDetails VacancyDetailsFor(Random random, CareerRole role, string[] modules, string postcode, DateOnly today)
    {
        var pay = role.Pay!;
        var steps = (int)((pay.HourlyTo - pay.HourlyFrom) * 20);
        var homeCare = role.Settings.Contains("home");
        var area = Area(postcode.Split(' ')[0]);
        var description = string.Join("\n\n",
            Openings[random.Next(Openings.Length)],
            $"Based in {area}. " + Details[random.Next(Details.Length)],
            "- " + Details[random.Next(Details.Length)] + "\n- " + Details[random.Next(Details.Length)]);
        return new VacancyDetails
        {
            CareerRole = role.Slug,
            Title = $"{role.Title}, {area}",
            DescriptionMarkdown = description,
            Location = Place(postcode).Location!,
            HourlyPay = pay.HourlyFrom + (random.Next(steps + 1) * 0.05m),
            HoursPerWeek = random.Next(4, 16) * 2.5m,
            Days = random.Next(3) switch { 0 => WorkDays.Weekdays, 1 => WorkDays.Weekdays | WorkDays.Weekend, _ => (WorkDays)random.Next(1, 128) },
            Shifts = (ShiftTimes)random.Next(1, 8),
            PayBasis = homeCare && random.Next(100) < 40 ? PayBasis.PerVisit : PayBasis.WholeShift,
            GuaranteedHours = random.Next(100) < 55,
            PaidTravelTime = homeCare && random.Next(100) < 50,
            PaidTraining = random.Next(100) < 80,
            DrivingLicenceRequired = homeCare && random.Next(100) < 35,
            RequiredModules = [.. Enumerable.Range(0, random.Next(4)).Select(_ => modules[random.Next(modules.Length)]).Distinct(StringComparer.Ordinal)],
            ClosingDate = today.AddDays(random.Next(1, 60)),
        };
    }

    private CandidateDetails CandidateDetailsFor(Random random, CareerRole[] roles, string postcode) => new()
    {
        Location = Place(postcode).Location,
        Days = (WorkDays)random.Next(1, 128),
        Shifts = (ShiftTimes)random.Next(1, 8),
        DrivingLicence = random.Next(100) < 45,
        WantedRoles = [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => roles[random.Next(roles.Length)].Slug).Distinct(StringComparer.Ordinal)],
        DbsUpdateService = random.Next(100) < 40,
        RightToWork = random.Next(100) < 70,
        References = random.Next(100) < 30,
        LetEmployersFindMe = random.Next(100) < 60,
        EmailMeMatches = random.Next(100) < 40,
        MinimumHourlyPay = random.Next(100) < 50 ? 11.50m + (random.Next(0, 300) / 100m) : null,
    };

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
