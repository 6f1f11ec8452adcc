using Portal.Domain.Navigation;

namespace Portal.Domain.Tests.Navigation;

public sealed class NavigationCaseTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);

    private static NavigationCase Asked() =>
        NavigationCase.Start(Guid.NewGuid(), "person", true, "Help me into care work", ContactPreference.Phone, "07700 900123", "Mornings", Now);

    [Fact]
    public void ThereIsNoRecordWithoutConsent() =>
        Assert.Throws<InvalidOperationException>(() => NavigationCase.Start(Guid.NewGuid(), "person", false, "Help", ContactPreference.Email, null, null, Now));

    [Fact]
    public void ARequestWaitsInTheQueueUntilTaken()
    {
        var asked = Asked();
        Assert.True(asked.InQueue);
        asked.Take("navigator", Now);
        Assert.False(asked.InQueue);
        Assert.Throws<InvalidOperationException>(() => asked.Take("another", Now));
    }

    [Fact]
    public void ACallOrATextNeedsAPhoneNumberThatLooksLikeOne()
    {
        Assert.Equal("Phone", NavigationCase.Problem("Help", ContactPreference.Phone, null, null)?.Field);
        Assert.Equal("Phone", NavigationCase.Problem("Help", ContactPreference.TextMessage, "call me", null)?.Field);
        Assert.Null(NavigationCase.Problem("Help", ContactPreference.TextMessage, "+44 7700 900123", null));
        Assert.Null(NavigationCase.Problem("Help", ContactPreference.Email, null, null));
    }

    [Fact]
    public void StagesMoveOneStepOnOrBackAndNeverBackToNew()
    {
        Assert.True(CaseStages.CanMove(CaseStage.New, CaseStage.Exploring));
        Assert.True(CaseStages.CanMove(CaseStage.Applying, CaseStage.InWork));
        Assert.True(CaseStages.CanMove(CaseStage.InWork, CaseStage.Applying));
        Assert.False(CaseStages.CanMove(CaseStage.Exploring, CaseStage.Applying));
        Assert.False(CaseStages.CanMove(CaseStage.Exploring, CaseStage.New));
        Assert.False(CaseStages.CanMove(CaseStage.New, CaseStage.Preparing));
    }

    [Fact]
    public void AnyOpenStageCanCloseAndNothingFollowsClosing()
    {
        Assert.All(CaseStages.Open, stage => Assert.True(CaseStages.CanMove(stage, CaseStage.Closed)));
        Assert.Empty(CaseStages.Next(CaseStage.Closed));
    }

    [Fact]
    public void AStageCannotChangeBeforeSomeoneTakesTheRequest()
    {
        var asked = Asked();
        Assert.Throws<InvalidOperationException>(() => asked.MoveTo(CaseStage.Exploring, Now));
        asked.Take("navigator", Now);
        asked.MoveTo(CaseStage.Exploring, Now);
        Assert.Equal(CaseStage.Exploring, asked.Stage);
        Assert.Throws<InvalidOperationException>(() => asked.MoveTo(CaseStage.InWork, Now));
    }

    [Fact]
    public void WithdrawingConsentClosesAtOnceAndHidesTheCase()
    {
        var asked = Asked();
        asked.Take("navigator", Now);
        asked.WithdrawConsent(Now);
        Assert.Equal(CaseStage.Closed, asked.Stage);
        Assert.False(asked.Visible);
        Assert.Equal(CaseClosure.ConsentWithdrawn, asked.ClosedBecause);
    }

    [Fact]
    public void LastContactIsTheLatestNotTheLastWritten()
    {
        var asked = Asked();
        asked.Contacted(new DateOnly(2026, 12, 3));
        asked.Contacted(new DateOnly(2026, 12, 1));
        Assert.Equal(new DateOnly(2026, 12, 3), asked.LastContactOn);
    }
}
