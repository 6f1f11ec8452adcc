using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Navigation;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Navigation;

/// <summary>
/// Putting things right on the navigator's side: plan steps changed and removed (after a tick),
/// notes corrected or taken back by their author within a day, a case handed to a colleague of the
/// same hub, an invitation sent again, a programme and a cohort changed. Another hub: 404 on each.
/// </summary>
public sealed partial class CaseEditingTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [GeneratedRegex(@"https?://[^\s]+/help-finding-work/join/[0-9a-f]+")]
    private static partial Regex JoinLink();

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await browser.TokenAsync();
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task ANavigatorChangesAStepAndRemovesItOnlyAfterTickingToConfirm()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Lincoln Green Hub"));
        var other = await app.HubAsync(admin, Unique("Armley Hub"));
        var person = await app.PersonAsync("Kyle Broadbent");
        var id = await app.TakenAsync(hub, person);
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.AddStepAsync(id, new Dictionary<string, string> { ["Step.Kind"] = "Cv", ["Step.Details"] = "Write a CV" })).StatusCode);
        var step = await DbAsync(db => db.Set<PlanStep>().Where(s => s.CaseId == id).Select(s => s.Id).SingleAsync());
        var url = $"/navigate/people/{id}/steps/{step}";
        var link = (await hub.Navigator.GetPageAsync($"/navigate/people/{id}")).QuerySelectorAll<IHtmlAnchorElement>(".plan-steps a").Single(a => a.TextContent.StartsWith("Change or remove", StringComparison.Ordinal));
        Assert.Equal(url, link.GetAttribute("href"));
        var due = DateTime.UtcNow.Date.AddDays(10);

        var changed = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(url), new Dictionary<string, string>
        {
            ["Input.Details"] = "Write a CV at the Lincoln Green drop-in", ["Input.Owner"] = "Navigator", ["Input.DueOn"] = Day(due),
        }, "form[action$='/Save']");

        Assert.Equal($"/navigate/people/{id}", changed.Headers.Location!.OriginalString);
        var saved = await DbAsync(db => db.Set<PlanStep>().AsNoTracking().SingleAsync(s => s.Id == step));
        Assert.Equal(("Write a CV at the Lincoln Green drop-in", StepOwner.Navigator, DateOnly.FromDateTime(due)), (saved.Details, saved.Owner, saved.DueOn));
        Assert.Contains("Write a CV at the Lincoln Green drop-in", (await person.Browser.GetPageAsync("/my-plan")).Text("main"), StringComparison.Ordinal);

        // Another hub's navigator: not found, and nothing changes.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Navigator.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other.Navigator, url + "/save", new() { ["Input.Details"] = "Theirs" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other.Navigator, url + "/remove", new() { ["Remove.Confirm"] = "true" })).StatusCode);

        // Without the tick, nothing is removed.
        var unticked = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(url), new Dictionary<string, string>(), "form[action$='/Remove']");
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("Tick the box", (await Forms.ParseAsync(unticked)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.True(await DbAsync(db => db.Set<PlanStep>().AnyAsync(s => s.Id == step)));

        var removed = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(url), new Dictionary<string, string> { ["Remove.Confirm"] = "true" }, "form[action$='/Remove']");

        Assert.Equal($"/navigate/people/{id}", removed.Headers.Location!.OriginalString);
        Assert.False(await DbAsync(db => db.Set<PlanStep>().AnyAsync(s => s.Id == step)));
        Assert.DoesNotContain("Lincoln Green drop-in", (await person.Browser.GetPageAsync("/my-plan")).Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Navigator.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task OnlyTheAuthorChangesOrRemovesANoteAndOnlyWithinADay()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Harehills Hub"));
        var (colleague, _) = await app.NavigatorOfAsync(admin, $"/admin/organisations/{hub.Id}", "Colin Colleague");
        var other = await app.HubAsync(admin, Unique("Armley Hub"));
        var person = await app.PersonAsync("Aisha Begum");
        var id = await app.TakenAsync(hub, person);
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.AddNoteAsync(id, "Talked about hospital porter jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.AddNoteAsync(id, "Second call: wants home care")).StatusCode);
        var notes = await DbAsync(db => db.Set<ContactNote>().Where(n => n.CaseId == id).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync());
        var url = $"/navigate/people/{id}/notes/{notes[0]}";
        Assert.Equal(2, (await hub.Navigator.GetPageAsync($"/navigate/people/{id}")).QuerySelectorAll(".contact-notes a").Count(a => a.TextContent.StartsWith("Change or remove", StringComparison.Ordinal)));

        // A colleague of the same hub reads it but cannot change it; another hub does not find it.
        Assert.Empty((await colleague.GetPageAsync($"/navigate/people/{id}")).QuerySelectorAll(".contact-notes a"));
        var theirs = await colleague.GetPageAsync(url);
        Assert.Null(theirs.QuerySelector("form[action$='/Save']"));
        var refused = await PostAsync(colleague, url + "/save", new() { ["Input.Text"] = "Rewritten by someone else", ["Input.How"] = "Phone" });
        Assert.Contains("Only the navigator who wrote a note", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Contains("Only the navigator who wrote a note", (await Forms.ParseAsync(await PostAsync(colleague, url + "/remove", new() { ["Remove.Confirm"] = "true" }))).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Navigator.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other.Navigator, url + "/save", new() { ["Input.Text"] = "Theirs", ["Input.How"] = "Phone" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other.Navigator, url + "/remove", new() { ["Remove.Confirm"] = "true" })).StatusCode);

        var corrected = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(url), new Dictionary<string, string> { ["Input.Text"] = "Talked about hospital porter and housekeeper jobs" }, "form[action$='/Save']");

        Assert.Equal($"/navigate/people/{id}", corrected.Headers.Location!.OriginalString);
        Assert.Contains("porter and housekeeper", (await person.Browser.GetPageAsync("/my-plan")).Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync($"/navigate/people/{id}/notes/{notes[1]}"),
            new Dictionary<string, string> { ["Remove.Confirm"] = "true" }, "form[action$='/Remove']")).StatusCode);
        Assert.DoesNotContain("wants home care", (await person.Browser.GetPageAsync("/my-plan")).Text("main"), StringComparison.Ordinal);

        // A day later the note stands as written, even for its author.
        await DbAsync(db => db.Set<ContactNote>().Where(n => n.Id == notes[0]).ExecuteUpdateAsync(s => s.SetProperty(n => n.WrittenAtUtc, DateTime.UtcNow.AddDays(-1).AddMinutes(-1))));
        Assert.Null((await hub.Navigator.GetPageAsync(url)).QuerySelector("form[action$='/Save']"));
        var late = await PostAsync(hub.Navigator, url + "/save", new() { ["Input.Text"] = "Too late to change", ["Input.How"] = "Phone" });
        Assert.Contains("within a day", (await Forms.ParseAsync(late)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal("Talked about hospital porter and housekeeper jobs", await DbAsync(db => db.Set<ContactNote>().Where(n => n.Id == notes[0]).Select(n => n.Text).SingleAsync()));
    }

    [Fact]
    public async Task ACaseIsHandedToAColleagueOfTheSameHubButNeverToAnotherHubsNavigator()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Seacroft Hub"));
        var (colleague, colleagueEmail) = await app.NavigatorOfAsync(admin, $"/admin/organisations/{hub.Id}", "Colin Colleague");
        var other = await app.HubAsync(admin, Unique("Armley Hub"));
        var person = await app.PersonAsync("Tyrone Ellis");
        var id = await app.TakenAsync(hub, person);
        var (colleagueId, otherId) = await DbAsync(async db => (
            await db.Users.Where(u => u.Email == colleagueEmail).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == other.NavigatorEmail).Select(u => u.Id).SingleAsync()));
        var page = await hub.Navigator.GetPageAsync($"/navigate/people/{id}");
        Assert.Equal(["Colin Colleague"], page.QuerySelector<IHtmlSelectElement>("select[name='HandOver.To']")!.Options.Select(o => o.Text));

        var wrong = await PostAsync(hub.Navigator, $"/navigate/people/{id}?handler=HandOver", new() { ["HandOver.To"] = otherId });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Choose a navigator of this hub", (await Forms.ParseAsync(wrong)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other.Navigator, $"/navigate/people/{id}?handler=HandOver", new() { ["HandOver.To"] = otherId })).StatusCode);

        var handed = await hub.Navigator.SubmitAsync(page, new Dictionary<string, string> { ["HandOver.To"] = colleagueId }, "form[action$='handler=HandOver']");

        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        Assert.Equal(colleagueId, await DbAsync(db => db.Set<NavigationCase>().Where(c => c.Id == id).Select(c => c.NavigatorId).SingleAsync()));
        Assert.Contains("Tyrone Ellis", (await colleague.GetPageAsync("/navigate")).Text(".caseload"), StringComparison.Ordinal);
        Assert.Contains("Your navigator is Colin Colleague", (await person.Browser.GetPageAsync("/")).Text(".your-plan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvitationSentAgainHasANewLinkAndTheOldOneStopsWorking()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Hunslet Hub"));
        var other = await app.HubAsync(admin, Unique("Armley Hub"));
        var email = $"met.at.dropin.{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync("/navigate/add"),
            new Dictionary<string, string> { ["Input.Name"] = "Callum Brearley", ["Input.Email"] = email })).StatusCode);
        await app.DeliverMailAsync();
        var first = new Uri(JoinLink().Match(Assert.Single(app.MailTo(email)).TextBody!).Value).PathAndQuery;
        var invitation = await DbAsync(db => db.Set<HelpInvitation>().Where(i => i.Email == email).Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other.Navigator, $"/navigate?handler=Resend&invitation={invitation}", [])).StatusCode);

        var resent = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync("/navigate"), new Dictionary<string, string>(), $"form[action*='{invitation}']");

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Contains("sent again with a new link", (await hub.Navigator.GetPageAsync("/navigate")).Text("[role=status]:not([hidden])"), StringComparison.Ordinal);
        await app.DeliverMailAsync();
        var mails = app.MailTo(email).ToList();
        Assert.Equal(2, mails.Count);
        // A new link, not the old one again.
        var second = Assert.Single(mails.Select(m => new Uri(JoinLink().Match(m.TextBody!).Value).PathAndQuery), link => link != first);
        var user = await app.CreateUserAsync(email, SignIn.Password);
        var person = app.CreateBrowser();
        await SignIn.PostSignInAsync(person, email, SignIn.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync(first)).StatusCode);
        Assert.Contains("offered to help you", (await person.GetPageAsync(second)).Text(".lead"), StringComparison.Ordinal);
        Assert.Null(await app.CaseIdAsync(user.Id));
    }

    [Fact]
    public async Task AProgrammeAndACohortAreChangedButNeverToFewerPlacesThanPeopleEnrolled()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Gipton Hub"));
        var other = await app.HubAsync(admin, Unique("Armley Hub"));
        var made = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync("/navigate/programmes"), new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = hub.Id.ToString(), ["Input.Title"] = "Care careers", ["Input.Summary"] = "Six weeks.",
        });
        var programmeUrl = made.Headers.Location!.OriginalString;
        var start = DateTime.UtcNow.Date.AddDays(14);
        var cohortUrl = (await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(programmeUrl), new Dictionary<string, string>
        {
            ["Input.StartsOn"] = Day(start), ["Input.EndsOn"] = Day(start.AddDays(39)), ["Input.Places"] = "5", ["Input.Venue"] = "Gipton library",
        })).Headers.Location!.OriginalString;
        var cohort = Guid.Parse(cohortUrl.Split('/')[^1]);
        foreach (var name in new[] { "Amy Lodge", "Ben Lodge" })
        {
            var person = await app.PersonAsync(name);
            Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(cohortUrl), new Dictionary<string, string> { ["Enrol.Email"] = person.Email }, "form[action*=Enrol]")).StatusCode);
        }

        var renamed = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(programmeUrl), new Dictionary<string, string> { ["Change.Title"] = "Care careers in six weeks", ["Change.Summary"] = "Six weeks with St James's." }, "form[action*='handler=Change']");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Care careers in six weeks", (await hub.Navigator.GetPageAsync(programmeUrl)).Text("h1"));

        var changeUrl = cohortUrl + "/change";
        Assert.Equal(changeUrl, (await hub.Navigator.GetPageAsync(cohortUrl)).QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent.StartsWith("Change the dates", StringComparison.Ordinal)).GetAttribute("href"));
        var tooFew = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(changeUrl), new Dictionary<string, string> { ["Input.Places"] = "1" });
        Assert.Equal(HttpStatusCode.OK, tooFew.StatusCode);
        Assert.Contains("2 people are enrolled, so it needs at least 2 places", (await Forms.ParseAsync(tooFew)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(5, await DbAsync(db => db.Set<Cohort>().Where(c => c.Id == cohort).Select(c => c.Places).SingleAsync()));

        var changed = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(changeUrl), new Dictionary<string, string>
        {
            ["Input.Places"] = "2", ["Input.Venue"] = "Gipton Fire Station community room", ["Input.StartsOn"] = Day(start.AddDays(7)), ["Input.EndsOn"] = Day(start.AddDays(46)),
        });

        Assert.Equal(cohortUrl, changed.Headers.Location!.OriginalString);
        var saved = await DbAsync(db => db.Set<Cohort>().AsNoTracking().SingleAsync(c => c.Id == cohort));
        Assert.Equal((2, 2, "Gipton Fire Station community room", DateOnly.FromDateTime(start.AddDays(7))), (saved.Places, saved.Taken, saved.Venue, saved.StartsOn));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Navigator.GetAsync(changeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other.Navigator, changeUrl, new() { ["Input.Places"] = "9", ["Input.StartsOn"] = Day(start), ["Input.EndsOn"] = Day(start.AddDays(9)), ["Input.Venue"] = "Armley" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other.Navigator, $"{programmeUrl}?handler=Change", new() { ["Change.Title"] = "Theirs" })).StatusCode);
        Assert.Equal(2, await DbAsync(db => db.Set<Cohort>().Where(c => c.Id == cohort).Select(c => c.Places).SingleAsync()));
    }
}
