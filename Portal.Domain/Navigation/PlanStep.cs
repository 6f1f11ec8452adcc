namespace Portal.Domain.Navigation;

/// <summary>The kinds of step a hub agrees with a person.</summary>
public enum PlanStepKind
{
    CareerConversation,
    Cv,

    /// <summary>A learning module from the catalogue (<see cref="PlanStep.Link"/> is its slug): done when they pass it.</summary>
    LearningModule,
    TasterDay,
    ChecksHelp,
    InterviewPractice,

    /// <summary>Applying to a vacancy on the portal (<see cref="PlanStep.Link"/> is its id): done when they apply.</summary>
    Application,
    TravelOrChildcare,
    Referral,
}

/// <summary>Whose step it is to do.</summary>
public enum StepOwner
{
    Person,
    Navigator,
}

public enum StepStatus
{
    ToDo,
    Done,
}

/// <summary>Who or what marked a step done.</summary>
public enum StepDoneBy
{
    Person,
    Navigator,

    /// <summary>The portal saw it happen: the module passed, the application sent.</summary>
    Portal,
}

/// <summary>
/// One step of a person's action plan. Steps that are portal things (a module, an application) name
/// it and complete themselves when it happens, so nobody has to remember to tick them.
/// </summary>
public sealed class PlanStep
{
    public const int MaxDetailsLength = 300;
    public const int MaxLinkLength = 80;

    private PlanStep()
    {
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public PlanStepKind Kind { get; private set; }

    /// <summary>What to do, in the navigator's words (for a linked step, may be empty: the module or job says it).</summary>
    public string Details { get; private set; } = "";

    public StepOwner Owner { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public StepStatus Status { get; private set; }

    /// <summary>The module slug or vacancy id the step is about; null for steps done outside the portal.</summary>
    public string? Link { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? DoneAtUtc { get; private set; }
    public StepDoneBy? DoneBy { get; private set; }

    public bool IsDone => Status == StepStatus.Done;

    /// <summary>Whether the portal completes it (and so nobody ticks it by hand).</summary>
    public bool CompletesItself => IsLinked(Kind);

    public static bool IsLinked(PlanStepKind kind) => kind is PlanStepKind.LearningModule or PlanStepKind.Application;

    public static PlanStep Create(Guid caseId, PlanStepKind kind, string? details, StepOwner owner, DateOnly? dueOn, string? link, DateTime utcNow)
    {
        if (Problem(kind, details, link) is { } problem)
            throw new ArgumentException(problem.Message, problem.Field);
        return new PlanStep
        {
            CaseId = caseId,
            Kind = kind,
            Details = details?.Trim() ?? "",
            // The person passes the module or sends the application; nobody can do it for them.
            Owner = IsLinked(kind) ? StepOwner.Person : owner,
            DueOn = dueOn,
            Link = IsLinked(kind) ? link!.Trim() : null,
            Status = StepStatus.ToDo,
            CreatedAtUtc = utcNow,
        };
    }

    public static (string Field, string Message)? Problem(PlanStepKind kind, string? details, string? link)
    {
        if (details?.Trim().Length > MaxDetailsLength)
            return ("Details", $"Keep it to {MaxDetailsLength} characters");
        if (kind == PlanStepKind.LearningModule && string.IsNullOrWhiteSpace(link))
            return ("Module", "Choose the module");
        if (kind == PlanStepKind.Application && string.IsNullOrWhiteSpace(link))
            return ("Vacancy", "Choose the job to apply for");
        if (link?.Trim().Length > MaxLinkLength)
            return ("", "That is not a module or a job on the portal");
        if (!IsLinked(kind) && string.IsNullOrWhiteSpace(details))
            return ("Details", "Say what the step is");
        return null;
    }

    /// <summary>
    /// The navigator changes what it says, whose it is and when it is due. A step that is done stays
    /// as it was done; a step the portal completes stays the person's.
    /// </summary>
    public void Change(string? details, StepOwner owner, DateOnly? dueOn)
    {
        if (IsDone)
            throw new InvalidOperationException("A step that is done stays as it was done.");
        if (Problem(Kind, details, Link) is { } problem)
            throw new ArgumentException(problem.Message, problem.Field);
        Details = details?.Trim() ?? "";
        Owner = CompletesItself ? StepOwner.Person : owner;
        DueOn = dueOn;
    }

    /// <summary>Whether <paramref name="kind"/> happening to <paramref name="link"/> completes this step.</summary>
    public bool CompletedBy(PlanStepKind kind, string link) => !IsDone && Kind == kind && string.Equals(Link, link, StringComparison.OrdinalIgnoreCase);

    /// <summary>Marks it done. The person may tick only their own steps, and nobody ticks a step the portal completes.</summary>
    public void Complete(StepDoneBy by, DateTime utcNow)
    {
        if (IsDone)
            throw new InvalidOperationException("This step is already done.");
        if (by != StepDoneBy.Portal && CompletesItself)
            throw new InvalidOperationException("This step is done when it happens on the portal.");
        if (by == StepDoneBy.Person && Owner != StepOwner.Person)
            throw new InvalidOperationException("This step is your navigator's to do.");
        Status = StepStatus.Done;
        DoneAtUtc = utcNow;
        DoneBy = by;
    }

    public bool IsOverdue(DateOnly today) => !IsDone && DueOn < today;
}
