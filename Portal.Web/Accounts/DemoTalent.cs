using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;

namespace Portal.Web.Accounts;

/// <summary>
/// The talent hub as a new visitor should find it in Development: open jobs at several employers
/// across Leeds postcode districts, applications to the demo recruiter's jobs at every stage, and
/// people whose profiles fit. Runs after <see cref="DemoAccounts"/>, once per database; matches are
/// worked out straight away instead of waiting for the nightly run.
/// </summary>
public static class DemoTalent
{
    /// <summary>The demo recruiter's job with an applicant at every stage; the browser journeys use it.</summary>
    public const string PipelineTitle = "Home care worker, Headingley mornings";

    /// <summary>An applicant with an offer on <see cref="PipelineTitle"/>, ready for the recruiter to hire.</summary>
    public const string OfferedEmail = "omar.hussain@demo.portal.test";

    public const string OfferedName = "Omar Hussain";

    private sealed record Employer(string Name, OrganisationType Type, string Postcode, CareSetting Setting);

    private sealed record Job(int Employer, string Role, string Title, string Postcode, decimal Pay, decimal Hours, WorkDays Days, ShiftTimes Shifts,
        bool WholeShift, bool Guaranteed, bool Travel, bool Licence, string Description, params string[] Modules);

    private sealed record Person(string Email, string Name, string Postcode, WorkDays Days, ShiftTimes Shifts, decimal? Pay, bool Licence, string[] Wants, string[] Modules, ApplicationStatus? Stage);

    private const WorkDays Weekdays = WorkDays.Monday | WorkDays.Tuesday | WorkDays.Wednesday | WorkDays.Thursday | WorkDays.Friday;
    private const WorkDays Weekends = WorkDays.Saturday | WorkDays.Sunday;

    // Employer 0 is the demo recruiter's own organisation, made by DemoAccounts.
    private static readonly Employer[] Employers =
    [
        new(DemoAccounts.OrganisationName, OrganisationType.CareProvider, "LS6 1AA", CareSetting.HomeCare),
        new("Aire Valley Home Support", OrganisationType.CareProvider, "LS13 2AB", CareSetting.HomeCare),
        new("Kirkstall Lodge Care Home", OrganisationType.CareProvider, "LS5 3AA", CareSetting.CareHomeWithNursing),
        new("Chapeltown Community Health", OrganisationType.NhsTrust, "LS7 3AB", CareSetting.CommunityHealth),
        new("Rothwell and Outwood Reablement", OrganisationType.Council, "LS26 0AA", CareSetting.HomeCare),
        new("Wharfedale Supported Living", OrganisationType.Charity, "LS21 1AA", CareSetting.SupportedLiving),
    ];

    private static readonly Job[] Jobs =
    [
        new(0, "care-worker", PipelineTitle, "LS6 2AB", 13.10m, 30, Weekdays, ShiftTimes.Early, true, true, true, false,
            "Visit older people at home around Headingley and Hyde Park. Walking rounds, **paid for the whole shift**, gaps included.", "duty-of-care", "safeguarding-adults"),
        new(0, "senior-care-worker", "Senior care worker, Meanwood", "LS6 4AA", 14.20m, 37.5m, Weekdays, ShiftTimes.Early | ShiftTimes.Late, true, true, true, true,
            "Lead a small team on the Meanwood round, check care plans and support new starters.", "medication-support", "safeguarding-adults"),
        new(0, "care-worker", "Care worker, weekend evenings", "LS16 5AA", 13.00m, 16, Weekends, ShiftTimes.Late, true, true, true, false,
            "Part time: tea and bedtime calls in Adel and Cookridge at weekends."),
        new(1, "care-worker", "Home carer, Bramley and Rodley", "LS13 3AA", 12.90m, 25, Weekdays, ShiftTimes.Early, false, true, true, true,
            "Driving round in Bramley, Rodley and Farsley. Mileage and travel time paid.", "duty-of-care"),
        new(1, "reablement-worker", "Reablement support worker, Pudsey", "LS28 5AB", 13.40m, 30, Weekdays, ShiftTimes.Early, true, true, true, true,
            "Help people back to independence after a hospital stay, for up to six weeks each.", "enabling-and-reablement"),
        new(2, "care-worker", "Night care assistant, Kirkstall Lodge", "LS5 3AB", 13.30m, 33, WorkDays.Monday | WorkDays.Wednesday | WorkDays.Friday, ShiftTimes.Night, true, true, false, false,
            "Waking nights in a 40-bed residential home by Kirkstall Abbey.", "fire-safety"),
        new(2, "activities-coordinator", "Activities coordinator", "LS5 3AB", 12.80m, 24, WorkDays.Tuesday | WorkDays.Thursday | WorkDays.Saturday, ShiftTimes.Early, true, true, false, false,
            "Plan music, gardening and outings with residents and their families."),
        new(3, "healthcare-support-worker", "Healthcare support worker, community nursing", "LS7 4AA", 13.25m, 37.5m, Weekdays, ShiftTimes.Early, true, true, true, true,
            "Join the Chapeltown neighbourhood nursing team: observations, wound care and blood glucose checks under a registered nurse.", "infection-prevention-and-control"),
        new(3, "healthcare-support-worker", "Healthcare assistant, bank (nights)", "LS9 7AA", 13.25m, 20, Weekdays | Weekends, ShiftTimes.Night, true, false, false, false,
            "Bank shifts on the community beds unit at Harehills. Choose the nights that suit you."),
        new(3, "mental-health-support-worker", "Mental health support worker, Harehills", "LS8 5AA", 13.60m, 37.5m, Weekdays, ShiftTimes.Early | ShiftTimes.Late, true, true, true, false,
            "Support people living with severe mental illness to stay well at home.", "mental-health-awareness"),
        new(4, "reablement-worker", "Reablement worker, Rothwell and Oulton", "LS26 0AB", 13.50m, 30, Weekdays | WorkDays.Saturday, ShiftTimes.Early, true, true, true, true,
            "Council reablement team covering Rothwell, Oulton and Woodlesford. Car needed; mileage paid.", "enabling-and-reablement"),
        new(4, "care-worker", "Care worker, Morley and Gildersome", "LS27 9AA", 12.95m, 30, Weekdays, ShiftTimes.Early | ShiftTimes.Late, true, true, true, true,
            "Home care round in Morley, Gildersome and Churwell."),
        new(5, "care-worker", "Support worker, supported living Otley", "LS21 3AA", 12.85m, 35, Weekdays | Weekends, ShiftTimes.Early | ShiftTimes.Late, true, true, false, false,
            "Support adults with learning disabilities in their own flats in Otley.", "learning-disability-and-autism-awareness"),
        new(5, "care-worker", "Part-time support worker, Wetherby", "LS22 6AA", 12.85m, 16, Weekends, ShiftTimes.Early, true, true, false, false,
            "Weekend days supporting two tenants in Wetherby to get out and about."),
    ];

    // Applicants to the pipeline job, one at each stage; then people who fit and have not applied.
    private static readonly Person[] People =
    [
        new("aisha.khan@demo.portal.test", "Aisha Khan", "LS6 3AA", Weekdays, ShiftTimes.Early, 12.80m, false, ["care-worker"], ["duty-of-care", "safeguarding-adults"], ApplicationStatus.Submitted),
        new("ben.walsh@demo.portal.test", "Ben Walsh", "LS4 2AA", Weekdays, ShiftTimes.Early, null, false, ["care-worker"], ["duty-of-care"], ApplicationStatus.Shortlisted),
        new("chloe.brown@demo.portal.test", "Chloe Brown", "LS6 1AB", Weekdays, ShiftTimes.Early, 13.00m, true, ["care-worker", "senior-care-worker"], ["duty-of-care", "safeguarding-adults", "medication-support"], ApplicationStatus.Interview),
        new(OfferedEmail, OfferedName, "LS6 2AA", Weekdays, ShiftTimes.Early, 12.71m, false, ["care-worker"], ["duty-of-care", "safeguarding-adults"], ApplicationStatus.Offer),
        new("ewa.nowak@demo.portal.test", "Ewa Nowak", "LS16 6AA", Weekdays, ShiftTimes.Early, null, true, ["care-worker"], ["duty-of-care", "safeguarding-adults"], ApplicationStatus.Hired),
        new("femi.adeyemi@demo.portal.test", "Femi Adeyemi", "LS11 5AA", Weekdays, ShiftTimes.Early, 14.50m, false, ["care-worker"], [], ApplicationStatus.Rejected),
        new("gemma.clarke@demo.portal.test", "Gemma Clarke", "LS3 1AA", Weekdays, ShiftTimes.Early, null, false, ["care-worker"], ["duty-of-care"], ApplicationStatus.Withdrawn),
        new("harry.wood@demo.portal.test", "Harry Wood", "LS6 4AB", Weekdays, ShiftTimes.Early | ShiftTimes.Late, 13.00m, true, ["care-worker", "senior-care-worker"], ["duty-of-care", "safeguarding-adults", "medication-support"], null),
        new("imani.osei@demo.portal.test", "Imani Osei", "LS7 3AA", Weekdays, ShiftTimes.Early, 13.00m, false, ["healthcare-support-worker"], ["infection-prevention-and-control"], null),
        new("jack.turner@demo.portal.test", "Jack Turner", "LS13 1AA", Weekdays | WorkDays.Saturday, ShiftTimes.Early, null, true, ["reablement-worker", "care-worker"], ["enabling-and-reablement", "duty-of-care"], null),
        new("kasia.lewandowska@demo.portal.test", "Kasia Lewandowska", "LS5 3AA", WorkDays.Monday | WorkDays.Wednesday | WorkDays.Friday, ShiftTimes.Night, null, false, ["care-worker"], ["fire-safety"], null),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        if (!DemoSeeding.IsOn(services))
            return;
        if (await CreateAsync(services))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MatchRunner>().RunAllAsync(CancellationToken.None);
        }
    }

    /// <returns>True when this call added the data (false: it was there already).</returns>
    internal static async Task<bool> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<PortalDbContext>();
        var users = provider.GetRequiredService<UserManager<PortalUser>>();
        var postcodes = provider.GetRequiredService<PostcodeDistricts>();
        var wage = provider.GetRequiredService<IOptions<TalentOptions>>().Value.LegalMinimumWage();
        var content = provider.GetRequiredService<ContentStore>().Current;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var added = false;
        await PortalDatabase.InExclusiveTransactionAsync(db, "demo-talent", async () =>
        {
            if (await db.Set<Organisation>().AnyAsync(o => o.Name == Employers[1].Name))
                return;
            var recruiter = (await users.FindByEmailAsync("recruiter@demo.portal.test"))!.Id;
            var organisations = new List<Guid>();
            foreach (var employer in Employers)
            {
                var existing = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Name == employer.Name);
                if (existing is null)
                {
                    existing = Organisation.Create(employer.Name, employer.Type, null, employer.Postcode, now.AddMonths(-6));
                    db.Add(existing);
                }
                existing.ChangeSetting(existing.Setting ?? employer.Setting);
                organisations.Add(existing.Id);
            }

            var vacancies = new List<Vacancy>();
            foreach (var (job, i) in Jobs.Select((j, i) => (j, i)))
            {
                var floor = wage.InForceOn(DateOnly.FromDateTime(now))?.Age21AndOver ?? 0m;
                var vacancy = Vacancy.Draft(organisations[job.Employer], new VacancyDetails
                {
                    CareerRole = job.Role,
                    Title = job.Title,
                    DescriptionMarkdown = job.Description,
                    Location = postcodes.Locate(job.Postcode).Location!,
                    // Never below the legal floor, whichever year the demo is started in.
                    HourlyPay = Math.Max(job.Pay, floor),
                    HoursPerWeek = job.Hours,
                    Days = job.Days,
                    Shifts = job.Shifts,
                    PayBasis = job.WholeShift ? PayBasis.WholeShift : PayBasis.PerVisit,
                    GuaranteedHours = job.Guaranteed,
                    PaidTravelTime = job.Travel,
                    PaidTraining = true,
                    DrivingLicenceRequired = job.Licence,
                    RequiredModules = [.. job.Modules.Where(content.Modules.ContainsKey)],
                    ClosingDate = DateOnly.FromDateTime(now).AddDays(21 + (i * 3)),
                }, now.AddDays(-10 + i % 7));
                vacancy.Publish(now.AddDays(-9 + i % 7), wage);
                db.Add(vacancy);
                vacancies.Add(vacancy);
            }

            var pipeline = vacancies[0];
            foreach (var person in People)
            {
                var user = await users.FindByEmailAsync(person.Email);
                if (user is null)
                {
                    user = new PortalUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.Name, CreatedUtc = now.AddMonths(-2) };
                    var created = await users.CreateAsync(user, DemoAccounts.Password);
                    if (!created.Succeeded)
                        throw new InvalidOperationException($"Could not seed demo person {person.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                }
                var profile = CandidateProfile.For(user.Id);
                profile.Update(new CandidateDetails
                {
                    Location = postcodes.Locate(person.Postcode).Location,
                    Days = person.Days,
                    Shifts = person.Shifts,
                    DrivingLicence = person.Licence,
                    MinimumHourlyPay = person.Pay,
                    WantedRoles = person.Wants,
                    DbsUpdateService = person.Modules.Length > 1,
                    RightToWork = true,
                    References = person.Modules.Length > 0,
                    LetEmployersFindMe = true,
                    Statement = $"I live in {person.Postcode.Split(' ')[0]} and can start soon.",
                }, now.AddDays(-20));
                db.Add(profile);
                foreach (var module in person.Modules.Where(content.Modules.ContainsKey))
                {
                    var learning = content.Modules[module];
                    var lessons = learning.Lessons.Count;
                    var questions = learning.Quiz.Questions.Count;
                    var started = now.AddDays(-40);
                    var progress = ModuleProgress.Start(user.Id, module, learning.Version, started);
                    for (var lesson = 1; lesson <= lessons; lesson++)
                        progress.FinishLesson(lesson, lessons, started.AddMinutes(lesson));
                    var completion = Completion.Record(progress, new QuizOutcome.Scored(questions, questions, learning.Quiz.PassMark, true, []), Code(), started.AddMinutes(8), user.DisplayName);
                    progress.MarkPassed(started.AddMinutes(8));
                    db.AddRange(progress, completion);
                }
                if (person.Stage is { } stage)
                    db.Add(Applied(pipeline.Id, user.Id, recruiter, stage, now.AddDays(-8)));
            }
            await db.SaveChangesAsync();
            added = true;
        });
        return added;
    }

    /// <summary>An application moved along the pipeline to <paramref name="stage"/>, a day per step.</summary>
    private static Application Applied(Guid vacancy, string userId, string recruiterId, ApplicationStatus stage, DateTime from)
    {
        var application = Application.Submit(vacancy, userId, "I live nearby and can walk to visits.", from);
        var at = from;
        switch (stage)
        {
            case ApplicationStatus.Withdrawn:
                application.Withdraw(at.AddDays(1));
                return application;
            case ApplicationStatus.Rejected:
                application.MoveTo(ApplicationStatus.Rejected, recruiterId, at.AddDays(1));
                return application;
        }
        foreach (var step in new[] { ApplicationStatus.Shortlisted, ApplicationStatus.Interview, ApplicationStatus.Offer, ApplicationStatus.Hired })
        {
            if (application.Status == stage)
                break;
            at = at.AddDays(1);
            application.MoveTo(step, recruiterId, at);
        }
        return application;
    }

    private static string Code()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }
}
