using Portal.Domain.Audit;

namespace Portal.Domain.Tests.Audit;

public sealed class AuditEventTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AnEventRecordsWhoDidWhatToWhichThingFromWhereAndWhen()
    {
        var organisation = Guid.NewGuid();

        var recorded = AuditEvent.Record(AuditAction.MailRetried, "user-1", AuditSubject.OutboxMessage, "42", Now, organisation, "203.0.113.7", "after 8 attempts");

        Assert.Equal((AuditAction.MailRetried, "user-1", AuditSubject.OutboxMessage, "42", Now), (recorded.Action, recorded.ActorUserId, recorded.SubjectKind, recorded.SubjectId, recorded.OccurredUtc));
        Assert.Equal((organisation, "203.0.113.7", "after 8 attempts"), (recorded.OrganisationId, recorded.IpAddress, recorded.Details));
    }

    [Fact]
    public void LongDetailsAreShortenedRatherThanTheEventLost()
    {
        var recorded = AuditEvent.Record(AuditAction.MailDiscarded, "user-1", AuditSubject.OutboxMessage, "42", Now, details: new string('x', 2000));

        Assert.Equal(AuditEvent.MaxDetailsLength, recorded.Details!.Length);
    }

    [Fact]
    public void BlankDetailsAndAddressAreLeftOut()
    {
        var recorded = AuditEvent.Record(AuditAction.MailDiscarded, null, AuditSubject.OutboxMessage, "42", Now, ipAddress: " ", details: "");

        Assert.Null(recorded.IpAddress);
        Assert.Null(recorded.Details);
        Assert.Null(recorded.ActorUserId);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void AnEventWithoutASubjectIsRefused(string subjectId) =>
        Assert.Throws<ArgumentException>(() => AuditEvent.Record(AuditAction.MailRetried, "user-1", AuditSubject.OutboxMessage, subjectId, Now));

    [Fact]
    public void ATimeThatIsNotUtcIsRefused() =>
        Assert.Throws<ArgumentException>(() => AuditEvent.Record(AuditAction.MailRetried, "user-1", AuditSubject.OutboxMessage, "42", DateTime.SpecifyKind(Now, DateTimeKind.Local)));
}
