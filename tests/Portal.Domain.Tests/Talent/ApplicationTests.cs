using Portal.Domain.Talent;

namespace Portal.Domain.Tests.Talent;

public sealed class ApplicationTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheHappyPathIsStampedAtEveryStep()
    {
        var application = Application.Submit(Guid.NewGuid(), "applicant", "  I live nearby.  ", Now);

        foreach (var (status, minutes) in new[] { (ApplicationStatus.Shortlisted, 1), (ApplicationStatus.Interview, 2), (ApplicationStatus.Offer, 3), (ApplicationStatus.Hired, 4) })
            application.MoveTo(status, "recruiter", Now.AddMinutes(minutes));

        Assert.Equal(ApplicationStatus.Hired, application.Status);
        Assert.Equal("I live nearby.", application.Note);
        Assert.Equal(
            [(ApplicationStatus.Submitted, "applicant"), (ApplicationStatus.Shortlisted, "recruiter"), (ApplicationStatus.Interview, "recruiter"), (ApplicationStatus.Offer, "recruiter"), (ApplicationStatus.Hired, "recruiter")],
            application.History.Select(e => (e.Status, e.ChangedBy)));
        Assert.Equal(Now.AddMinutes(4), application.UpdatedAtUtc);
    }

    [Theory]
    [InlineData(ApplicationStatus.Interview)]
    [InlineData(ApplicationStatus.Offer)]
    [InlineData(ApplicationStatus.Hired)]
    [InlineData(ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Submitted)]
    public void ASubmittedApplicationCannotSkipAhead(ApplicationStatus target)
    {
        var application = Application.Submit(Guid.NewGuid(), "applicant", null, Now);

        Assert.Throws<ApplicationRuleException>(() => application.MoveTo(target, "recruiter", Now));
        Assert.Single(application.History);
    }

    [Fact]
    public void RejectionIsPossibleFromEveryOpenStepAndFinal()
    {
        var application = Application.Submit(Guid.NewGuid(), "applicant", null, Now);
        application.MoveTo(ApplicationStatus.Shortlisted, "recruiter", Now);
        application.MoveTo(ApplicationStatus.Rejected, "recruiter", Now);

        Assert.Empty(application.RecruiterMoves());
        Assert.Throws<ApplicationRuleException>(() => application.Withdraw(Now));
    }

    [Fact]
    public void TheApplicantCanWithdrawUntilItIsFinished()
    {
        var application = Application.Submit(Guid.NewGuid(), "applicant", null, Now);
        application.MoveTo(ApplicationStatus.Shortlisted, "recruiter", Now);

        application.Withdraw(Now.AddHours(1));

        Assert.Equal((ApplicationStatus.Withdrawn, "applicant"), (application.Status, application.History[^1].ChangedBy));
        Assert.Throws<ApplicationRuleException>(() => application.MoveTo(ApplicationStatus.Interview, "recruiter", Now));
    }
}

public sealed class CandidateProfileTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ReadyToStartItemsKeepTheDateTheyWereFirstDeclared()
    {
        var profile = CandidateProfile.For("u1");

        profile.Update(new CandidateDetails { DbsUpdateService = true }, Monday);
        profile.Update(new CandidateDetails { DbsUpdateService = true, RightToWork = true }, Monday.AddDays(3));

        Assert.Equal(DateOnly.FromDateTime(Monday), profile.DbsUpdateServiceDeclaredOn);
        Assert.Equal(DateOnly.FromDateTime(Monday.AddDays(3)), profile.RightToWorkDeclaredOn);
        Assert.Equal(["dbs", "dbs-enhanced", "right-to-work"], profile.DeclaredChecks());
    }

    [Fact]
    public void UntickingClearsTheDeclaration()
    {
        var profile = CandidateProfile.For("u1");
        profile.Update(new CandidateDetails { References = true, Statement = "  ", Languages = " English, Urdu " }, Monday);

        profile.Update(new CandidateDetails(), Monday.AddDays(1));

        Assert.Null(profile.ReferencesDeclaredOn);
        Assert.Empty(profile.DeclaredChecks());
        Assert.Null(profile.Statement);
    }
}
