using Portal.Domain.Talent;

namespace Portal.Domain.Tests.Talent;

public sealed class ReapplyTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AWithdrawnApplicationIsSubmittedAgainWithItsHistoryKept()
    {
        var application = Application.Submit(Guid.NewGuid(), "applicant", "First note", Now);
        application.Withdraw(Now.AddDays(1));

        application.Reapply("  Second note  ", Now.AddDays(2));

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal("Second note", application.Note);
        Assert.Equal([ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, ApplicationStatus.Submitted], application.History.Select(e => e.Status));
        Assert.Equal(Now.AddDays(2), application.UpdatedAtUtc);
    }

    [Fact]
    public void ReapplyingWithoutANoteKeepsTheFirstNote()
    {
        var application = Application.Submit(Guid.NewGuid(), "applicant", "First note", Now);
        application.Withdraw(Now.AddDays(1));

        application.Reapply(null, Now.AddDays(2));

        Assert.Equal("First note", application.Note);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Shortlisted)]
    [InlineData(ApplicationStatus.Rejected)]
    public void OnlyAWithdrawnApplicationCanBeMadeAgain(ApplicationStatus status)
    {
        var application = Application.Submit(Guid.NewGuid(), "applicant", null, Now);
        if (status != ApplicationStatus.Submitted)
            application.MoveTo(status, "recruiter", Now.AddMinutes(1));

        Assert.Throws<ApplicationRuleException>(() => application.Reapply(null, Now.AddDays(1)));
        Assert.Equal(status, application.Status);
    }
}
