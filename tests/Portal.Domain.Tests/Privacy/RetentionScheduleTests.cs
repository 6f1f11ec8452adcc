using Portal.Domain.Privacy;

namespace Portal.Domain.Tests.Privacy;

public sealed class RetentionScheduleTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 3, 45, 0, DateTimeKind.Utc);
    private static readonly RetentionSchedule Schedule = new(7, 6, 12, 12, 36);

    [Fact]
    public void UnconfirmedAccountsGoOnceTheyAreOlderThanTheirDays() =>
        Assert.Equal(new DateTime(2026, 11, 28, 3, 45, 0, DateTimeKind.Utc), Schedule.UnconfirmedAccountsCreatedBefore(Now));

    [Fact]
    public void ApplicationsGoTheirMonthsAfterTheVacancyClosed() =>
        Assert.Equal(new DateOnly(2026, 6, 5), Schedule.ApplicationsOfVacanciesClosedBefore(new DateOnly(2026, 12, 5)));

    [Fact]
    public void MailAndTheAuditLogGoAfterTheirMonths()
    {
        Assert.Equal(new DateTime(2025, 12, 5, 3, 45, 0, DateTimeKind.Utc), Schedule.MailCreatedBefore(Now));
        Assert.Equal(new DateTime(2025, 12, 5, 3, 45, 0, DateTimeKind.Utc), Schedule.AuditEventsBefore(Now));
    }

    [Fact]
    public void KeptEvidenceIsKeptForItsMonthsFromTheErasure() =>
        Assert.Equal(new DateTime(2029, 12, 5, 3, 45, 0, DateTimeKind.Utc), Schedule.KeepEvidenceUntil(Now));

    [Fact]
    public void EachPeriodIsItsOwn()
    {
        var longer = Schedule with { MailMonths = 24 };

        Assert.Equal(new DateTime(2024, 12, 5, 3, 45, 0, DateTimeKind.Utc), longer.MailCreatedBefore(Now));
        Assert.Equal(Schedule.AuditEventsBefore(Now), longer.AuditEventsBefore(Now));
    }

    [Fact]
    public void ALocalTimeIsRefused() =>
        Assert.Throws<ArgumentException>(() => Schedule.AuditEventsBefore(DateTime.SpecifyKind(Now, DateTimeKind.Local)));
}
