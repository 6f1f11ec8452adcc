using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Admin;

/// <summary>An admin sees mail that could not be delivered and retries or discards it with real forms, as a browser without script would.</summary>
public sealed class MailPageTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task AnAdminSeesADeadLetterWithWhyItFailedAndHowMailIsFlowing()
    {
        var to = Recipient();
        var id = await DeadLetterAsync(to, "Reset your password", MailKind.Account);
        var admin = await app.AsAdminWithTwoFactorAsync();

        var home = await admin.GetPageAsync("/admin");
        var page = await admin.GetPageAsync(home.QuerySelector<IHtmlAnchorElement>("main a[href='/admin/mail']")!.Href);

        var letter = page.Text($"#message-{id}");
        Assert.Contains($"To {to}: Reset your password", letter, StringComparison.Ordinal);
        Assert.Contains("Account (confirm an address, reset a password)", letter, StringComparison.Ordinal);
        Assert.Contains("Tries 8", Squash(letter), StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 mailbox unavailable", letter, StringComparison.Ordinal);
        Assert.Contains("Mail needs attention", page.Text("#attention"), StringComparison.Ordinal);
        Assert.Contains("Mail is written to a folder", page.Text("#server"), StringComparison.Ordinal);
        // The body may carry a one-time link meant for its recipient alone.
        Assert.DoesNotContain("code=secret", page.Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryingOneSendsItOnceAndThePageSaysWhoRetriedItAndThatItWent()
    {
        var to = Recipient();
        var id = await DeadLetterAsync(to);
        var other = await DeadLetterAsync(Recipient());
        var admin = await app.AsAdminWithTwoFactorAsync();
        var page = await admin.GetPageAsync("/admin/mail");

        // The other one is ticked too; the message's own button acts on that message alone.
        var response = await PressAsync(admin, page, $"button[name='Input.Only'][value='{id}'][formaction*='Retry']", ("Input.Ids", $"{other}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("1 message is back in the queue and goes with the next delivery run, in a minute or so.", after.Text("[role=status]:not([hidden])"));
        Assert.Null(after.QuerySelector($"#message-{id}"));
        Assert.NotNull(after.QuerySelector($"#message-{other}"));
        Assert.Equal((OutboxStatus.Pending, 0), await StateAsync(id));

        await app.DeliverMailAsync();
        await app.DeliverMailAsync();

        var sent = Assert.Single(app.MailTo(to));
        Assert.Contains("https://portal.example/reset?code=secret", sent.TextBody, StringComparison.Ordinal);
        var recent = (await admin.GetPageAsync("/admin/mail")).Text("#recent");
        Assert.Matches($@"Retried by Sam Taylor on \d+ \w+ \d{{4}} at \d\d:\d\d: the message to {to}, “Your training”\. Now sent\.", recent);
    }

    [Fact]
    public async Task RetryingTheTickedMessagesPutsEachBack()
    {
        var first = await DeadLetterAsync(Recipient());
        var second = await DeadLetterAsync(Recipient());
        var admin = await app.AsAdminWithTwoFactorAsync();
        var page = await admin.GetPageAsync("/admin/mail");

        var response = await PressAsync(admin, page, "button:not([name])[formaction*='Retry']", ("Input.Ids", $"{first}"), ("Input.Ids", $"{second}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("2 messages are back in the queue and go with the next delivery run, in a minute or so.",
            (await admin.GetPageAsync(response.Headers.Location!.OriginalString)).Text("[role=status]:not([hidden])"));
        Assert.Equal((OutboxStatus.Pending, 0), await StateAsync(first));
        Assert.Equal((OutboxStatus.Pending, 0), await StateAsync(second));
        Assert.Equal(2, await AuditCountAsync(AuditAction.MailRetried, first, second));
    }

    [Fact]
    public async Task DiscardingOneKeepsItOnRecordNeverSendsItAndSaysWhoDid()
    {
        var to = Recipient();
        var id = await DeadLetterAsync(to);
        var admin = await app.AsAdminWithTwoFactorAsync();
        var page = await admin.GetPageAsync("/admin/mail");

        var response = await PressAsync(admin, page, $"button[name='Input.Only'][value='{id}'][formaction*='Discard']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("1 message is discarded: it will not be sent.", after.Text("[role=status]:not([hidden])"));
        Assert.Null(after.QuerySelector($"#message-{id}"));
        Assert.Contains($"Discarded by Sam Taylor on", after.Text("#recent"), StringComparison.Ordinal);
        Assert.Contains($"the message to {to}, “Your training”. Now discarded, not sent.", after.Text("#recent"), StringComparison.Ordinal);
        await app.DeliverMailAsync();
        Assert.Empty(app.MailTo(to));
        Assert.Equal((OutboxStatus.Discarded, 8), await StateAsync(id));
    }

    [Fact]
    public async Task RetryingAMessageThatIsNotADeadLetterChangesNothingAndSaysWhy()
    {
        var dead = await DeadLetterAsync(Recipient());
        var pendingTo = Recipient();
        var pending = await PendingAsync(pendingTo);
        var admin = await app.AsAdminWithTwoFactorAsync();
        var page = await admin.GetPageAsync("/admin/mail");

        // The form offers only dead letters; this post names a message waiting to be sent.
        var response = await PressAsync(admin, page, "button:not([name])[formaction*='Retry']", ("Input.Ids", $"{dead}"), ("Input.Ids", $"{pending}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"The message to {pendingTo} (Your training) is waiting to be sent, not a dead letter, so it was not retried. Nothing was changed.",
            (await Forms.ParseAsync(response)).Text("#problem"));
        Assert.Equal((OutboxStatus.DeadLettered, 8), await StateAsync(dead));
        Assert.Equal((OutboxStatus.Pending, 0), await StateAsync(pending));
        Assert.Equal(0, await AuditCountAsync(AuditAction.MailRetried, dead, pending));
    }

    [Fact]
    public async Task NothingTickedSaysWhatToDo()
    {
        await DeadLetterAsync(Recipient());
        var admin = await app.AsAdminWithTwoFactorAsync();
        var page = await admin.GetPageAsync("/admin/mail");

        var response = await PressAsync(admin, page, "button:not([name])[formaction*='Discard']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tick the messages to be discarded first.", (await Forms.ParseAsync(response)).Text("#problem"));
    }

    [Fact]
    public async Task AnUnknownMessageIsNotFound()
    {
        var id = await DeadLetterAsync(Recipient());
        var admin = await app.AsAdminWithTwoFactorAsync();
        var page = await admin.GetPageAsync("/admin/mail");

        var response = await PressAsync(admin, page, "button:not([name])[formaction*='Retry']", ("Input.Ids", $"{id}"), ("Input.Ids", "987654321"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((OutboxStatus.DeadLettered, 8), await StateAsync(id));
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnAdminCannotSeeOrRetryMail()
    {
        var id = await DeadLetterAsync(Recipient());
        var learner = await app.AsNewUserAsync(PortalRoles.Learner);
        var adminWithoutTwoFactor = await app.AsNewUserAsync(PortalRoles.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/admin/mail")).StatusCode);
        Assert.StartsWith("/Identity/Account/StepUp", (await adminWithoutTwoFactor.GetAsync("/admin/mail")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync("/admin/mail")).StatusCode);
        // A real antiforgery token for this learner, from the sign-out form every page has.
        var token = (await learner.GetPageAsync("/learn")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var post = await learner.PostAsync("/admin/mail?handler=Retry",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Only", $"{id}")]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal((OutboxStatus.DeadLettered, 8), await StateAsync(id));
    }

    [Fact]
    public async Task DeadLettersAreFoundByRecipientOrWhatTheyAreFor()
    {
        var nurse = Recipient("nia.nurse");
        var reminder = await DeadLetterAsync(nurse, "Training reminder", MailKind.TrainingReminder);
        var alert = await DeadLetterAsync(Recipient(), "New jobs near you", MailKind.JobAlert);
        var admin = await app.AsAdminWithTwoFactorAsync();
        var form = (await admin.GetPageAsync("/admin/mail")).QuerySelector<IHtmlFormElement>("form[role=search]")!;
        Assert.Equal(("get", "Search.Q", "Search.Kind"), (form.Method, form.QuerySelector("input#q")!.GetAttribute("name"), form.QuerySelector("select")!.GetAttribute("name")));

        // A search is a GET form: a link anyone can follow or bookmark.
        var found = await admin.GetPageAsync($"/admin/mail?Search.Q={Uri.EscapeDataString(nurse.ToUpperInvariant())}&Search.Kind=");
        var byKind = await admin.GetPageAsync("/admin/mail?Search.Kind=JobAlert");
        var nonsense = await admin.GetPageAsync("/admin/mail?Search.Kind=Nonsense");

        Assert.Equal([$"message-{reminder}"], found.QuerySelectorAll("li.record-item").Select(e => e.Id));
        Assert.Contains($"message-{alert}", byKind.QuerySelectorAll("li.record-item").Select(e => e.Id));
        Assert.DoesNotContain($"message-{reminder}", byKind.QuerySelectorAll("li.record-item").Select(e => e.Id));
        Assert.Equal("Choose what the message is for from the list", nonsense.Text(".alert-danger"));
        Assert.Contains($"message-{reminder}", nonsense.QuerySelectorAll("li.record-item").Select(e => e.Id));
    }

    [Fact]
    public async Task HealthTurnsDegradedWhileADeadLetterWaits()
    {
        await DeadLetterAsync(Recipient());

        var response = await app.CreateBrowser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var mail = json.RootElement.GetProperty("checks").GetProperty("mail");
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", mail.GetProperty("status").GetString());
        Assert.Contains("could not be delivered", mail.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static string Recipient(string who = "worker") => $"{who}.{Guid.NewGuid():N}@example.com";

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Presses a submit button of the dead-letter form as a browser would: the form's hidden fields
    /// (antiforgery token included), the ticked boxes given, and the button's own name and value, to its formaction.
    /// </summary>
    private static async Task<HttpResponseMessage> PressAsync(HttpClient browser, IDocument page, string button, params (string Name, string Value)[] ticked)
    {
        var form = page.QuerySelector<IHtmlFormElement>("form#dead-letters") ?? throw new InvalidOperationException("The page has no dead-letter form.");
        var pressed = form.QuerySelector<IHtmlButtonElement>(button) ?? throw new InvalidOperationException($"No button {button}.");
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        values.AddRange(ticked.Select(t => new KeyValuePair<string, string>(t.Name, t.Value)));
        if (!string.IsNullOrEmpty(pressed.Name))
            values.Add(new(pressed.Name, pressed.Value));
        return await browser.PostAsync(new Uri(new Uri(page.Url), pressed.GetAttribute("formaction")), new FormUrlEncodedContent(values));
    }

    private async Task<long> DeadLetterAsync(string to, string subject = "Your training", MailKind kind = MailKind.Other)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTime.UtcNow;
        var message = OutboxMessage.Create(new OutgoingMail(to, subject, "Reset it here: https://portal.example/reset?code=secret"), now, kind: kind);
        // What the delivery job does when the server refuses a message every time.
        for (var i = 0; i < OutboxRetryPolicy.Default.MaxAttempts; i++)
            message.RecordFailure("550 5.1.1 mailbox unavailable", now, OutboxRetryPolicy.Default);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<long> PendingAsync(string to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var message = OutboxMessage.Create(new OutgoingMail(to, "Your training", "Body"), DateTime.UtcNow);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<(OutboxStatus Status, int Attempts)> StateAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        return (row.Status, row.Attempts);
    }

    private async Task<int> AuditCountAsync(AuditAction action, params long[] ids)
    {
        var subjects = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEvents.CountAsync(e => e.Action == action && subjects.Contains(e.SubjectId));
    }
}
