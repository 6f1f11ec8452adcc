using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;

namespace Portal.Web.Accounts;

/// <summary>
/// The demo navigator's caseload at the Demo Talent Hub, as a navigator would find it on a Monday:
/// people from the east and south of the city at every stage, plans with steps due and overdue,
/// notes, what some chose to share, and one new request waiting in the queue. Dates are relative to
/// now. Runs inside <see cref="DemoAccounts"/>' seeding, once per database.
/// </summary>
public static class DemoNavigation
{
    /// <summary>The request waiting in the hub's queue.</summary>
    public const string QueuedName = "Shannon Pickles";

    private sealed record Step(PlanStepKind Kind, string? Details, StepOwner Owner, int? DueInDays, string? Module = null, int? DoneDaysAgo = null);

    private sealed record Note(int DaysAgo, ContactMethod How, string Text);

    private sealed record Person(
        string Name, string Postcode, CaseStage Stage, int AskedDaysAgo, ContactPreference ContactBy, string? Phone, string? Times, string HelpWith,
        BarrierKind[] Barriers, string? Shared, Step[] Steps, Note[] Notes);

    private static readonly Person[] People =
    [
        new(QueuedName, "LS9 6QT", CaseStage.New, 1, ContactPreference.TextMessage, "07700 900412", "After 3pm, once the kids are home",
            "I've been at home with my children for six years. I'd like to work in care but I don't know if I'm allowed without qualifications.",
            [], null, [], []),
        new("Darren Whiteley", "LS14 1AA", CaseStage.New, 3, ContactPreference.Phone, "07700 900233", "Mornings",
            "I was a porter at Jimmy's for years, then I was off sick. I want to get back to work in the hospital.",
            [BarrierKind.Health], null, [new(PlanStepKind.CareerConversation, "First chat about roles at the hospital", StepOwner.Navigator, 2)], []),
        new("Aisha Begum", "LS8 5AA", CaseStage.Exploring, 20, ContactPreference.Phone, "07700 900871", "School hours",
            "I looked after my dad until he passed away. People said I should do it as a job.",
            [BarrierKind.Childcare, BarrierKind.English], "Urdu is my first language; I read English better than I write it.",
            [
                new(PlanStepKind.CareerConversation, "Talk through home care, day centres and hospital roles", StepOwner.Navigator, null, DoneDaysAgo: 14),
                new(PlanStepKind.TasterDay, "Taster morning at Chapeltown Community Health", StepOwner.Person, 10),
                new(PlanStepKind.LearningModule, null, StepOwner.Person, 21, "duty-of-care"),
            ],
            [new(14, ContactMethod.InPerson, "Met at the Compton Centre. Aisha is keen on home care near Harehills; needs hours that fit the school run."), new(6, ContactMethod.Phone, "Booked the taster morning. She asked about help with written English: referred to the library's free course.")]),
        new("Kyle Broadbent", "LS9 7AA", CaseStage.Preparing, 45, ContactPreference.TextMessage, "07700 900154", null,
            "I want a job. The jobcentre said care work might suit me.",
            [BarrierKind.ConvictionsAffectingDbs, BarrierKind.Confidence], "I've got a conviction from when I was 19. I'm worried it stops me.",
            [
                new(PlanStepKind.Cv, "Write a CV with the hub (bring the jobcentre work history)", StepOwner.Person, -3),
                new(PlanStepKind.ChecksHelp, "Explain what a DBS check shows and help with the disclosure", StepOwner.Navigator, 4),
                new(PlanStepKind.LearningModule, null, StepOwner.Person, 7, "safeguarding-adults"),
                new(PlanStepKind.InterviewPractice, "Practice interview at the hub", StepOwner.Person, 14),
            ],
            [new(40, ContactMethod.InPerson, "Jobcentre referral. Quiet at first; opened up about his conviction. Explained that an old conviction does not rule him out."), new(12, ContactMethod.Phone, "Chased the CV. He has started it but is stuck on the gaps in his work history.")]),
        new("Gemma Lister", "LS10 3AA", CaseStage.Applying, 70, ContactPreference.Email, null, "Any time",
            "I work in a shop but want something that means more. I'd like to be a healthcare support worker.",
            [BarrierKind.Transport], "No car; the bus from Belle Isle to St James's takes an hour.",
            [
                new(PlanStepKind.LearningModule, null, StepOwner.Person, null, "duty-of-care", DoneDaysAgo: 30),
                new(PlanStepKind.Cv, "CV for NHS roles", StepOwner.Person, null, DoneDaysAgo: 25),
                new(PlanStepKind.TravelOrChildcare, "Check the bus pass scheme for new starters", StepOwner.Navigator, 5),
                new(PlanStepKind.InterviewPractice, "Mock interview for the healthcare support worker role", StepOwner.Person, 9),
            ],
            [new(60, ContactMethod.InPerson, "Drop-in at Belle Isle library. Clear about wanting hospital work."), new(8, ContactMethod.Message, "Sent her two healthcare support worker jobs to look at.")]),
        new("Tomasz Kowalski", "LS11 6AA", CaseStage.InWork, 150, ContactPreference.Phone, "07700 900598", "Evenings",
            "I have worked in warehouses. My wife is a nurse and says care work is good. I want to try.",
            [], null,
            [
                new(PlanStepKind.LearningModule, null, StepOwner.Person, null, "duty-of-care", DoneDaysAgo: 120),
                new(PlanStepKind.InterviewPractice, "Interview practice", StepOwner.Person, null, DoneDaysAgo: 100),
                new(PlanStepKind.ChecksHelp, "DBS and right to work documents", StepOwner.Navigator, null, DoneDaysAgo: 95),
            ],
            [new(90, ContactMethod.Phone, "Offered a care worker job in Beeston, starting in a fortnight."), new(20, ContactMethod.Phone, "Two months in and enjoying it. Asked about the Care Certificate.")]),
        new("Jordan Hirst", "LS12 3AA", CaseStage.Exploring, 9, ContactPreference.Email, null, null,
            "I'm 19 and left college. I don't know what jobs there are in care.",
            [BarrierKind.DigitalAccess], "I only have my phone and not much data.",
            [new(PlanStepKind.CareerConversation, "Look at the careers map together", StepOwner.Navigator, -1)],
            [new(7, ContactMethod.Message, "Replied to his request; he can come to the Armley drop-in on Thursday.")]),
        new("Mary Ogunleye", "LS7 4AA", CaseStage.Closed, 300, ContactPreference.Phone, "07700 900761", null,
            "I was a carer in Nigeria and want to work in care here.",
            [], null,
            [new(PlanStepKind.Referral, "Referred to the council's adult learning service for the Care Certificate", StepOwner.Navigator, null, DoneDaysAgo: 280)],
            [new(280, ContactMethod.InPerson, "Referred on; she moved to Bradford and will carry on there.")]),
    ];

    /// <summary>The demo people on the hub's books, who sign in with the demo password.</summary>
    public static IEnumerable<string> Emails => People.Select(p => Email(p.Name));

    private static string Email(string name) => name.ToLowerInvariant().Replace(' ', '.') + "@demo.portal.test";

    public static async Task SeedAsync(IServiceProvider services, DateTime now)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var postcodes = services.GetRequiredService<PostcodeDistricts>();
        var hub = await db.Set<Organisation>().Where(o => o.Name == DemoAccounts.HubName).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        if (hub is not { } hubId || await db.Set<NavigationCase>().AnyAsync(c => c.OrganisationId == hubId))
            return;
        var navigator = (await users.FindByEmailAsync(DemoAccounts.NavigatorEmail))!.Id;
        var today = UkTime.Today(now);
        foreach (var person in People)
        {
            var email = Email(person.Name);
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = person.Name, CreatedUtc = now.AddDays(-person.AskedDaysAgo - 1) };
                var created = await users.CreateAsync(user, DemoAccounts.Password);
                if (!created.Succeeded)
                    throw new InvalidOperationException($"Could not seed demo person {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                var profile = CandidateProfile.For(user.Id);
                profile.Update(new CandidateDetails { Location = postcodes.Locate(person.Postcode).Location, Days = WorkDays.Monday | WorkDays.Tuesday | WorkDays.Wednesday | WorkDays.Thursday | WorkDays.Friday, Shifts = ShiftTimes.Early }, now);
                db.Add(profile);
            }

            var asked = now.AddDays(-person.AskedDaysAgo);
            var hubCase = NavigationCase.Start(hubId, user.Id, true, person.HelpWith, person.ContactBy, person.Phone, person.Times, asked);
            if (person.Stage != CaseStage.New || person.Steps.Length > 0)
                hubCase.Take(navigator, asked.AddHours(3));
            // A closed case was closed while they were still exploring (Mary moved away).
            var reached = person.Stage == CaseStage.Closed ? CaseStage.Exploring : person.Stage;
            foreach (var stage in CaseStages.Open.Skip(1).TakeWhile(s => s <= reached))
                hubCase.MoveTo(stage, asked.AddDays(1));
            if (person.Stage == CaseStage.Closed)
                hubCase.Close(asked.AddDays(25));
            db.Add(hubCase);
            foreach (var step in person.Steps)
            {
                var added = PlanStep.Create(hubCase.Id, step.Kind, step.Details, step.Owner, step.DueInDays is { } due ? today.AddDays(due) : null, step.Module, asked.AddHours(4));
                if (step.DoneDaysAgo is { } done)
                    added.Complete(step.Kind == PlanStepKind.LearningModule ? StepDoneBy.Portal : step.Owner == StepOwner.Person ? StepDoneBy.Person : StepDoneBy.Navigator, now.AddDays(-done));
                db.Add(added);
            }
            foreach (var note in person.Notes)
            {
                db.Add(ContactNote.Write(hubCase.Id, today.AddDays(-note.DaysAgo), note.How, note.Text, navigator, today, now.AddDays(-note.DaysAgo)));
                hubCase.Contacted(today.AddDays(-note.DaysAgo));
            }
            if (person.Barriers.Length > 0 || person.Shared is not null)
            {
                var shared = Circumstances.For(user.Id, asked);
                shared.Share(person.Barriers, person.Shared, asked.AddDays(1));
                db.Add(shared);
            }
        }
        await db.SaveChangesAsync();
    }
}
