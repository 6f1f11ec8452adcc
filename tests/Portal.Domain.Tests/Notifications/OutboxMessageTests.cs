using Portal.Domain.Notifications;

namespace Portal.Domain.Tests.Notifications;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly OutboxRetryPolicy Policy = new(3, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
    private static readonly OutgoingMail Mail = new("worker@example.com", "Your training", "Hello");

    [Fact]
    public void NewMessageIsPendingAndDueAtOnce()
    {
        var message = OutboxMessage.Create(Mail, Now);

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(Now, message.NextAttemptUtc);
        Assert.Equal(0, message.Attempts);
    }

    [Fact]
    public void SentMessageRecordsWhenAndCountsTheAttempt()
    {
        var message = OutboxMessage.Create(Mail, Now);

        message.MarkSent(Now.AddSeconds(5));

        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(Now.AddSeconds(5), message.SentUtc);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public void SentMessageNoLongerKeepsItsBodyWhichMayHoldOneTimeLinks()
    {
        var message = OutboxMessage.Create(Mail with { HtmlBody = "<a href='https://x/reset?code=secret'>reset</a>" }, Now);

        message.MarkSent(Now);

        Assert.Equal("", message.TextBody);
        Assert.Null(message.HtmlBody);
        Assert.Equal(Mail.Subject, message.Subject);
    }

    [Fact]
    public void FailureSchedulesARetryWithGrowingDelay()
    {
        var message = OutboxMessage.Create(Mail, Now);

        message.RecordFailure("550 mailbox unavailable", Now, Policy);
        Assert.Equal(Now.AddMinutes(1), message.NextAttemptUtc);

        message.RecordFailure("550 mailbox unavailable", Now, Policy);
        Assert.Equal(Now.AddMinutes(2), message.NextAttemptUtc);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal("550 mailbox unavailable", message.LastError);
    }

    [Fact]
    public void LastAllowedFailureDeadLettersTheMessageWithTheReason()
    {
        var message = OutboxMessage.Create(Mail, Now);

        for (var i = 0; i < Policy.MaxAttempts; i++)
            message.RecordFailure($"rejected {i}", Now, Policy);

        Assert.Equal(OutboxStatus.DeadLettered, message.Status);
        Assert.Equal("rejected 2", message.LastError);
        Assert.Throws<InvalidOperationException>(() => message.MarkSent(Now));
    }

    [Fact]
    public void DeferringForAnOutageSpendsNoAttempt()
    {
        var message = OutboxMessage.Create(Mail, Now);

        message.Defer("connection refused", Now.AddMinutes(1));

        Assert.Equal(0, message.Attempts);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(Now.AddMinutes(1), message.NextAttemptUtc);
    }

    [Fact]
    public void SentMessageCannotBeSentAgain()
    {
        var message = OutboxMessage.Create(Mail, Now);
        message.MarkSent(Now);

        Assert.Throws<InvalidOperationException>(() => message.MarkSent(Now));
    }

    [Fact]
    public void RequeuedDeadLetterIsPendingWithAttemptsReset()
    {
        var message = OutboxMessage.Create(Mail, Now);
        for (var i = 0; i < Policy.MaxAttempts; i++)
            message.RecordFailure("rejected", Now, Policy);

        message.Requeue(Now.AddDays(1));

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(Now.AddDays(1), message.NextAttemptUtc);
    }

    [Fact]
    public void DeadLetterKeepsItsBodiesSoARetrySendsItWhole()
    {
        var message = DeadLetter(Mail with { HtmlBody = "<p>Hello</p>" });

        message.Requeue(Now.AddDays(1));

        Assert.Equal(Mail with { HtmlBody = "<p>Hello</p>" }, message.ToMail());
    }

    [Fact]
    public void RequeuedDeadLetterKeepsItsLastErrorUntilItIsSent()
    {
        var message = DeadLetter(Mail);

        message.Requeue(Now.AddDays(1));
        Assert.Equal("rejected", message.LastError);

        message.MarkSent(Now.AddDays(1));
        Assert.Null(message.LastError);
    }

    [Fact]
    public void OnlyADeadLetterCanBeRequeued()
    {
        var pending = OutboxMessage.Create(Mail, Now);
        var sent = OutboxMessage.Create(Mail, Now);
        sent.MarkSent(Now);
        var discarded = DeadLetter(Mail);
        discarded.Discard();

        Assert.Throws<InvalidOperationException>(() => pending.Requeue(Now));
        Assert.Throws<InvalidOperationException>(() => sent.Requeue(Now));
        Assert.Throws<InvalidOperationException>(() => discarded.Requeue(Now));
        Assert.Equal((OutboxStatus.Pending, OutboxStatus.Sent, OutboxStatus.Discarded), (pending.Status, sent.Status, discarded.Status));
    }

    [Fact]
    public void DiscardedDeadLetterIsKeptAsARecordButNoLongerADeadLetter()
    {
        var message = DeadLetter(Mail);

        message.Discard();

        Assert.Equal(OutboxStatus.Discarded, message.Status);
        Assert.False(message.IsDeadLetter);
        Assert.Equal((Mail.To, Mail.Subject, Policy.MaxAttempts, "rejected"), (message.To, message.Subject, message.Attempts, message.LastError));
    }

    [Fact]
    public void DiscardedMessageNoLongerKeepsItsBodyWhichMayHoldOneTimeLinks()
    {
        var message = DeadLetter(Mail with { HtmlBody = "<a href='https://x/reset?code=secret'>reset</a>" });

        message.Discard();

        Assert.Equal("", message.TextBody);
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public void OnlyADeadLetterCanBeDiscarded()
    {
        var pending = OutboxMessage.Create(Mail, Now);
        var sent = OutboxMessage.Create(Mail, Now);
        sent.MarkSent(Now);

        Assert.Throws<InvalidOperationException>(pending.Discard);
        Assert.Throws<InvalidOperationException>(sent.Discard);
        Assert.Equal("Hello", pending.TextBody);
    }

    [Fact]
    public void DiscardedMessageCannotBeSent()
    {
        var message = DeadLetter(Mail);
        message.Discard();

        Assert.Throws<InvalidOperationException>(() => message.MarkSent(Now));
    }

    [Fact]
    public void EachTryRecordsWhenItHappened()
    {
        var message = OutboxMessage.Create(Mail, Now);
        Assert.Null(message.LastAttemptUtc);

        message.RecordFailure("450 try later", Now.AddMinutes(1), Policy);
        Assert.Equal(Now.AddMinutes(1), message.LastAttemptUtc);

        message.MarkSent(Now.AddMinutes(3));
        Assert.Equal(Now.AddMinutes(3), message.LastAttemptUtc);
    }

    [Fact]
    public void MessageCarriesWhatItIsFor()
    {
        Assert.Equal(MailKind.Account, OutboxMessage.Create(Mail, Now, kind: MailKind.Account).Kind);
        Assert.Equal(MailKind.Other, OutboxMessage.Create(Mail, Now).Kind);
    }

    [Theory]
    [InlineData("", "Subject", "Body")]
    [InlineData("worker@example.com", " ", "Body")]
    [InlineData("worker@example.com", "Subject", "")]
    public void MissingAddressSubjectOrBodyIsRefused(string to, string subject, string body)
    {
        Assert.Throws<ArgumentException>(() => OutboxMessage.Create(new OutgoingMail(to, subject, body), Now));
    }

    [Fact]
    public void OverlongSubjectIsRefused()
    {
        var mail = Mail with { Subject = new string('x', OutgoingMail.MaxSubjectLength + 1) };

        Assert.Throws<ArgumentException>(() => OutboxMessage.Create(mail, Now));
    }

    private static OutboxMessage DeadLetter(OutgoingMail mail)
    {
        var message = OutboxMessage.Create(mail, Now);
        for (var i = 0; i < Policy.MaxAttempts; i++)
            message.RecordFailure("rejected", Now, Policy);
        Assert.True(message.IsDeadLetter);
        return message;
    }
}
