using Portal.Domain.Organisations;

namespace Portal.Domain.Tests.Organisations;

public sealed class JobHistoryTests
{
    private static readonly DateTime Joined = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Promoted = new(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void StaffStartWithOneJobFromTheDayTheyJoin()
    {
        var staff = Membership.Start(Guid.NewGuid(), "amy", MembershipRole.Staff, Joined, "care-worker", apprentice: true);

        var job = Assert.Single(staff.Jobs);
        Assert.Equal(("care-worker", true, Joined, (DateTime?)null), (job.JobRole, job.Apprenticeship, job.FromUtc, job.ToUtc));
        Assert.True(staff.Apprentice);
    }

    [Fact]
    public void ANewJobClosesTheOldOneAndOpensTheNew()
    {
        var staff = Membership.Start(Guid.NewGuid(), "amy", MembershipRole.Staff, Joined, "care-worker");

        staff.ChangeJob("senior-care-worker", "North", false, "manager", Promoted);

        Assert.Equal([("care-worker", Joined, (DateTime?)Promoted), ("senior-care-worker", Promoted, null)], staff.Jobs.Select(j => (j.JobRole, j.FromUtc, j.ToUtc)));
        Assert.Equal("senior-care-worker", staff.JobRole);
    }

    [Fact]
    public void StartingAnApprenticeshipInTheSameJobIsANewRowButANewTeamIsNot()
    {
        var staff = Membership.Start(Guid.NewGuid(), "amy", MembershipRole.Staff, Joined, "care-worker");

        staff.ChangeJob("care-worker", "North", false, "manager", Promoted);
        Assert.Single(staff.Jobs);
        staff.ChangeJob("care-worker", "North", false, "manager", Promoted.AddDays(1), apprentice: true);

        Assert.Equal([false, true], staff.Jobs.Select(j => j.Apprenticeship));
        // Leaving the apprenticeship unsaid keeps it.
        staff.ChangeJob("care-worker", "South", true, "manager", Promoted.AddDays(2));
        Assert.Equal(2, staff.Jobs.Count);
        Assert.True(staff.Apprentice);
    }

    [Fact]
    public void TheLastJobEndsWithTheMembership()
    {
        var staff = Membership.Start(Guid.NewGuid(), "amy", MembershipRole.Staff, Joined, "care-worker");
        staff.End(Promoted);

        var job = Assert.Single(staff.Jobs);
        Assert.True(job.HeldAt(Promoted.AddSeconds(-1), staff.EndedAtUtc));
        Assert.False(job.HeldAt(Promoted, staff.EndedAtUtc));
        Assert.False(job.HeldAt(Joined.AddSeconds(-1), staff.EndedAtUtc));
    }

    [Fact]
    public void RecordingTheFirstJobOfAnOlderMembershipHappensOnce()
    {
        var staff = Membership.Start(Guid.NewGuid(), "amy", MembershipRole.Staff, Joined, "care-worker");

        staff.RecordFirstJob();

        Assert.Single(staff.Jobs);
    }

    [Fact]
    public void ManagersAndRecruitersHaveNoJobAndAreNotApprentices()
    {
        Assert.Empty(Membership.Start(Guid.NewGuid(), "boss", MembershipRole.Manager, Joined).Jobs);
        Assert.Throws<ArgumentException>(() => Membership.Start(Guid.NewGuid(), "boss", MembershipRole.Manager, Joined, apprentice: true));
    }
}
