using Portal.Domain.Talent;

namespace Portal.Domain.Tests.Talent;

public sealed class MatchReachTests
{
    private static MatchCandidate Person(float latitude, float longitude) =>
        new(latitude, longitude, WorkDays.Weekdays, ShiftTimes.Early, true, 0, 0, 0);

    private static MatchVacancy Job(float latitude, float longitude) =>
        new(latitude, longitude, WorkDays.Weekdays, ShiftTimes.Early, false, 0, -1);

    private static bool Inside(MatchReach reach, MatchVacancy job) =>
        job.Latitude >= reach.South && job.Latitude <= reach.North && job.Longitude >= reach.West && job.Longitude <= reach.East;

    [Fact]
    public void EveryVacancyWithinReachOfAnyoneIsInsideTheBox()
    {
        // People across two Leeds-sized areas far apart, as a shard's neighbouring districts can be, and in the far north.
        var random = new Random(25);
        foreach (var (latitude, longitude) in new[] { (53.8f, -1.55f), (50.4f, -4.1f), (58.5f, -3.1f) })
        {
            var people = Enumerable.Range(0, 40).Select(_ => Person(latitude + ((float)random.NextDouble() * 0.4f), longitude + ((float)random.NextDouble() * 0.6f))).ToList();
            var reach = MatchReach.Around(people.Select(p => (p.Latitude, p.Longitude)))!.Value;
            var inReach = 0;
            for (var i = 0; i < 20_000; i++)
            {
                var job = Job(latitude - 0.5f + ((float)random.NextDouble() * 1.4f), longitude - 0.9f + ((float)random.NextDouble() * 2.4f));
                if (people.Any(p => Matching.Score(p, job) is not null))
                {
                    inReach++;
                    Assert.True(Inside(reach, job), $"{job.Latitude}, {job.Longitude} is within reach but outside the box");
                }
            }
            Assert.True(inReach > 1_000);
        }
    }

    [Fact]
    public void AVacancyWellBeyondTheCutOffIsOutsideTheBox()
    {
        var reach = MatchReach.Around([(53.80f, -1.55f)])!.Value;

        // From Leeds: Sheffield, about 29 miles south; a place about 26 miles due east; and one about 12 miles east.
        Assert.False(Inside(reach, Job(53.38f, -1.47f)));
        Assert.False(Inside(reach, Job(53.80f, -0.90f)));
        Assert.True(Inside(reach, Job(53.80f, -1.25f)));
    }

    [Fact]
    public void NobodyHasNoReach() => Assert.Null(MatchReach.Around([]));
}
