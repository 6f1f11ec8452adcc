using Portal.Domain.Talent;

namespace Portal.Domain.Tests.Talent;

public sealed class MatchingTests
{
    // Headingley (LS6) and Wetherby (LS22) district centres, roughly.
    private const float HeadingleyLat = 53.8195f;
    private const float HeadingleyLon = -1.5790f;

    private static MatchCandidate Person(float lat = HeadingleyLat, float lon = HeadingleyLon, bool licence = false, ulong held = 0b1111, ulong wanted = 0, ulong route = 0) =>
        new(lat, lon, WorkDays.Weekdays, ShiftTimes.Early | ShiftTimes.Late, licence, held, wanted, route);

    private static MatchVacancy Job(float lat = HeadingleyLat, float lon = HeadingleyLon, bool licence = false, ulong required = 0b11111, ShiftTimes shifts = ShiftTimes.Early, WorkDays days = WorkDays.Weekdays, int role = 3) =>
        new(lat, lon, days, shifts, licence, required, role);

    [Fact]
    public void HardRequirementsRuleAPairOut()
    {
        Assert.Null(Matching.Score(Person(), Job(licence: true)));
        Assert.NotNull(Matching.Score(Person(licence: true), Job(licence: true)));
        Assert.Null(Matching.Score(Person(), Job(shifts: ShiftTimes.Night)));
        // Wetherby to London is far beyond 20 miles; Headingley to Wetherby (about 12 miles) is not.
        Assert.Null(Matching.Score(Person(), Job(lat: 51.5074f, lon: -0.1278f)));
        Assert.NotNull(Matching.Score(Person(), Job(lat: 53.9270f, lon: -1.3860f)));
    }

    [Fact]
    public void NearerBetterTrainedAndWantedScoresHigherWithReasonsToMatch()
    {
        var near = Matching.Score(Person(), Job())!.Value;
        var far = Matching.Score(Person(), Job(lat: 53.9270f, lon: -1.3860f))!.Value;
        var allHeld = Matching.Score(Person(held: 0b11111), Job())!.Value;
        var wanted = Matching.Score(Person(wanted: 1UL << 3, route: 1UL << 3), Job())!.Value;
        Assert.True(near.Score > far.Score);
        Assert.True(allHeld.Score > near.Score);
        Assert.True(wanted.Score > near.Score);
        Assert.InRange(far.Miles, 9f, 13f);

        Assert.Equal(["in your area", "you hold 4 of 5 required modules", "the shift pattern fits"], Matching.Reasons(near));
        Assert.Equal(["in your area", "you hold all 5 required modules", "the shift pattern fits"], Matching.Reasons(allHeld));
        Assert.Contains("it is a job you want", Matching.Reasons(wanted));
        Assert.Contains("it is on your saved career route", Matching.Reasons(wanted));
        Assert.StartsWith("1", Matching.Reasons(far)[0], StringComparison.Ordinal);
        Assert.Equal("some of the days fit", Matching.Reasons(Matching.Score(Person(), Job(days: WorkDays.Weekend | WorkDays.Monday))!.Value)[2]);
    }

    [Fact]
    public void OrderIsBestFirstWithStableTieBreaks()
    {
        var scores = new[] { (Id: 7, Score: Matching.Score(Person(), Job())!.Value), (Id: 2, Score: Matching.Score(Person(), Job())!.Value), (Id: 5, Score: Matching.Score(Person(held: 0b11111), Job())!.Value) };
        var ordered = scores.ToList();
        ordered.Sort((a, b) => Matching.Compare(a.Score, a.Id, b.Score, b.Id));
        Assert.Equal([5, 2, 7], ordered.Select(s => s.Id));
    }
    [Fact]
    public void PayBelowWhatThePersonAskedCountsAgainstAJobAndSaysSo()
    {
        var asks12 = new MatchCandidate(HeadingleyLat, HeadingleyLon, WorkDays.Weekdays, ShiftTimes.Early, false, 0, 0, 0, PayAsked: 12.00f);
        var pays13 = Matching.Score(asks12, new MatchVacancy(HeadingleyLat, HeadingleyLon, WorkDays.Weekdays, ShiftTimes.Early, false, 0, 3, HourlyPay: 13.00f))!.Value;
        var pays11 = Matching.Score(asks12, new MatchVacancy(HeadingleyLat, HeadingleyLon, WorkDays.Weekdays, ShiftTimes.Early, false, 0, 3, HourlyPay: 11.00f))!.Value;
        var pays9 = Matching.Score(asks12, new MatchVacancy(HeadingleyLat, HeadingleyLon, WorkDays.Weekdays, ShiftTimes.Early, false, 0, 3, HourlyPay: 9.00f))!.Value;
        Assert.True(pays13.Score > pays11.Score && pays11.Score > pays9.Score);
        Assert.Equal(10f, pays13.Score - pays9.Score, 0.001f);
        Assert.Contains("it pays £13.00 an hour, at least the £12.00 you asked", Matching.Reasons(pays13));
        Assert.Contains("it pays £11.00 an hour, less than the £12.00 you asked", Matching.Reasons(pays11));
        Assert.Contains("asks £12.00 an hour, more than the job pays", Matching.Reasons(pays11, MatchSide.Recruiter));
    }

    [Fact]
    public void RequiredQualificationsCountWithTrainingAndRecruitersReadAboutThePerson()
    {
        var person = new MatchCandidate(HeadingleyLat, HeadingleyLon, WorkDays.Monday | WorkDays.Tuesday, ShiftTimes.Early, false, 0b1, 0, 0, ProgrammesHeld: 0b01);
        var job = new MatchVacancy(HeadingleyLat, HeadingleyLon, WorkDays.Monday | WorkDays.Tuesday | WorkDays.Wednesday, ShiftTimes.Early, false, 0b1, 3, ProgrammesRequired: 0b11);
        var score = Matching.Score(person, job)!.Value;
        Assert.Equal((1, 2), (score.ProgrammesHeld, score.ProgrammesRequired));
        Assert.Equal(["in your area", "you hold all 1 required modules", "you hold 1 of 2 required qualifications", "the shift pattern mostly fits"], Matching.Reasons(score));
        Assert.Equal(["lives in the area", "holds all 1 required modules", "holds 1 of 2 required qualifications", "free on most of its days"], Matching.Reasons(score, MatchSide.Recruiter));
    }
}

public sealed class TopMatchesTests
{
    [Fact]
    public void KeepsTheBestInOrderWithLowerIdsWinningTiesAndACutoffOnceFull()
    {
        var top = new TopMatches(3);
        top.Offer(50f, 9);
        Assert.Equal(-1f, top.Cutoff);
        foreach (var (score, id) in new[] { (70f, 4), (50f, 2), (90f, 7), (50f, 1), (10f, 0) })
            top.Offer(score, id);
        Assert.Equal([7, 4, 1], top.Ids.ToArray());
        Assert.Equal(50f, top.Cutoff);
        Assert.False(top.WouldKeep(50f, 2));
        Assert.True(top.WouldKeep(50f, 0));
    }
}

public sealed class MatchBlocksTests
{
    /// <summary>2,000 people and 2,000 vacancies spread over 120 x 120 miles: blocking keeps the brute-force top 20 for each person.</summary>
    [Fact]
    public void BlockingKeepsTheBruteForceTopTwenty()
    {
        var random = new Random(7);
        float Lat() => 53.0f + ((float)random.NextDouble() * 1.74f);
        float Lon() => -2.8f + ((float)random.NextDouble() * 2.94f);
        var people = Enumerable.Range(0, 2_000).Select(_ => new MatchCandidate(Lat(), Lon(), (WorkDays)random.Next(1, 128), (ShiftTimes)random.Next(1, 8), random.Next(2) == 0, (ulong)random.NextInt64(), 1UL << random.Next(30), 0)).ToArray();
        var jobs = Enumerable.Range(0, 2_000).Select(_ => new MatchVacancy(Lat(), Lon(), (WorkDays)random.Next(1, 128), (ShiftTimes)random.Next(1, 8), random.Next(3) == 0, (ulong)random.NextInt64() & 0x3F, random.Next(30))).ToArray();
        var blocks = new MatchBlocks(jobs, 53.8f);

        List<int> Top(MatchCandidate person, IEnumerable<int> candidates)
        {
            var scored = candidates.Select(j => (Id: j, Score: Matching.Score(person, jobs[j]))).Where(s => s.Score is not null).Select(s => (s.Id, Score: s.Score!.Value)).ToList();
            scored.Sort((a, b) => Matching.Compare(a.Score, a.Id, b.Score, b.Id));
            return [.. scored.Take(20).Select(s => s.Id)];
        }

        int kept = 0, total = 0, compared = 0;
        foreach (var person in people)
        {
            var near = blocks.Near(person.Latitude, person.Longitude).ToList();
            compared += near.Count;
            var brute = Top(person, Enumerable.Range(0, jobs.Length));
            var blocked = Top(person, near);
            total += brute.Count;
            kept += brute.Intersect(blocked).Count();
        }

        Assert.True(total > 10_000, $"only {total} matches in the sample");
        Assert.True(kept >= total * 0.99, $"blocking kept {kept} of {total} top-20 matches");
        // And it does less work than scoring every pair.
        Assert.True(compared < people.Length * jobs.Length * 0.4, $"{compared} pairs compared");
    }
}
