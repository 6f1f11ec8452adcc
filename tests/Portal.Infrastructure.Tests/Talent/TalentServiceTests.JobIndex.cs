using Portal.Domain.Talent;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>The in-memory job index follows the database: at once for changes on its own node, within a second for others.</summary>
public abstract partial class TalentServiceTests<TDatabase>
{
    [Fact]
    public async Task TheJobIndexSeesItsOwnChangesAtOnceAndAnotherNodesWithinASecond()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Index Care {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..10];
        await using var node = Services();
        var search = node.Get<JobSearch>();
        Assert.Equal(0, (await search.SearchAsync(new JobQuery { Keyword = tag })).Total);

        // Published through another node (its own index): this node's index has not looked yet.
        var elsewhere = await PublishedAsync(org, recruiter, Details($"Night carer {tag}"));
        Assert.Equal(0, (await search.SearchAsync(new JobQuery { Keyword = tag })).Total);
        Time.Advance(JobIndex.RecheckEvery);
        Assert.Equal([elsewhere], (await search.SearchAsync(new JobQuery { Keyword = tag })).Jobs.Select(j => j.Id));

        // Closed through this node: gone from the next search, with no wait.
        Assert.True((await node.Get<VacancyService>().ChangeAsync(recruiter, elsewhere, (v, now) => v.Close(now))).IsDone);
        Assert.Equal(0, (await search.SearchAsync(new JobQuery { Keyword = tag })).Total);
        Assert.True((await node.Get<VacancyService>().ChangeAsync(recruiter, elsewhere, (v, now) => v.Reopen(new DateOnly(2026, 12, 20), now, new TalentOptions().LegalMinimumWage()))).IsDone);
        Assert.Equal(1, (await search.SearchAsync(new JobQuery { Keyword = tag })).Total);

        // Past its closing date it drops out without any change to read.
        Time.SetUtcNow(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, (await search.SearchAsync(new JobQuery { Keyword = tag })).Total);
    }

    [Fact]
    public void KeywordsMatchWholeWordsByTheirStartTitleWordsCountingDouble()
    {
        JobDocument Doc(int n, string title, string description) => new(
            new Guid(n, 0, 0, new byte[8]), title, "Org", "care-worker", "LS6", 53.8, -1.57, 13m, 30m, new DateOnly(2026, 12, 31),
            DateTime.UnixEpoch, DateTime.UnixEpoch, false, false, PayBasis.WholeShift, ShiftTimes.Early, [], Words.Of(title), Words.Of(description),
            WorkDays.Weekdays, false, [], []);
        var snapshot = JobSnapshot.Build([Doc(1, "Night care worker", "Waking nights in a dementia home."), Doc(2, "Dementia support", "Days only."), Doc(3, "Driver", "Careful driving.")]);

        Assert.Equal([1, 2, 0], snapshot.Score("dementia")!);
        Assert.Equal([3, 0, 0], snapshot.Score("night")!);
        Assert.Equal([2, 0, 1], snapshot.Score("car")!);
        Assert.Equal([0, 0, 0], snapshot.Score("are")!);
        Assert.Equal([4, 0, 0], snapshot.Score("NIGHT, dem")!);
        Assert.Null(snapshot.Score(" ,- "));
        Assert.Equal(["care", "worker", "s", "l3"], Words.Of("Care-worker's L3 care"));
    }
}
