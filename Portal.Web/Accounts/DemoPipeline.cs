using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Equality;
using Portal.Domain.Organisations;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Talent;

namespace Portal.Web.Accounts;

/// <summary>
/// A year of recruiting at the demo employers, so the pipeline page has something to show: a
/// vacancy posted at one of them every month (closed again once filled or past its date), and
/// people registering through the year (accounts with no password: figures, not people to sign
/// in as), from Leeds postcodes in and out of the priority sectors, most answering the monitoring
/// questions, some with a saved route, applying and moving along, some hired and a few leaving.
/// The same every time (a fixed seed). Runs last, once per database, and works the rollups out
/// again so the programme cohorts seeded before it are counted too.
/// </summary>
public static class DemoPipeline
{
    private const string Marker = "PIPELINE.0@DEMO.PORTAL.TEST";

    private static readonly string[] First =
    [
        "Aisha", "Ben", "Chloe", "Dev", "Erin", "Faisal", "Georgia", "Harvey", "Imran", "Jade", "Kieran", "Leah", "Mohammed", "Niamh",
        "Oliver", "Parveen", "Reece", "Saima", "Tyler", "Usman", "Vicky", "Wes", "Yasmin", "Zak",
    ];

    private static readonly string[] Last =
    [
        "Ahmed", "Barker", "Chaudhry", "Dawson", "Ellis", "Fenton", "Gill", "Holmes", "Iqbal", "Jackson", "Kaur", "Lister", "Mahmood", "Naylor",
        "Owusu", "Parkin", "Qureshi", "Robinson", "Sykes", "Taylor",
    ];

    private static readonly string[] Postcodes =
        ["LS9 7TF", "LS9 6AA", "LS14 1AB", "LS8 3AB", "LS11 5AA", "LS12 3AA", "LS6 1AA", "LS17 6AA", "LS16 5AA", "LS10 1AA", "LS9", "LS13 2AA"];

    private static readonly string[] Routes = ["care-worker", "healthcare-support-worker", "senior-care-worker", "enhanced-care-worker"];

    private static readonly (string Title, string Role, decimal Pay, bool WholeShift, bool Guaranteed, bool Travel)[] Jobs =
    [
        ("Home care worker", "care-worker", 12.85m, false, false, true),
        ("Care worker, days", "care-worker", 13.60m, true, true, true),
        ("Healthcare support worker", "healthcare-support-worker", 13.95m, true, true, false),
        ("Senior care worker", "senior-care-worker", 14.20m, true, true, true),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        if (!DemoSeeding.IsOn(services))
            return;
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<PortalDbContext>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var postcodes = provider.GetRequiredService<PostcodeDistricts>();
        var wage = provider.GetRequiredService<IOptions<TalentOptions>>().Value.LegalMinimumWage();
        var added = false;
        await PortalDatabase.InExclusiveTransactionAsync(db, "demo-pipeline", async () =>
        {
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == Marker))
                return;
            var employers = await db.Set<Organisation>().Where(o => o.Name != DemoAccounts.HubName).OrderBy(o => o.Name).Select(o => o.Id).Take(6).ToListAsync();
            if (employers.Count == 0)
                return;
            var random = new Random(2027);
            var recruiter = await db.Users.Where(u => u.NormalizedEmail == "RECRUITER@DEMO.PORTAL.TEST").Select(u => u.Id).FirstOrDefaultAsync() ?? "demo";

            // A vacancy a month for a year; each closes 6 weeks after it was posted.
            var vacancies = new List<(Vacancy Vacancy, DateTime PostedAt)>();
            for (var month = 12; month >= 0; month--)
            {
                var job = Jobs[month % Jobs.Length];
                var postedAt = now.AddDays(-30 * month - 3).Date.AddHours(9);
                var floor = wage.InForceOn(DateOnly.FromDateTime(postedAt))?.Age21AndOver ?? 0m;
                var vacancy = Vacancy.Draft(employers[month % employers.Count], new VacancyDetails
                {
                    CareerRole = job.Role, Title = job.Title, DescriptionMarkdown = "Join a friendly team in Leeds. Paid induction and training.",
                    Location = postcodes.Locate(Postcodes[month % 8]).Location!, HourlyPay = Math.Max(job.Pay, floor), HoursPerWeek = 30,
                    Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, PayBasis = job.WholeShift ? PayBasis.WholeShift : PayBasis.PerVisit,
                    GuaranteedHours = job.Guaranteed, PaidTravelTime = job.Travel, PaidTraining = true, DrivingLicenceRequired = false,
                    ClosingDate = DateOnly.FromDateTime(postedAt.AddDays(42)),
                }, postedAt.AddDays(-1));
                vacancy.Publish(postedAt, wage);
                if (postedAt.AddDays(42) < now)
                    vacancy.Close(postedAt.AddDays(42));
                db.Add(vacancy);
                vacancies.Add((vacancy, postedAt));
            }

            for (var i = 0; i < 90; i++)
            {
                var email = $"pipeline.{i}@demo.portal.test";
                var registeredAt = now.AddDays(-random.Next(3, 365)).Date.AddHours(8 + random.Next(12));
                var user = new PortalUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
                    DisplayName = $"{First[i % First.Length]} {Last[(i * 7) % Last.Length]}", SecurityStamp = Guid.NewGuid().ToString("N"), CreatedUtc = registeredAt,
                };
                db.Users.Add(user);
                var profile = CandidateProfile.For(user.Id);
                profile.Update(new CandidateDetails { Location = postcodes.Locate(Postcodes[random.Next(Postcodes.Length)]).Location, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early }, registeredAt);
                db.Add(profile);
                if (random.Next(10) < 4)
                    db.Add(SavedPlan.Create(user.Id, "new-to-care", Routes[random.Next(Routes.Length)], registeredAt.AddHours(1)));
                if (random.Next(10) < 7)
                    db.Add(Answers(user.Id, random, registeredAt.AddHours(1)));

                // Applies to the vacancy open when they registered, if any; then moves along, each step a few days on.
                var at = registeredAt.AddDays(3 + random.Next(14));
                var open = vacancies.LastOrDefault(v => v.PostedAt <= at && v.PostedAt.AddDays(42) >= at);
                if (open.Vacancy is null || at > now || random.Next(10) < 2)
                    continue;
                var application = Application.Submit(open.Vacancy.Id, user.Id, null, at);
                db.Add(application);
                foreach (var (status, chance) in new[] { (ApplicationStatus.Shortlisted, 6), (ApplicationStatus.Interview, 7), (ApplicationStatus.Offer, 6), (ApplicationStatus.Hired, 9) })
                {
                    at = at.AddDays(3 + random.Next(8));
                    if (at > now)
                        break;
                    if (random.Next(10) >= chance)
                    {
                        application.MoveTo(ApplicationStatus.Rejected, recruiter, at);
                        break;
                    }
                    application.MoveTo(status, recruiter, at);
                }
                if (application.Status != ApplicationStatus.Hired || at.AddDays(7) > now)
                    continue;
                var staff = Membership.Start(open.Vacancy.OrganisationId, user.Id, MembershipRole.Staff, at.AddDays(7), open.Vacancy.Details.CareerRole);
                var leaves = at.AddDays(40 + random.Next(200));
                if (random.Next(10) < 3 && leaves < now)
                    staff.End(leaves);
                db.Add(staff);
            }
            await db.SaveChangesAsync();
            added = true;
        });
        if (added)
            await provider.GetRequiredService<InsightRollupJob>().RunAsync(full: true, CancellationToken.None);
    }

    /// <summary>Monitoring answers drawn roughly as Leeds answers the census: most White British, a good share of Asian and Black Leeds, some blanks.</summary>
    private static EqualityAnswers Answers(string userId, Random random, DateTime at)
    {
        string? Pick(EqualityQuestion question, string? usual, int usualInTen)
        {
            if (random.Next(10) == 0)
                return null;
            if (usual is not null && random.Next(10) < usualInTen)
                return usual;
            return question.Options[random.Next(question.Options.Count)].Code;
        }

        var answers = EqualityAnswers.For(userId);
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
        }, at);
        return answers;
    }
}
