using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Navigation;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Navigation;

/// <summary>
/// Asking a talent hub for help, and the navigator's caseload, through the real pages: consent first,
/// the shared queue, the plan both sides see, notes, what the person shares, and who never sees it.
/// </summary>
public sealed class NavigationTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    [Fact]
    public async Task AskingWithoutConsentKeepsNothing()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Harehills Hub"));
        var person = await app.PersonAsync("Amira Hussain");

        var refused = await person.AskAsync(hub.Id, consent: false);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tick the box to agree", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Null(await app.CaseIdAsync(person.Id));
        Assert.DoesNotContain("Amira Hussain", (await hub.Navigator.GetPageAsync("/navigate")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestWaitsInTheQueueUntilANavigatorTakesItOntoTheirCaseload()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Lincoln Green Hub"));
        var person = await app.PersonAsync("Kyle Broadbent");

        var asked = await person.AskAsync(hub.Id);

        Assert.Equal("/my-plan", asked.Headers.Location!.OriginalString);
        var home = await person.Browser.GetPageAsync("/");
        Assert.Contains($"Your plan with {hub.Name}", home.Text("#your-plan-heading"), StringComparison.Ordinal);
        Assert.Contains("A navigator will pick up your request", home.Text(".your-plan"), StringComparison.Ordinal);
        var queue = (await hub.Navigator.GetPageAsync("/navigate")).Text(".caseload-queue");
        Assert.Contains("Kyle Broadbent", queue, StringComparison.Ordinal);
        Assert.Contains("I cared for my mum", queue, StringComparison.Ordinal);

        var id = (await app.CaseIdAsync(person.Id))!.Value;
        var taken = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync("/navigate"), new Dictionary<string, string>(), $"form[action*='{id}']");

        Assert.Equal($"/navigate/people/{id}", taken.Headers.Location!.OriginalString);
        var caseload = await hub.Navigator.GetPageAsync("/navigate");
        Assert.Null(caseload.QuerySelector(".caseload-queue"));
        Assert.Contains("Kyle Broadbent: New", caseload.Text(".caseload"), StringComparison.Ordinal);
        var page = await hub.Navigator.GetPageAsync($"/navigate/people/{id}");
        Assert.Contains("07700 900123; Weekday mornings", page.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Your navigator is Nia", (await person.Browser.GetPageAsync("/")).Text(".your-plan"), StringComparison.Ordinal);
        // Asking again while the case is open is pointed at the plan, not a second case.
        Assert.Equal("/my-plan", (await person.Browser.GetAsync("/help-finding-work")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OfTwoNavigatorsTakingTheSameRequestAtOnceOneGetsItAndTheOtherIsToldWho()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Seacroft Hub"));
        await app.NavigatorOfAsync(admin, $"/admin/organisations/{hub.Id}", "Priya Patel");
        var person = await app.PersonAsync("Dean Whitaker");
        Assert.Equal(HttpStatusCode.Redirect, (await person.AskAsync(hub.Id)).StatusCode);
        var id = (await app.CaseIdAsync(person.Id))!.Value;
        string[] navigators;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            navigators = [.. await db.Set<Portal.Domain.Organisations.Membership>().Where(m => m.OrganisationId == hub.Id).Select(m => m.UserId).ToListAsync()];
        }

        var results = await Task.WhenAll(navigators.Select(async navigator =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (navigator, await scope.ServiceProvider.GetRequiredService<CaseloadService>().TakeAsync(navigator, id));
        }));

        var winner = Assert.Single(results, r => r.Item2.IsDone);
        var loser = Assert.Single(results, r => !r.Item2.IsDone);
        Assert.Contains("took this request a moment ago", loser.Item2.Problem!.Message, StringComparison.Ordinal);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(winner.navigator, await check.ServiceProvider.GetRequiredService<PortalDbContext>().Set<NavigationCase>().Where(c => c.Id == id).Select(c => c.NavigatorId).SingleAsync());
    }

    [Fact]
    public async Task ANavigatorOfAnotherOrganisationGetsNotFoundForEveryPageAndHandler()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Chapeltown Hub"));
        var other = await app.HubAsync(admin, Unique("Armley Hub"));
        var person = await app.PersonAsync("Chloe Naylor");
        var queued = await app.PersonAsync("Tariq Mahmood");
        var id = await app.TakenAsync(hub, person);
        Assert.Equal(HttpStatusCode.Redirect, (await queued.AskAsync(hub.Id)).StatusCode);
        var queuedId = (await app.CaseIdAsync(queued.Id))!.Value;
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.AddNoteAsync(id, "Talked about home care rounds")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.AddStepAsync(id, new Dictionary<string, string> { ["Step.Kind"] = "Cv", ["Step.Details"] = "Write a CV" })).StatusCode);
        long step;
        await using (var scope = app.Services.CreateAsyncScope())
            step = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PlanStep>().Where(s => s.CaseId == id).Select(s => s.Id).SingleAsync();
        var token = await other.Navigator.TokenAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Navigator.GetAsync($"/navigate/people/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Navigator.GetAsync($"/navigate/people/{queuedId}")).StatusCode);
        foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/navigate?id={queuedId}&handler=Take", []),
            ($"/navigate/people/{queuedId}?handler=Take", []),
            ($"/navigate/people/{id}?handler=Stage", new() { ["stage"] = "Exploring" }),
            ($"/navigate/people/{id}?handler=Step", new() { ["Step.Kind"] = "Cv", ["Step.Details"] = "Theirs now" }),
            ($"/navigate/people/{id}?handler=StepDone&step={step}", []),
            ($"/navigate/people/{id}?handler=Note", new() { ["Note.Text"] = "Not mine to write" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            var response = await other.Navigator.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {response.StatusCode}");
        }

        var theirs = (await other.Navigator.GetPageAsync("/navigate?Filter.Show=everyone")).Text("main");
        Assert.DoesNotContain("Chloe Naylor", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Tariq Mahmood", theirs, StringComparison.Ordinal);
        var unchanged = await hub.Navigator.GetPageAsync($"/navigate/people/{id}");
        Assert.Contains("Stage: New", unchanged.Text("#stage-heading"), StringComparison.Ordinal);
        Assert.DoesNotContain("Not mine to write", unchanged.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Tariq Mahmood", (await hub.Navigator.GetPageAsync("/navigate")).Text(".caseload-queue"), StringComparison.Ordinal);
        // Nor does a signed-in person without the role reach the pages at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Browser.GetAsync($"/navigate/people/{id}")).StatusCode);
    }

    [Fact]
    public async Task AModuleStepTheNavigatorSetsTicksItselfWhenThePersonPassesIt()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Gipton Hub"));
        var person = await app.PersonAsync("Jade Fairburn");
        var id = await app.TakenAsync(hub, person);
        var due = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.AddStepAsync(id, new Dictionary<string, string>
        {
            ["Step.Kind"] = "LearningModule", ["Step.Module"] = "duty-of-care", ["Step.DueOn"] = due,
        })).StatusCode);
        var plan = (await person.Browser.GetPageAsync("/")).Text(".your-plan");
        Assert.Contains("Duty of care", plan, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("This ticks itself when you pass the module", plan, StringComparison.Ordinal);

        await app.PassAsync(person.Browser, "duty-of-care");

        var seen = (await hub.Navigator.GetPageAsync($"/navigate/people/{id}")).Text(".plan-steps");
        Assert.Contains("Done: Learning module", seen, StringComparison.Ordinal);
        Assert.Contains("on the portal", seen, StringComparison.Ordinal);
        Assert.Contains("Done:", (await person.Browser.GetPageAsync("/my-plan")).Text(".plan-steps"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApplicationStepTicksItselfWhenThePersonAppliesAndTheRecruiterSeesNothingOfTheHub()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Burmantofts Hub"));
        var (recruiter, vacancy, _) = await app.RecruiterWithVacancyAsync(admin, Unique("Pudsey Homecare"), "Home care worker, Pudsey");
        var person = await app.PersonAsync("Ryan Oduya");
        var id = await app.TakenAsync(hub, person);
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.AddStepAsync(id, new Dictionary<string, string> { ["Step.Kind"] = "Application", ["Step.Vacancy"] = vacancy.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.AddNoteAsync(id, "Nervous about interviews; practising on Tuesday")).StatusCode);
        var circumstances = await person.Browser.SubmitAsync(await person.Browser.GetPageAsync("/my-plan/circumstances"), new Dictionary<string, string>
        {
            ["Input.Barriers"] = "ConvictionsAffectingDbs", ["Input.Details"] = "A caution from 2015",
        });
        Assert.Equal(HttpStatusCode.Redirect, circumstances.StatusCode);

        var job = await person.Browser.GetPageAsync($"/jobs/{vacancy}");
        Assert.Equal(HttpStatusCode.Redirect, (await person.Browser.SubmitAsync(job, new Dictionary<string, string>(), "form[action*='handler=Apply']")).StatusCode);

        var seen = await hub.Navigator.GetPageAsync($"/navigate/people/{id}");
        Assert.Contains("Done: Apply for a job: Home care worker, Pudsey", seen.Text(".plan-steps"), StringComparison.Ordinal);
        Assert.Contains("Previous convictions that may affect a DBS check", seen.Text("main"), StringComparison.Ordinal);
        Assert.Contains("A caution from 2015", seen.Text("main"), StringComparison.Ordinal);
        var mine = (await person.Browser.GetPageAsync("/my-plan")).Text("main");
        Assert.Contains("Nervous about interviews", mine, StringComparison.Ordinal);
        Assert.Contains("A caution from 2015", mine, StringComparison.Ordinal);

        // The recruiter has them as an applicant, and nothing of the hub's record.
        var applications = await recruiter.GetAsync($"/recruit/vacancies/{vacancy}/applications");
        var csv = await recruiter.GetAsync($"/recruit/vacancies/{vacancy}/applications/csv");
        var people = await recruiter.GetAsync($"/recruit/vacancies/{vacancy}/people");
        var applicationsText = await applications.Content.ReadAsStringAsync();
        Assert.Contains("Ryan Oduya", applicationsText, StringComparison.Ordinal);
        foreach (var text in new[] { applicationsText, await csv.Content.ReadAsStringAsync(), await people.Content.ReadAsStringAsync() })
        {
            foreach (var secret in new[] { "conviction", "caution", "Nervous about interviews", "DBS check", hub.Name, "navigator" })
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task StagesMoveByTheRulesAndTheFiltersFindPeople()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Halton Moor Hub"));
        var late = await app.PersonAsync("Bethany Crowther");
        var onTime = await app.PersonAsync("Marek Nowak");
        var lateId = await app.TakenAsync(hub, late);
        var onTimeId = await app.TakenAsync(hub, onTime);
        var page = await hub.Navigator.GetPageAsync($"/navigate/people/{lateId}");

        var moved = await hub.Navigator.SubmitAsync(page, new Dictionary<string, string> { ["stage"] = "Exploring" }, "form[action$='handler=Stage']");
        var skipped = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync($"/navigate/people/{lateId}"), new Dictionary<string, string> { ["stage"] = "Applying" }, "form[action$='handler=Stage']");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("Exploring cannot move to Applying", (await hub.Navigator.GetPageAsync($"/navigate/people/{lateId}")).Text(".alert"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        var yesterday = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var nextMonth = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await hub.Navigator.AddStepAsync(lateId, new Dictionary<string, string> { ["Step.Kind"] = "Cv", ["Step.Details"] = "Bring a CV to the drop-in", ["Step.DueOn"] = yesterday });
        await hub.Navigator.AddStepAsync(onTimeId, new Dictionary<string, string> { ["Step.Kind"] = "TasterDay", ["Step.Details"] = "Taster day at St James's", ["Step.DueOn"] = nextMonth });

        var overdue = (await hub.Navigator.GetPageAsync("/navigate?Filter.Overdue=true")).Text(".caseload");
        Assert.Contains("Bethany Crowther: Exploring", overdue, StringComparison.Ordinal);
        Assert.Contains("Next: Bring a CV to the drop-in, overdue since", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Marek Nowak", overdue, StringComparison.Ordinal);
        var exploring = (await hub.Navigator.GetPageAsync("/navigate?Filter.Stage=Exploring")).Text(".caseload");
        Assert.Contains("Bethany Crowther", exploring, StringComparison.Ordinal);
        Assert.DoesNotContain("Marek Nowak", exploring, StringComparison.Ordinal);
        var found = (await hub.Navigator.GetPageAsync("/navigate?Filter.Search=nowak")).Text(".caseload");
        Assert.Contains("Marek Nowak", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Bethany Crowther", found, StringComparison.Ordinal);

        // A colleague sees them under "everyone", not under "mine".
        var (colleague, _) = await app.NavigatorOfAsync(admin, $"/admin/organisations/{hub.Id}", "Owen Price");
        Assert.Null((await colleague.GetPageAsync("/navigate")).QuerySelector(".caseload"));
        Assert.Contains("Marek Nowak: New, with Nia", (await colleague.GetPageAsync("/navigate?Filter.Show=everyone")).Text(".caseload"), StringComparison.Ordinal);
    }

    /// <summary>The council's priority neighbourhoods (LS9 7 is Lincoln Green in the shipped list) as a caseload filter.</summary>
    [Fact]
    public async Task TheCaseloadFindsPeopleInPriorityNeighbourhoods()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Lincoln Green Hub"));
        var near = await app.PersonAsync("Jade Appleyard");
        var far = await app.PersonAsync("Oliver Sykes");
        await LivesAtAsync(near.Id, "LS9 7TF");
        await LivesAtAsync(far.Id, "LS16 5AA");
        await app.TakenAsync(hub, near);
        await app.TakenAsync(hub, far);

        var all = (await hub.Navigator.GetPageAsync("/navigate")).Text(".caseload");
        var priority = (await hub.Navigator.GetPageAsync("/navigate?Filter.PriorityOnly=true")).Text(".caseload");

        Assert.Contains("Oliver Sykes", all, StringComparison.Ordinal);
        Assert.Contains("Jade Appleyard", priority, StringComparison.Ordinal);
        Assert.Contains("Lives in a priority neighbourhood", priority, StringComparison.Ordinal);
        Assert.DoesNotContain("Oliver Sykes", priority, StringComparison.Ordinal);
    }

    private async Task LivesAtAsync(string userId, string postcode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var located = scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Talent.PostcodeDistricts>().Locate(postcode).Location;
        var profile = Portal.Domain.Talent.CandidateProfile.For(userId);
        profile.Update(new Portal.Domain.Talent.CandidateDetails { Location = located, Days = Portal.Domain.Talent.WorkDays.Weekdays, Shifts = Portal.Domain.Talent.ShiftTimes.Early }, DateTime.UtcNow);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Add(profile);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ThePersonTicksTheirOwnStepsButNotTheHubs()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Osmondthorpe Hub"));
        var person = await app.PersonAsync("Leanne Dobson");
        var id = await app.TakenAsync(hub, person);
        await hub.Navigator.AddStepAsync(id, new Dictionary<string, string> { ["Step.Kind"] = "Cv", ["Step.Details"] = "Write a CV", ["Step.Owner"] = "Person" });
        await hub.Navigator.AddStepAsync(id, new Dictionary<string, string> { ["Step.Kind"] = "ChecksHelp", ["Step.Details"] = "Book the DBS check", ["Step.Owner"] = "Navigator" });
        long hubStep;
        await using (var scope = app.Services.CreateAsyncScope())
            hubStep = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PlanStep>().Where(s => s.CaseId == id && s.Owner == StepOwner.Navigator).Select(s => s.Id).SingleAsync();

        var home = await person.Browser.GetPageAsync("/");
        Assert.Single(home.QuerySelectorAll(".your-plan form"));
        Assert.Equal(HttpStatusCode.Redirect, (await person.Browser.SubmitAsync(home, new Dictionary<string, string>(), ".your-plan form")).StatusCode);
        var forged = await person.Browser.PostAsync($"/my-plan?handler=Done&step={hubStep}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await person.Browser.TokenAsync() }));

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        var plan = (await person.Browser.GetPageAsync("/my-plan")).Text("main");
        Assert.Contains("This step is your navigator's to do", plan, StringComparison.Ordinal);
        Assert.Contains("Done: CV", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Done: Help with DBS", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawingConsentHidesTheCaseAtOnceAndTheRetentionRunErasesIt()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Richmond Hill Hub"));
        var person = await app.PersonAsync("Shannon Pickles");
        var id = await app.TakenAsync(hub, person);
        await hub.Navigator.AddNoteAsync(id, "Met at the jobcentre drop-in");
        await person.Browser.SubmitAsync(await person.Browser.GetPageAsync("/my-plan/circumstances"), new Dictionary<string, string> { ["Input.Barriers"] = "Childcare" });
        var export = await person.Browser.GetAsync("/profile/data?handler=Json");
        Assert.Contains("Met at the jobcentre drop-in", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withdrawn = await person.Browser.SubmitAsync(await person.Browser.GetPageAsync("/my-plan/withdraw"), new Dictionary<string, string>());

        Assert.Equal("/", withdrawn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Navigator.GetAsync($"/navigate/people/{id}")).StatusCode);
        Assert.DoesNotContain("Shannon Pickles", (await hub.Navigator.GetPageAsync("/navigate?Filter.Stage=Closed")).Text("main"), StringComparison.Ordinal);
        Assert.Null((await person.Browser.GetPageAsync("/")).QuerySelector(".your-plan"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.False(await db.Set<Circumstances>().AnyAsync(c => c.UserId == person.Id));
            Assert.True(await db.Set<ContactNote>().AnyAsync(n => n.CaseId == id));
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
        }

        await using var check = app.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await after.Set<NavigationCase>().AnyAsync(c => c.Id == id));
        Assert.False(await after.Set<ContactNote>().AnyAsync(n => n.CaseId == id));
        // They can ask again and start afresh.
        Assert.Equal(HttpStatusCode.OK, (await person.Browser.GetAsync("/help-finding-work")).StatusCode);
    }

    [Fact]
    public async Task AnAdminInvitesANavigatorWhoLandsOnTheCaseload()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var created = await admin.AddOrganisationAsync(Unique("Holbeck Hub"), "Council", "LS11 9AA");
        var url = created.Headers.Location!.OriginalString;
        var email = $"invited.navigator.{Guid.NewGuid():N}@example.com";
        Assert.Contains("Navigator", (await admin.GetPageAsync(url)).Text("fieldset"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetPageAsync(url),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Navigator" }, submitButton: "button[formaction*=Invite]")).StatusCode);
        await app.DeliverMailAsync();
        var mail = Assert.Single(app.MailTo(email));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody!, @"https?://[^\s]+/invitations/[0-9a-f]+").Value).PathAndQuery;
        Assert.Contains("as a navigator", mail.TextBody, StringComparison.Ordinal);
        await app.CreateUserAsync(email, SignIn.Password);
        var navigator = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(navigator, email);
        var accepted = await navigator.SubmitAsync(await navigator.GetPageAsync(link), new Dictionary<string, string>());

        Assert.Equal("/navigate", accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await navigator.GetAsync("/navigate")).StatusCode);
    }
}
