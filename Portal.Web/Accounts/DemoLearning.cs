using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Web.Accounts;

/// <summary>
/// The demo care worker's record at Demo Homecare, so the portal can be tried as she and her
/// manager would see it on an ordinary day: most of what the job requires done, two things overdue,
/// one due soon, two not started, a competency signed off by the demo nurse, and one ready for the
/// nurse to observe. Development only, like the accounts; added once.
/// </summary>
public static class DemoLearning
{
    /// <summary>Done and in date: most of the Enhanced care worker's list, and the training two competencies link.</summary>
    public static IReadOnlyList<string> Done { get; } =
    [
        "understand-your-role", "duty-of-care", "equality-diversity-and-inclusion", "person-centred-working", "communication",
        "privacy-and-dignity", "fluids-and-nutrition", "learning-disability-and-autism-awareness", "handling-information",
        "infection-prevention-and-control", "delegated-healthcare-activities", "medication-support", "blood-glucose-monitoring",
    ];

    /// <summary>Done over a year ago, with yearly refreshers: overdue.</summary>
    public static IReadOnlyList<string> Overdue { get; } = ["safeguarding-adults", "basic-life-support-awareness"];

    /// <summary>Done a year ago less a fortnight: due within 30 days.</summary>
    public static IReadOnlyList<string> DueSoon { get; } = ["health-and-safety-and-moving-people"];

    /// <summary>Required and never started; the first is the short module the demo journey takes.</summary>
    public static IReadOnlyList<string> NotStarted { get; } = ["recognising-deterioration", "pressure-area-care"];

    /// <summary>Signed off by the demo nurse; blood glucose monitoring is ready for her to observe.</summary>
    public const string SignedOffCompetency = "medication-support";

    internal static async Task SeedAsync(PortalDbContext db, UserManager<PortalUser> users, ContentSet content, DateTime now)
    {
        var learner = await users.FindByEmailAsync(DemoAccounts.LearnerEmail);
        var nurse = await users.FindByEmailAsync(DemoAccounts.NurseEmail);
        if (learner is null || nurse is null || await db.Set<Completion>().AnyAsync(c => c.UserId == learner.Id))
            return;
        var organisationId = await db.Set<Organisation>().Where(o => o.Name == DemoAccounts.OrganisationName).Select(o => o.Id).SingleAsync();
        void Complete(string slug, DateTime at)
        {
            if (!content.Modules.TryGetValue(slug, out var module))
                return;
            var progress = ModuleProgress.Start(learner.Id, slug, module.Version, at.AddMinutes(-8));
            for (var lesson = 1; lesson <= module.Lessons.Count; lesson++)
                progress.FinishLesson(lesson, module.Lessons.Count, at.AddMinutes(-8 + lesson));
            var questions = module.Quiz.Questions.Count;
            var completion = Completion.Record(progress, new QuizOutcome.Scored(questions, questions, module.Quiz.PassMark, true, []),
                Guid.NewGuid().ToString("N")[..24], at, learner.DisplayName);
            progress.MarkPassed(at);
            db.AddRange(progress, completion);
        }
        for (var i = 0; i < Done.Count; i++)
            Complete(Done[i], now.AddDays(-20 - (i * 9)));
        Complete(Overdue[0], now.AddMonths(-13));
        Complete(Overdue[1], now.AddMonths(-14));
        Complete(DueSoon[0], now.AddYears(-1).AddDays(14));

        if (content.Competencies.TryGetValue(SignedOffCompetency, out var competency))
        {
            var observed = DateOnly.FromDateTime(now.AddDays(-12));
            db.Add(CompetencyRecord.SignOff(organisationId, learner.Id, competency.Slug, competency.ChecklistVersion, competency.Checklist,
                [.. Enumerable.Range(0, competency.Checklist.Count)], "Careful with the MAR chart; explained each medicine to the person.",
                observed, nurse.Id, now.AddDays(-12), observed));
        }
        await db.SaveChangesAsync();
    }
}
