using Portal.Domain.Pathways;

namespace Portal.Domain.Tests.Pathways;

public sealed class WorkHistoryTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NoSpellsMeansNoJobAndNoExperience()
    {
        var history = WorkHistory.From([], Now);

        Assert.Null(history.CurrentJob);
        Assert.Equal(0, history.ExperienceMonths);
    }

    [Fact]
    public void TheCurrentJobIsTheLatestSpellStillGoingOn()
    {
        var history = WorkHistory.From(
        [
            new JobSpell("care-worker", Now.AddYears(-3), Now.AddYears(-1)),
            new JobSpell("enhanced-care-worker", Now.AddYears(-1), null),
        ], Now);

        Assert.Equal("enhanced-care-worker", history.CurrentJob);
        Assert.Equal(36, history.ExperienceMonths);
    }

    [Fact]
    public void TwoJobsAtOnceCountTheirTimeOnce()
    {
        var history = WorkHistory.From(
        [
            new JobSpell("care-worker", Now.AddMonths(-24), null),
            new JobSpell("care-worker", Now.AddMonths(-12), null),
        ], Now);

        Assert.Equal(24, history.ExperienceMonths);
    }

    [Fact]
    public void AGapBetweenJobsIsNotExperience()
    {
        var history = WorkHistory.From(
        [
            new JobSpell("care-worker", Now.AddMonths(-30), Now.AddMonths(-24)),
            new JobSpell("senior-care-worker", Now.AddMonths(-12), Now.AddMonths(-6)),
        ], Now);

        Assert.Null(history.CurrentJob);
        Assert.Equal(12, history.ExperienceMonths);
    }
}
