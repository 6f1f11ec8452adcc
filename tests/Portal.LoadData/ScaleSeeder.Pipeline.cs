using Portal.Domain.Equality;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;

namespace Portal.LoadData;

/// <summary>
/// The city's recruiting history, so the insight rollups have a pipeline at city scale to work
/// out: staff coming and going at every employer, two years of vacancies and applications moved
/// along to hires who join the staff (some leaving again), equality monitoring answers, and a
/// talent hub's cases, programme cohorts, outcomes and check-ins. Drawn after everything else from
/// its own random source, so the rest of the city is the same with or without it.
/// </summary>
public sealed partial class ScaleSeeder
{
    /// <summary>
    /// When a navigator records an outcome: at noon on its day (never after now). Recorded all at the
    /// generation time, every outcome looked like backdated news to the first hourly insight rollup,
    /// which then redid two years.
    /// </summary>
    private static DateTime RecordedOn(DateOnly on, DateTime now)
    {
        var noon = on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        return noon < now ? noon : now;
    }

    private static readonly string[] HubNeeds = ["Finding a first job in care", "Getting a DBS check", "Confidence with interviews", "Childcare around shifts", "Travel to work"];

    private async Task PipelineHistoryAsync(City city, CancellationToken cancellationToken)
    {
        var random = new Random(city.Options.Seed + 22);
        await WorkforceAsync(city, random, cancellationToken);
        await PastVacanciesAsync(city, random, cancellationToken);
        await MonitoringAsync(city, random, cancellationToken);
        await HubAsync(city, random, cancellationToken);
    }

    /// <summary>Staff at every employer but the first (whose matrix the benchmarks read), started over three years, about a third gone since.</summary>
    private async Task WorkforceAsync(City city, Random random, CancellationToken cancellationToken)
    {
        var (options, userIds, now) = (city.Options, city.UserIds, city.Now);
        var from = (2 * options.Organisations) + options.MatrixStaff;
        if (options.Organisations < 2 || from >= options.People)
            return;
        var rows = new List<Membership>(BatchSize);
        for (var i = 0; i < options.Workforce; i++)
        {
            var organisation = city.OrganisationIds[1 + random.Next(options.Organisations - 1)];
            var started = now.AddDays(-random.Next(0, 1_100)).AddMinutes(-random.Next(0, 1_440));
            var membership = Membership.Start(organisation, userIds[from + random.Next(options.People - from)], MembershipRole.Staff, started,
                city.Roles[random.Next(city.Roles.Length)].Slug);
            var left = started.AddDays(random.Next(30, 900));
            if (random.Next(100) < 34 && left < now)
                membership.End(left);
            rows.Add(membership);
            if (rows.Count == BatchSize || i + 1 == options.Workforce)
            {
                await BulkInTransactionAsync(rows, cancellationToken);
                rows.Clear();
                city.Progress($"staff memberships {i + 1:N0} of {options.Workforce:N0}");
            }
        }
    }

    /// <summary>Vacancies of the last two years, each open six weeks, with applications moved along; a hire joins the staff a week later and some leave.</summary>
    private async Task PastVacanciesAsync(City city, Random random, CancellationToken cancellationToken)
    {
        var (options, userIds, now) = (city.Options, city.UserIds, city.Now);
        if (options.PastVacancies == 0 || options.Profiles == 0)
            return;
        string[] recruiters = [.. city.OrganisationIds.Select((_, i) => userIds[2 * i])];
        var perVacancy = (double)options.PastApplications / options.PastVacancies;
        var written = 0;
        for (var i = 0; i < options.PastVacancies; i++)
        {
            var organisation = random.Next(options.Organisations);
            var role = city.Roles[random.Next(city.Roles.Length)];
            var postedAt = now.AddDays(-random.Next(50, 730)).AddMinutes(-random.Next(0, 1_440));
            var district = random.Next(100) < 70 ? city.OrganisationDistricts[organisation] : city.Districts[random.Next(city.Districts.Length)];
            var details = VacancyDetailsFor(random, role, city.Modules, Postcode(random, district), DateOnly.FromDateTime(postedAt)) with
            {
                ClosingDate = DateOnly.FromDateTime(postedAt.AddDays(42)),
            };
            var vacancy = Vacancy.Draft(city.OrganisationIds[organisation], details, postedAt.AddDays(-1));
            db.Entry(vacancy).Property(v => v.Id).CurrentValue = NextGuid(random);
            vacancy.Publish(postedAt, Floor);
            vacancy.Close(postedAt.AddDays(42));
            db.Add(vacancy);

            var applicants = (int)Math.Round(perVacancy * (i + 1)) - written;
            var taken = new HashSet<int>();
            for (var a = 0; a < applicants; a++)
            {
                var person = random.Next(options.Profiles);
                if (!taken.Add(person))
                    continue;
                var at = postedAt.AddHours(random.Next(1, 24 * 28));
                var application = Application.Submit(vacancy.Id, userIds[person], null, at);
                db.Entry(application).Property(x => x.Id).CurrentValue = NextGuid(random);
                db.Add(application);
                var stages = random.Next(100) switch { < 45 => 0, < 65 => 1, < 78 => 2, < 88 => 3, _ => 4 };
                for (var stage = 0; stage < stages && !application.IsFinished; stage++)
                {
                    at = at.AddHours(random.Next(24, 24 * 10));
                    var moves = application.RecruiterMoves();
                    application.MoveTo(random.Next(4) == 0 ? moves[^1] : moves[0], recruiters[organisation], at);
                }
                if (application.Status == ApplicationStatus.Hired && at.AddDays(7) < now)
                {
                    var staff = Membership.Start(vacancy.OrganisationId, userIds[person], MembershipRole.Staff, at.AddDays(7), role.Slug);
                    var leaves = at.AddDays(random.Next(20, 500));
                    if (random.Next(100) < 35 && leaves < now)
                        staff.End(leaves);
                    db.Add(staff);
                }
                else if (!application.IsFinished && random.Next(3) == 0)
                {
                    application.MoveTo(ApplicationStatus.Rejected, recruiters[organisation], at.AddDays(random.Next(1, 20)));
                }
            }
            written += applicants;
            if ((i + 1) % 200 == 0 || i + 1 == options.PastVacancies)
            {
                await SaveBatchAsync(cancellationToken);
                city.Progress($"past vacancies {i + 1:N0} of {options.PastVacancies:N0}, applications {written:N0}");
            }
        }
    }

    /// <summary>Monitoring answers from a share of the people with a profile, roughly as Leeds answered the census, some questions left blank.</summary>
    private async Task MonitoringAsync(City city, Random random, CancellationToken cancellationToken)
    {
        var (options, userIds, now) = (city.Options, city.UserIds, city.Now);
        var rows = new List<EqualityAnswers>(BatchSize);
        var written = 0;
        string? Pick(EqualityQuestion question, string? usual, int usualInTen) =>
            random.Next(10) == 0 ? null : usual is not null && random.Next(10) < usualInTen ? usual : question.Options[random.Next(question.Options.Count)].Code;
        for (var i = 0; i < options.Profiles; i++)
        {
            if (random.Next(100) >= options.MonitoringPercent)
                continue;
            var answers = EqualityAnswers.For(userIds[i]);
            answers.Change(new Dictionary<string, string?>
            {
                [EqualityQuestions.Ethnicity.Key] = Pick(EqualityQuestions.Ethnicity, "white-british", 6),
                [EqualityQuestions.Sex.Key] = Pick(EqualityQuestions.Sex, "female", 7),
                [EqualityQuestions.GenderIdentity.Key] = Pick(EqualityQuestions.GenderIdentity, "same", 9),
                [EqualityQuestions.AgeBand.Key] = Pick(EqualityQuestions.AgeBand, null, 0),
                [EqualityQuestions.Disability.Key] = Pick(EqualityQuestions.Disability, "no", 8),
                [EqualityQuestions.Religion.Key] = Pick(EqualityQuestions.Religion, null, 0),
                [EqualityQuestions.SexualOrientation.Key] = Pick(EqualityQuestions.SexualOrientation, "straight", 9),
                [EqualityQuestions.CaringResponsibilities.Key] = Pick(EqualityQuestions.CaringResponsibilities, "no", 7),
            }, now.AddDays(-random.Next(0, 700)));
            rows.Add(answers);
            if (rows.Count == BatchSize)
            {
                written += await BulkInTransactionAsync(rows, cancellationToken);
                rows.Clear();
            }
        }
        written += await BulkInTransactionAsync(rows, cancellationToken);
        city.Progress($"equality monitoring answers {written:N0}");
    }

    /// <summary>Rows with the provider's bulk path, which runs in a transaction (and on SQLite needs the connection open).</summary>
    private async Task<int> BulkInTransactionAsync<T>(List<T> rows, CancellationToken cancellationToken) where T : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await BulkInsert.EntitiesAsync(db, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// The city's talent hub: a navigator organisation with a case for each person it helped over
    /// two years, a six-week programme run every quarter, and what happened next (interviews,
    /// starts, check-ins at 13, 26 and 52 weeks, some leaving).
    /// </summary>
    private async Task HubAsync(City city, Random random, CancellationToken cancellationToken)
    {
        var (options, userIds, now) = (city.Options, city.UserIds, city.Now);
        if (options.HubPeople == 0 || options.Profiles == 0)
            return;
        var hub = Organisation.Create("Leeds Health and Care Talent Hub", OrganisationType.Council, null, "LS9 7TF", now.AddYears(-3));
        db.Entry(hub).Property(o => o.Id).CurrentValue = NextGuid(random);
        db.Add(hub);
        var navigator = userIds[3];
        db.Add(Membership.Start(hub.Id, navigator, MembershipRole.Navigator, now.AddYears(-3)));
        var programme = Programme.Create(hub.Id, "Care careers in six weeks", "Six weeks with a local employer: the Care Certificate basics, a placement and a guaranteed interview.", now.AddYears(-2));
        db.Add(programme);
        var cohorts = new List<Cohort>();
        for (var quarter = 8; quarter >= 0; quarter--)
        {
            var starts = DateOnly.FromDateTime(now.AddDays(-91 * quarter - 14));
            var cohort = Cohort.Create(programme.Id, new CohortDetails(starts, starts.AddDays(41), 20, "St James's Hospital, LS9 7TF", false, "Leeds Teaching Hospitals", "A guaranteed interview"), now.AddDays(-91 * quarter - 60));
            db.Add(cohort);
            cohorts.Add(cohort);
        }
        var today = city.Today;
        var pool = options.Profiles > options.People ? (options.People, options.Profiles - options.People) : (0, options.Profiles);
        var helped = new HashSet<int>();
        for (var i = 0; i < options.HubPeople; i++)
        {
            var person = pool.Item1 + random.Next(pool.Item2);
            if (!helped.Add(person))
                continue;
            var userId = userIds[person];
            var opened = now.AddDays(-random.Next(0, 730));
            var helpCase = NavigationCase.Start(hub.Id, userId, true, HubNeeds[random.Next(HubNeeds.Length)], ContactPreference.Phone, "0113 496 0000", null, opened, navigator);
            db.Add(helpCase);
            // About half join a cohort that starts after their case opened.
            var cohort = cohorts.FirstOrDefault(c => c.StartsOn >= DateOnly.FromDateTime(opened) && c.StartsOn <= today);
            Guid? cohortId = null;
            if (cohort is not null && random.Next(2) == 0)
            {
                var enrolment = Enrolment.Start(cohort.Id, userId, navigator, opened.AddDays(1));
                if (cohort.FinishedOn(today) && random.Next(10) < 8)
                {
                    enrolment.Complete(cohort.EndsOn.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc));
                    db.Add(HubOutcome.Record(userId, hub.Id, cohort.Id, OutcomeKind.ProgrammeCompleted, null, cohort.EndsOn, navigator, RecordedOn(cohort.EndsOn, now)));
                }
                db.Add(enrolment);
                cohortId = cohort.Id;
            }
            var on = DateOnly.FromDateTime(opened).AddDays(cohortId is null ? random.Next(14, 90) : 45);
            if (on > today || random.Next(10) < 3)
                continue;
            var employer = "Leeds Teaching Hospitals";
            db.Add(HubOutcome.Record(userId, hub.Id, cohortId, OutcomeKind.Interview, employer, on, navigator, RecordedOn(on, now)));
            on = on.AddDays(random.Next(5, 20));
            if (on > today || random.Next(10) < 4)
                continue;
            db.Add(HubOutcome.Record(userId, hub.Id, cohortId, OutcomeKind.StartedWork, employer, on, navigator, RecordedOn(on, now)));
            foreach (var weeks in new[] { 13, 26, 52 })
            {
                var due = on.AddDays(7 * weeks);
                if (due > today)
                    break;
                if (random.Next(10) == 0)
                {
                    db.Add(HubOutcome.Record(userId, hub.Id, cohortId, OutcomeKind.LeftWork, null, due, navigator, RecordedOn(due, now)));
                    break;
                }
                db.Add(HubOutcome.Record(userId, hub.Id, cohortId, HubOutcome.StillInWorkAt(weeks), null, due, navigator, RecordedOn(due, now)));
            }
        }
        await SaveBatchAsync(cancellationToken);
        city.Progress($"talent hub: {helped.Count:N0} people helped, {cohorts.Count} cohorts");
    }
}
