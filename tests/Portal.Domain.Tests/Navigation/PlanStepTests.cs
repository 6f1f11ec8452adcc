using Portal.Domain.Navigation;

namespace Portal.Domain.Tests.Navigation;

public sealed class PlanStepTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AModuleStepNamesItsModuleAndBelongsToThePerson()
    {
        Assert.Equal("Module", PlanStep.Problem(PlanStepKind.LearningModule, null, null)?.Field);
        var step = PlanStep.Create(Guid.NewGuid(), PlanStepKind.LearningModule, null, StepOwner.Navigator, null, "duty-of-care", Now);
        Assert.Equal(StepOwner.Person, step.Owner);
        Assert.True(step.CompletedBy(PlanStepKind.LearningModule, "duty-of-care"));
        Assert.False(step.CompletedBy(PlanStepKind.LearningModule, "fire-safety"));
    }

    [Fact]
    public void AStepDoneOutsideThePortalSaysWhatItIs() =>
        Assert.Equal("Details", PlanStep.Problem(PlanStepKind.Cv, " ", null)?.Field);

    [Fact]
    public void NobodyTicksAStepThePortalCompletes()
    {
        var step = PlanStep.Create(Guid.NewGuid(), PlanStepKind.Application, null, StepOwner.Person, null, Guid.NewGuid().ToString(), Now);
        Assert.Throws<InvalidOperationException>(() => step.Complete(StepDoneBy.Person, Now));
        Assert.Throws<InvalidOperationException>(() => step.Complete(StepDoneBy.Navigator, Now));
        step.Complete(StepDoneBy.Portal, Now);
        Assert.True(step.IsDone);
    }

    [Fact]
    public void ThePersonTicksOnlyTheirOwnSteps()
    {
        var hubs = PlanStep.Create(Guid.NewGuid(), PlanStepKind.ChecksHelp, "Book the DBS check", StepOwner.Navigator, null, null, Now);
        Assert.Throws<InvalidOperationException>(() => hubs.Complete(StepDoneBy.Person, Now));
        var theirs = PlanStep.Create(Guid.NewGuid(), PlanStepKind.Cv, "Write a CV", StepOwner.Person, null, null, Now);
        theirs.Complete(StepDoneBy.Person, Now);
        Assert.Equal(StepDoneBy.Person, theirs.DoneBy);
    }

    [Fact]
    public void OverdueIsAfterTheDueDayAndNeverOnceDone()
    {
        var step = PlanStep.Create(Guid.NewGuid(), PlanStepKind.Cv, "Write a CV", StepOwner.Person, new DateOnly(2026, 12, 4), null, Now);
        Assert.False(step.IsOverdue(new DateOnly(2026, 12, 4)));
        Assert.True(step.IsOverdue(new DateOnly(2026, 12, 5)));
        step.Complete(StepDoneBy.Person, Now);
        Assert.False(step.IsOverdue(new DateOnly(2026, 12, 5)));
    }
}
