using Portal.Domain.Compliance;

namespace Portal.Domain.Tests.Compliance;

public sealed class CompetencyRecordTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly string[] Checklist = ["Checks the care plan", "Washes hands", "Records the reading"];

    private static CompetencyRecord SignOff(DateOnly on, string by = "nurse") =>
        CompetencyRecord.SignOff(Organisation, "worker", "blood-glucose-monitoring", "v1", Checklist, [0, 1, 2], "Calm and careful", on, by, on.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc));

    [Fact]
    public void ASignOffRecordsWhoWhenAndTheChecklistAsItRead()
    {
        var record = SignOff(Today);
        Assert.Equal(CompetencyRecordKind.SignedOff, record.Kind);
        Assert.Equal("nurse", record.RecordedBy);
        Assert.Equal("v1", record.ChecklistVersion);
        Assert.Equal("Checks the care plan\nWashes hands\nRecords the reading", record.StepsObserved);
        Assert.Equal(Today, record.On);
        Assert.Equal(Today.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc), record.RecordedAtUtc);
    }

    [Fact]
    public void NobodySignsOffThemselves()
    {
        var problem = CompetencyRecord.SignOffProblem("nurse", "nurse", 3, [0, 1, 2], null, Today, Now);
        Assert.Contains("your own", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CompetencyRecord.SignOff(Organisation, "nurse", "x", "v1", Checklist, [0, 1, 2], null, Today, "nurse", Now));
    }

    [Fact]
    public void EveryStepMustBeTicked()
    {
        Assert.Contains("1 of 3 are not ticked", CompetencyRecord.SignOffProblem("worker", "nurse", 3, [0, 2], null, Today, Now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 3 })]
    [InlineData(new[] { 0, 1, 1 })]
    [InlineData(new[] { -1, 0, 1 })]
    public void TamperedStepsAreRefused(int[] steps)
    {
        Assert.Contains("do not match this checklist", CompetencyRecord.SignOffProblem("worker", "nurse", 3, steps, null, Today, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void TheObservationIsNotInTheFutureNorLongAgo()
    {
        Assert.Contains("future", CompetencyRecord.SignOffProblem("worker", "nurse", 3, [0, 1, 2], null, Today.AddDays(1), Now), StringComparison.Ordinal);
        Assert.Contains("within 30 days", CompetencyRecord.SignOffProblem("worker", "nurse", 3, [0, 1, 2], null, Today.AddDays(-31), Now), StringComparison.Ordinal);
        Assert.Null(CompetencyRecord.SignOffProblem("worker", "nurse", 3, [0, 1, 2], null, Today.AddDays(-30), Now));
        Assert.Contains("2000", CompetencyRecord.SignOffProblem("worker", "nurse", 3, [0, 1, 2], new string('x', 2001), Today, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void TodayIsTheUkDateNotTheUtcOne()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London: an observation that day is not in the future.
        var lateUtc = new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc);
        Assert.Contains("future", CompetencyRecord.SignOffProblem("worker", "nurse", 3, [0, 1, 2], null, new DateOnly(2026, 7, 1), lateUtc), StringComparison.Ordinal);
        Assert.Null(CompetencyRecord.SignOffProblem("worker", "nurse", 3, [0, 1, 2], null, new DateOnly(2026, 7, 1), lateUtc, today: new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void ValidUntilTheReviewIntervalThenExpired()
    {
        var log = new[] { SignOff(Today.AddMonths(-11)) };
        var cell = CompetencyStanding.Cell(log, 12, Now);
        Assert.Equal(ComplianceStatus.Expiring30, cell.Status);
        Assert.Equal(Today.AddMonths(-11).AddMonths(12), cell.Expires);
        Assert.Equal(ComplianceStatus.Expired, CompetencyStanding.Cell(log, 6, Now).Status);
        Assert.Equal(ComplianceStatus.Missing, CompetencyStanding.Cell(Array.Empty<CompetencyRecord>(), 12, Now).Status);
    }

    [Fact]
    public void ALaterSignOffReplacesAnEarlierOneAndARevokedLatestDoesNotBringTheEarlierBack()
    {
        var events = new[]
        {
            new CompetencyEvent(1, CompetencyRecordKind.SignedOff, Today.AddMonths(-10), null),
            new CompetencyEvent(2, CompetencyRecordKind.SignedOff, Today.AddMonths(-2), null),
        };
        Assert.Equal(2, CompetencyStanding.Current(events)!.Value.Id);
        Assert.Null(CompetencyStanding.Current([.. events, new CompetencyEvent(3, CompetencyRecordKind.Revoked, Today, 2)]));
        // Withdrawn for a wrong date and recorded again dated earlier: the one recorded later counts.
        Assert.Equal(4, CompetencyStanding.Current([
            new CompetencyEvent(3, CompetencyRecordKind.SignedOff, Today.AddDays(-1), null),
            new CompetencyEvent(5, CompetencyRecordKind.Revoked, Today, 3),
            new CompetencyEvent(4, CompetencyRecordKind.SignedOff, Today.AddDays(-3), null)])!.Value.Id);
        // Withdrawing an old sign-off leaves the newer one in force.
        Assert.Equal(2, CompetencyStanding.Current([.. events, new CompetencyEvent(3, CompetencyRecordKind.Revoked, Today, 1)])!.Value.Id);
    }

    [Fact]
    public void ARevokeNeedsAReasonAndWithdrawsTheSignOff()
    {
        var signOff = SignOff(Today);
        Assert.Throws<ArgumentException>(() => CompetencyRecord.Revoke(signOff, " ", "nurse", Now));
        var revoke = CompetencyRecord.Revoke(signOff, "Skipped hand hygiene on a later visit", "nurse", Now);
        Assert.Equal(CompetencyRecordKind.Revoked, revoke.Kind);
        Assert.Equal("Skipped hand hygiene on a later visit", revoke.Note);
        Assert.Throws<ArgumentException>(() => CompetencyRecord.Revoke(revoke, "again", "nurse", Now));
        Assert.Null(CompetencyStanding.Current([signOff, revoke]));
        Assert.Equal(ComplianceStatus.Missing, CompetencyStanding.Cell([signOff, revoke], 12, Now).Status);
    }
}
