using Portal.Domain.Notifications;

namespace Portal.Domain.Tests.Notifications;

public sealed class MailKindsTests
{
    [Theory]
    [InlineData("reminders:user-1:2026-12-05", MailKind.TrainingReminder)]
    [InlineData("overdue:manager-1:2026-12-05", MailKind.OverdueTraining)]
    [InlineData("job-alert:abc:123", MailKind.JobAlert)]
    [InlineData("matches:user-1:2026-49", MailKind.Matches)]
    [InlineData("invite-to-apply:v:u", MailKind.InviteToApply)]
    [InlineData("application:a:2", MailKind.Application)]
    [InlineData("organisation-request:r:decided", MailKind.OrganisationRequest)]
    public void ABatchJobsDedupeKeyNamesWhatItsMailIsFor(string key, MailKind kind) =>
        Assert.Equal(kind, MailKinds.FromDedupeKey(key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("welcome")]
    [InlineData(":leading-colon")]
    [InlineData("something-new:1")]
    public void AnyOtherKeyIsOther(string? key) => Assert.Equal(MailKind.Other, MailKinds.FromDedupeKey(key));
}
