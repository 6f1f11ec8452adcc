using Portal.Domain.Passport;

namespace Portal.Domain.Tests.Passport;

public sealed class CareCertificateHeldTests
{
    private static readonly DateTime Monday = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void HeldFromWhenTheLastMissingStandardWasCovered()
    {
        var since = CareCertificateHeld.Since([1, 2, 3], [(Monday, [1, 2]), (Monday.AddDays(3), [3]), (Monday.AddDays(9), [3])]);
        Assert.Equal(Monday.AddDays(3), since);
    }

    [Fact]
    public void NotHeldWhileAnyStandardIsMissing() =>
        Assert.Null(CareCertificateHeld.Since([1, 2, 3], [(Monday, [1, 2]), (Monday.AddDays(3), [2])]));
}

public sealed class PassportCredentialTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    private static PassportCredential Credential(DateTime? until = null) =>
        PassportCredential.Issue(Guid.NewGuid(), "user", AchievementKind.Module, "completion:1", "https://portal.example/a", "Fire safety", "Lee Learner",
            null, Now, until, 1, 5, "key", "a.b.c", Now);

    [Fact]
    public void RevokingTwiceIsRefusedBecauseRevocationIsFinal()
    {
        var credential = Credential();
        credential.Revoke("Issued in error", "admin", Now);
        Assert.Throws<InvalidOperationException>(() => credential.Revoke("Again", "admin", Now));
        Assert.Equal("Issued in error", credential.RevokedReason);
    }

    [Fact]
    public void ARevocationNeedsAReason() =>
        Assert.Throws<ArgumentException>(() => Credential().Revoke("  ", "admin", Now));

    [Fact]
    public void ExpiredFromTheMomentItsValidUntilPasses()
    {
        var credential = Credential(Now.AddYears(1));
        Assert.False(credential.ExpiredAt(Now.AddYears(1).AddSeconds(-1)));
        Assert.True(credential.ExpiredAt(Now.AddYears(1)));
        Assert.False(Credential().ExpiredAt(Now.AddYears(50)));
    }

    [Fact]
    public void ACredentialCannotEndBeforeItStarts() =>
        Assert.Throws<ArgumentException>(() => Credential(Now.AddDays(-1)));
}

public sealed class PassportShareTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AShareNeedsACredentialAndAnEndWithinNinetyDays()
    {
        Assert.NotNull(PassportShare.CreateProblem(0, Now.AddDays(5), Now));
        Assert.NotNull(PassportShare.CreateProblem(1, Now, Now));
        Assert.NotNull(PassportShare.CreateProblem(1, Now.AddDays(90).AddSeconds(1), Now));
        Assert.Null(PassportShare.CreateProblem(1, Now.AddDays(90), Now));
    }

    [Fact]
    public void AWithdrawnOrEndedShareIsClosed()
    {
        var share = PassportShare.Create("user", new string('a', 64), [Guid.NewGuid()], Now.AddDays(5), Now);
        Assert.True(share.OpenAt(Now.AddDays(5).AddSeconds(-1)));
        Assert.False(share.OpenAt(Now.AddDays(5)));
        share.Withdraw(Now.AddHours(1));
        Assert.False(share.OpenAt(Now.AddHours(2)));
    }
}
