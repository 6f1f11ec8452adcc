using Portal.Domain.Organisations;

namespace Portal.Domain.Tests.Organisations;

public sealed class InvitationTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OnlyAHashOfTheTokenIsKept()
    {
        var (invitation, token) = Invitation.Create(Guid.NewGuid(), " Rita@Example.com ", MembershipRole.Recruiter, "admin", Now);

        Assert.NotEqual(token, invitation.TokenHash);
        Assert.Equal(Invitation.Hash(token), invitation.TokenHash);
        Assert.Equal("rita@example.com", invitation.Email);
    }

    [Fact]
    public void TheRefusalToSomeoneElseDoesNotNameTheInvitedAddress()
    {
        var (invitation, _) = Invitation.Create(Guid.NewGuid(), "rita.khan@example.com", MembershipRole.Recruiter, "admin", Now);

        Assert.DoesNotContain("rita", invitation.Refusal("sam@example.com", Now), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ItWorksOnceForItsOwnAddressBeforeItExpires()
    {
        var (invitation, _) = Invitation.Create(Guid.NewGuid(), "rita@example.com", MembershipRole.Recruiter, "admin", Now);

        Assert.Contains("another email address", invitation.Refusal("sam@example.com", Now), StringComparison.Ordinal);
        Assert.Contains("expired", invitation.Refusal("rita@example.com", Now + Invitation.LifeTime), StringComparison.Ordinal);
        invitation.Accept("u1", "RITA@example.com", Now.AddDays(1));
        Assert.Contains("already been used", invitation.Refusal("rita@example.com", Now.AddDays(2)), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => invitation.Accept("u1", "rita@example.com", Now.AddDays(2)));
    }

    [Fact]
    public void OnlyStaffAreInvitedOnAnApprenticeship()
    {
        var (staff, _) = Invitation.Create(Guid.NewGuid(), "lee@example.com", MembershipRole.Staff, "manager", Now, "care-worker", apprenticeship: true);

        Assert.True(staff.Apprenticeship);
        Assert.Throws<ArgumentException>(() => Invitation.Create(Guid.NewGuid(), "rita@example.com", MembershipRole.Recruiter, "admin", Now, apprenticeship: true));
    }
}
