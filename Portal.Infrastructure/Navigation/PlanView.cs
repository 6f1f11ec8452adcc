using Portal.Domain.Navigation;

namespace Portal.Infrastructure.Navigation;

/// <summary>A plan step as both sides read it: what it is, in words, and where it links.</summary>
/// <param name="Title">The module's or job's title for a linked step, else the kind in words.</param>
/// <param name="LinkGone">A linked module or job no longer on the portal.</param>
public sealed record StepView(
    long Id, PlanStepKind Kind, string Title, string Details, StepOwner Owner, DateOnly? DueOn, StepStatus Status, string? Link, bool LinkGone,
    DateTime? DoneAtUtc, StepDoneBy? DoneBy, bool Overdue)
{
    public bool IsDone => Status == StepStatus.Done;

    public bool CompletesItself => PlanStep.IsLinked(Kind);

    public static string KindName(PlanStepKind kind) => kind switch
    {
        PlanStepKind.CareerConversation => "Career conversation",
        PlanStepKind.Cv => "CV",
        PlanStepKind.LearningModule => "Learning module",
        PlanStepKind.TasterDay => "Taster day or work experience",
        PlanStepKind.ChecksHelp => "Help with DBS and right to work",
        PlanStepKind.InterviewPractice => "Interview practice",
        PlanStepKind.Application => "Apply for a job",
        PlanStepKind.TravelOrChildcare => "Travel or childcare",
        _ => "Referral to another service",
    };
}

/// <param name="By">The navigator who wrote it, by name.</param>
/// <param name="WrittenById">Their user id: the author may correct it for a while (<see cref="ContactNote.ChangeWindow"/>).</param>
public sealed record NoteView(long Id, DateOnly On, ContactMethod How, string Text, string By, string WrittenById = "", DateTime WrittenAtUtc = default);
