using Portal.Domain.Training;

namespace Portal.Domain.Tests.Training;

public sealed class ReminderRulesTests
{
    private static readonly DateTime Completed = new(2025, 12, 10, 14, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<DueReminder> DueAt(DateTime now, DateTime? inProgressSince = null) =>
        ReminderRules.Due([new ModuleStanding("safeguarding-adults", Completed, 12, inProgressSince)], now);

    [Fact]
    public void EachExpiryStageIsDueOnceItArrivesAndOnlyTheMostUrgent()
    {
        var expiry = new DateOnly(2026, 12, 10);
        Assert.Empty(DueAt(new DateTime(2026, 11, 9, 14, 0, 0, DateTimeKind.Utc)));
        Assert.Equal([new DueReminder("safeguarding-adults", ReminderKind.ExpiresWithin30Days, expiry)], DueAt(new DateTime(2026, 11, 10, 14, 0, 0, DateTimeKind.Utc)));
        Assert.Equal([new DueReminder("safeguarding-adults", ReminderKind.ExpiresWithin7Days, expiry)], DueAt(new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc)));
        Assert.Equal([new DueReminder("safeguarding-adults", ReminderKind.Expired, expiry)], DueAt(new DateTime(2026, 12, 10, 14, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void ARoundLeftUntouchedForAWeekIsStalledAndNeverExpiringModulesAreQuiet()
    {
        var touched = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        Assert.DoesNotContain(DueAt(new DateTime(2026, 11, 8, 7, 59, 0, DateTimeKind.Utc), touched), r => r.Kind == ReminderKind.Stalled);
        Assert.Contains(new DueReminder("safeguarding-adults", ReminderKind.Stalled, new DateOnly(2026, 11, 8)), DueAt(new DateTime(2026, 11, 8, 8, 0, 0, DateTimeKind.Utc), touched));
        Assert.Empty(ReminderRules.Due([new ModuleStanding("privacy", Completed, null, null)], new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("20:59", false)]
    [InlineData("21:00", true)]
    [InlineData("02:00", true)]
    [InlineData("06:59", true)]
    [InlineData("07:00", false)]
    public void QuietHoursRunPastMidnightByDefault(string local, bool quiet) =>
        Assert.Equal(quiet, ReminderPreferences.Default("u").IsQuiet(TimeOnly.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void PreferencesChooseKindsAndDaytimeQuietHours()
    {
        var preferences = ReminderPreferences.Default("u");
        preferences.Change(expiring: true, expired: false, stalled: false, new TimeOnly(9, 0), new TimeOnly(17, 0), DateTime.UnixEpoch);
        Assert.True(preferences.Wants(ReminderKind.ExpiresWithin7Days));
        Assert.False(preferences.Wants(ReminderKind.Expired));
        Assert.False(preferences.Wants(ReminderKind.Stalled));
        Assert.True(preferences.IsQuiet(new TimeOnly(12, 0)));
        Assert.False(preferences.IsQuiet(new TimeOnly(22, 0)));
    }

    [Fact]
    public void RequiredTrainingIsOverdueTwoWeeksAfterItWasDueAndHeldTrainingNeverIs()
    {
        var joined = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        RequiredModule[] required =
        [
            new("never-done", null, 12, joined),
            new("ran-out", new DateTime(2025, 11, 10, 9, 0, 0, DateTimeKind.Utc), 12, joined),
            new("ran-out-before-joining", new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc), 12, joined),
            new("in-date", new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc), 12, joined),
            new("once-is-enough", new DateTime(2020, 1, 1, 9, 0, 0, DateTimeKind.Utc), null, joined),
        ];

        Assert.Empty(ReminderRules.RequiredOverdue(required, joined.AddDays(13)));
        Assert.Equal(
            [new DueReminder("never-done", ReminderKind.RequiredOverdue, new DateOnly(2026, 11, 1)), new DueReminder("ran-out-before-joining", ReminderKind.RequiredOverdue, new DateOnly(2026, 11, 1))],
            ReminderRules.RequiredOverdue(required, joined.AddDays(14)));
        // Ran out on 10 November: overdue from the 24th, keyed by the day it ran out.
        Assert.Contains(new DueReminder("ran-out", ReminderKind.RequiredOverdue, new DateOnly(2026, 11, 10)), ReminderRules.RequiredOverdue(required, new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc)));
        Assert.True(ReminderPreferences.Default("someone").Wants(ReminderKind.RequiredOverdue));
    }

    [Fact]
    public void TrainingRecognisedFromACredentialIsHeldUntilItsEndOrTheRefreshIntervalWhicheverIsSooner()
    {
        var joined = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var now = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        RequiredModule[] required =
        [
            new("recognised", null, 12, joined) { Recognised = (new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2027, 6, 1, 9, 0, 0, DateTimeKind.Utc)) },
            // Valid for three years by its issuer, but achieved 14 months ago where the refresher is yearly.
            new("refreshed-sooner", null, 12, joined) { Recognised = (new DateTime(2025, 10, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2028, 10, 1, 9, 0, 0, DateTimeKind.Utc)) },
            // Its own completion ran out in October 2025; the recognised credential later, on 10 November.
            new("recognised-ran-out", new DateTime(2024, 10, 1, 9, 0, 0, DateTimeKind.Utc), 12, joined) { Recognised = (new DateTime(2025, 11, 10, 9, 0, 0, DateTimeKind.Utc), null) },
        ];

        Assert.Equal(
            [new DueReminder("refreshed-sooner", ReminderKind.RequiredOverdue, new DateOnly(2026, 11, 1)), new DueReminder("recognised-ran-out", ReminderKind.RequiredOverdue, new DateOnly(2026, 11, 10))],
            ReminderRules.RequiredOverdue(required, now));
    }
}
