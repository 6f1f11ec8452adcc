using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;

namespace Portal.Browser.Tests.Admin;

/// <summary>
/// An admin on a phone finds the message the mail server kept refusing, retries it once the
/// problem is fixed, and sees it go: the real portal, its own delivery job, the SMTP sink.
/// axe-core checks every page on the way.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class MailJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AdminOnAPhoneRetriesADeadLetterAndSeesItSent()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var adminEmail = $"admin.{suffix}@example.com";
        var key = await ServerAccounts.CreateAdminAsync(fixture.Server, adminEmail, "Ada Admin");
        var to = $"nia.{suffix}@example.com";
        var subject = $"Your safeguarding refresher is due {suffix}";
        await DeadLetterAsync(new OutgoingMail(to, subject, $"Book it here: https://portal.example/learn {suffix}"));

        var admin = await fixture.NewPhonePageAsync();
        await AccountSteps.SignInWithAuthenticatorAsync(admin, adminEmail, key);
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Mail", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Mail", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#attention")).ToContainTextAsync("Mail needs attention");
        await Assertions.Expect(admin.Locator("#server")).ToHaveTextAsync(new Regex(@"^The mail server 127\.0\.0\.1:\d+ answers\.$"));
        var letter = admin.Locator("li.record-item", new() { HasText = to });
        await Assertions.Expect(letter).ToContainTextAsync(subject);
        await Assertions.Expect(letter).ToContainTextAsync("550 5.1.1 mailbox unavailable");
        await admin.AssertNoSeriousIssuesAsync();
        // Nothing on the page (a long address, a long error) makes it wider than the phone.
        Assert.Equal(390, await admin.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));

        await letter.GetByRole(AriaRole.Button, new() { Name = $"Retry the message to {to}" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 message is back in the queue and goes with the next delivery run, in a minute or so.");
        await Assertions.Expect(admin.Locator("li.record-item", new() { HasText = to })).ToHaveCountAsync(0);
        await admin.AssertNoSeriousIssuesAsync();

        // The portal's own delivery job sends it, once, over SMTP.
        var sent = await AccountSteps.WaitForMailAsync(to, suffix, TimeSpan.FromSeconds(60));
        Assert.Equal(subject, sent.Subject);

        var recent = admin.Locator("#recent li", new() { HasText = to });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await admin.ReloadAsync();
        }
        while (!(await recent.TextContentAsync() ?? "").Contains("Now sent.", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        await Assertions.Expect(recent).ToContainTextAsync($"Retried by Ada Admin on");
        await Assertions.Expect(recent).ToContainTextAsync("Now sent.");
        await admin.AssertNoSeriousIssuesAsync();
    }

    /// <summary>What the delivery job leaves when the server refuses a message every time, written into the running portal's database.</summary>
    private async Task DeadLetterAsync(OutgoingMail mail)
    {
        await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={fixture.Server.DatabasePath}").Options);
        var now = DateTime.UtcNow;
        var message = OutboxMessage.Create(mail, now, kind: MailKind.TrainingReminder);
        for (var i = 0; i < OutboxRetryPolicy.Default.MaxAttempts; i++)
            message.RecordFailure("550 5.1.1 mailbox unavailable", now, OutboxRetryPolicy.Default);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
    }
}
