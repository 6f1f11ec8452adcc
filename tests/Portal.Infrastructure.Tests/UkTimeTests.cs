namespace Portal.Infrastructure.Tests;

public sealed class UkTimeTests
{
    [Fact]
    public void HalfPastMidnightOnASummerMorningIsThatMorningsDate()
    {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July.
        var utc = new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal("1 July 2026", utc.UkDate());
        Assert.Equal(new DateOnly(2026, 7, 1), UkTime.Today(utc));
        Assert.Equal("2026-07-01", utc.UkIsoDate());
    }

    [Fact]
    public void InWinterTheUkClockIsUtc()
    {
        var utc = new DateTime(2026, 12, 31, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal("31 December 2026", utc.UkDate());
        Assert.Equal("31 December 2026 at 23:30", utc.UkDateAndTime());
    }

    [Fact]
    public void TheClockGoesForwardAnHourOnTheLastSundayOfMarch()
    {
        Assert.Equal("29 March 2026 at 00:59", new DateTime(2026, 3, 29, 0, 59, 0, DateTimeKind.Utc).UkDateAndTime());
        Assert.Equal("29 March 2026 at 02:00", new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc).UkDateAndTime());
    }

    [Fact]
    public void AValueReadBackFromTheDatabaseWithoutAKindIsTakenAsUtc()
    {
        var stored = new DateTime(2026, 7, 1, 13, 5, 0, DateTimeKind.Unspecified);

        Assert.Equal("1 July 2026 at 14:05", stored.UkDateAndTime());
    }

    [Fact]
    public void CalendarDatesAreWrittenInBritishEnglish()
    {
        var date = new DateOnly(2026, 12, 5);

        Assert.Equal("5 December 2026", date.UkDate());
        Assert.Equal("5 Dec 2026", date.UkShortDate());
        Assert.Equal("5 December", date.UkDayAndMonth());
        Assert.Equal("£12.60", UkEnglish.Money(12.6m));
    }
}
