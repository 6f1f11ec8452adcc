using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;

namespace Portal.Web.Accounts;

/// <summary>
/// The demo talent hub's employability programme, "Care careers in six weeks": a cohort that
/// finished months ago, with attendance, completions, interviews, offers, people in work and their
/// check-ins, and an open cohort with places left. People live in and out of the illustrative
/// priority neighbourhoods (LS9 7, Lincoln Green; LS14 1, Seacroft). Dates are relative to now.
/// </summary>
public static class DemoProgrammes
{
    public const string ProgrammeTitle = "Care careers in six weeks";

    /// <summary>What became of each person on the finished cohort, in order: each step implies the ones before.</summary>
    private enum Reached
    {
        Enrolled,
        Completed,
        Interview,
        Offer,
        StartedWork,
        StillIn26Weeks,
        LeftBefore26Weeks,
    }

    private sealed record Person(string Name, string Postcode, Reached Reached, string? Employer = null);

    private static readonly Person[] Finished =
    [
        new("Shanice Brown", "LS9 7TF", Reached.StillIn26Weeks, "Leeds Teaching Hospitals"),
        new("Bilal Akhtar", "LS9 7DR", Reached.StillIn26Weeks, "Leeds Teaching Hospitals"),
        new("Kerry Walsh", "LS14 1AB", Reached.StartedWork, "Demo Homecare"),
        new("Darnell Campbell", "LS9 6AA", Reached.LeftBefore26Weeks, "Leeds Teaching Hospitals"),
        new("Agnieszka Nowak", "LS11 8AB", Reached.StillIn26Weeks, "Leeds Teaching Hospitals"),
        new("Jordan Hirst", "LS14 1DL", Reached.Offer, "Leeds Teaching Hospitals"),
        new("Fatima Begum", "LS9 7HN", Reached.Offer, "Leeds Teaching Hospitals"),
        new("Ryan Mellor", "LS12 4AA", Reached.Interview, "Leeds Teaching Hospitals"),
        new("Zainab Osei", "LS8 2AB", Reached.Interview, "Leeds Teaching Hospitals"),
        new("Callum Riley", "LS6 2AB", Reached.Completed),
        new("Maria Santos", "LS9", Reached.Enrolled),
        new("Ellie Thornton", "LS17 6AA", Reached.Enrolled),
    ];

    private static readonly (string Name, string Postcode)[] Open =
    [
        ("Tyrone Ellis", "LS9 7QP"), ("Hannah Doyle", "LS14 1AD"), ("Sadia Rahman", "LS8 3AB"), ("Connor Fox", "LS10 1AA"),
    ];

    /// <summary>Development only, after <see cref="DemoTalent"/>, once per database; safe for two nodes starting at once.</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        if (!DemoSeeding.IsOn(services))
            return;
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<PortalDbContext>();
        await PortalDatabase.InExclusiveTransactionAsync(db, "demo-programmes", () => CreateAsync(
            db, provider.GetRequiredService<UserManager<PortalUser>>(), provider.GetRequiredService<PostcodeDistricts>(), provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
    }

    internal static async Task CreateAsync(PortalDbContext db, UserManager<PortalUser> users, PostcodeDistricts postcodes, DateTime now)
    {
        var hub = await db.Set<Organisation>().AsNoTracking().Where(o => o.Name == DemoAccounts.HubName).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        if (hub is not { } hubId || await db.Set<Programme>().AnyAsync(p => p.OrganisationId == hubId && p.Title == ProgrammeTitle))
            return;
        var navigator = (await users.FindByEmailAsync(DemoAccounts.NavigatorEmail))!.Id;
        var today = UkTime.Today(now);

        var programme = Programme.Create(hubId, ProgrammeTitle,
            "Six weeks with Leeds Teaching Hospitals for people new to care: what the jobs are like, first aid, moving and handling, a mock interview, and a guaranteed interview at the end.", now);
        // Finished long enough ago for its people to have been in work 26 weeks.
        var finishedStart = today.AddDays(-7 * 40);
        var finished = Cohort.Create(programme.Id, new CohortDetails(finishedStart, finishedStart.AddDays(39), 12, "Lincoln Green Community Centre, LS9 7TF", false,
            "Leeds Teaching Hospitals", "a guaranteed interview for a healthcare support worker job"), now);
        var openStart = today.AddDays(21);
        var open = Cohort.Create(programme.Id, new CohortDetails(openStart, openStart.AddDays(39), 15, "Lincoln Green Community Centre, LS9 7TF", true,
            "Leeds Teaching Hospitals", "a guaranteed interview for a healthcare support worker job"), now);
        db.AddRange(programme, finished, open);
        string[] topics = ["Welcome: jobs in care and the NHS", "First aid and basic life support", "Moving and handling", "Safeguarding and dignity", "Your CV and application", "Mock interviews"];
        var finishedSessions = topics.Select((t, i) => CohortSession.Create(finished, finishedStart.AddDays(7 * i), t)).ToList();
        var openSessions = topics.Select((t, i) => CohortSession.Create(open, openStart.AddDays(7 * i), t)).ToList();
        db.AddRange(finishedSessions);
        db.AddRange(openSessions);
        await db.SaveChangesAsync();

        var enrolledAt = DateTime.SpecifyKind(finishedStart.AddDays(-14).ToDateTime(new TimeOnly(10, 0)), DateTimeKind.Utc);
        for (var i = 0; i < Finished.Length; i++)
        {
            var person = Finished[i];
            var id = await PersonAsync(db, users, postcodes, person.Name, person.Postcode, now);
            var enrolment = Enrolment.Start(finished.Id, id, navigator, enrolledAt);
            db.Add(enrolment);
            // Those who went on came to nearly everything; the two who dropped out stopped after two weeks.
            for (var s = 0; s < finishedSessions.Count; s++)
                db.Add(Attendance.Record(finishedSessions[s].Id, id, person.Reached == Reached.Enrolled ? s < 2 : s != i % 6 || i % 3 != 0, enrolledAt.AddDays(14 + 7 * s)));
            if (person.Reached == Reached.Enrolled)
                continue;
            var completedOn = finished.EndsOn;
            enrolment.Complete(At(completedOn));
            db.Add(Record(id, hubId, finished.Id, OutcomeKind.ProgrammeCompleted, null, completedOn, navigator));
            if (person.Reached >= Reached.Interview)
                db.Add(Record(id, hubId, finished.Id, OutcomeKind.Interview, person.Employer, completedOn.AddDays(7), navigator));
            if (person.Reached >= Reached.Offer)
                db.Add(Record(id, hubId, finished.Id, OutcomeKind.Offer, person.Employer, completedOn.AddDays(12), navigator));
            if (person.Reached < Reached.StartedWork)
                continue;
            var startedOn = completedOn.AddDays(7 * 4);
            var started = Record(id, hubId, finished.Id, OutcomeKind.StartedWork, person.Employer, startedOn, navigator);
            db.Add(started);
            await db.SaveChangesAsync();
            // 13 weeks: everyone in work said yes. 26 weeks: one is still to answer, one left.
            var thirteen = CheckIn.Ask(started, 13, At(CheckInSchedule.DueOn(startedOn, 13)));
            thirteen.Answer(true, At(CheckInSchedule.DueOn(startedOn, 13).AddDays(2)));
            db.Add(thirteen);
            db.Add(Record(id, hubId, finished.Id, OutcomeKind.StillInWork13Weeks, null, CheckInSchedule.DueOn(startedOn, 13).AddDays(2), HubOutcome.RecordedByPortal));
            var twentySix = CheckIn.Ask(started, 26, At(CheckInSchedule.DueOn(startedOn, 26)));
            if (person.Reached == Reached.StillIn26Weeks)
            {
                twentySix.Answer(true, At(CheckInSchedule.DueOn(startedOn, 26).AddDays(1)));
                db.Add(Record(id, hubId, finished.Id, OutcomeKind.StillInWork26Weeks, null, CheckInSchedule.DueOn(startedOn, 26).AddDays(1), HubOutcome.RecordedByPortal));
            }
            else if (person.Reached == Reached.LeftBefore26Weeks)
            {
                twentySix.Answer(false, At(CheckInSchedule.DueOn(startedOn, 26).AddDays(3)));
                db.Add(Record(id, hubId, finished.Id, OutcomeKind.LeftWork, null, CheckInSchedule.DueOn(startedOn, 26).AddDays(3), HubOutcome.RecordedByPortal));
            }
            db.Add(twentySix);
        }
        await db.SaveChangesAsync();

        foreach (var (name, postcode) in Open)
        {
            var id = await PersonAsync(db, users, postcodes, name, postcode, now);
            db.Add(Enrolment.Start(open.Id, id, name.StartsWith('T') ? navigator : id, now.AddDays(-3)));
        }
        await db.SaveChangesAsync();
        // Places are counted by the conditional update that takes one; seeded enrolments count the same.
        await db.Set<Cohort>().Where(c => c.Id == finished.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.Taken, Finished.Length));
        await db.Set<Cohort>().Where(c => c.Id == open.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.Taken, Open.Length));
    }

    private static DateTime At(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(11, 0)), DateTimeKind.Utc);

    private static HubOutcome Record(string userId, Guid hub, Guid cohort, OutcomeKind kind, string? employer, DateOnly on, string by) =>
        HubOutcome.Record(userId, hub, cohort, kind, employer, on, by, At(on));

    /// <summary>A confirmed account with the demo password and a profile with their postcode; reused if it is already there.</summary>
    private static async Task<string> PersonAsync(PortalDbContext db, UserManager<PortalUser> users, PostcodeDistricts postcodes, string name, string postcode, DateTime now)
    {
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}@demo.portal.test";
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = now };
            var created = await users.CreateAsync(user, DemoAccounts.Password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Could not seed demo person {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }
        if (!await db.Set<CandidateProfile>().AnyAsync(p => p.UserId == user.Id))
        {
            var profile = CandidateProfile.For(user.Id);
            profile.Update(new CandidateDetails { Location = postcodes.Locate(postcode).Location, Days = WorkDays.Monday | WorkDays.Tuesday | WorkDays.Wednesday | WorkDays.Thursday | WorkDays.Friday, Shifts = ShiftTimes.Early }, now);
            db.Add(profile);
            await db.SaveChangesAsync();
        }
        return user.Id;
    }
}
