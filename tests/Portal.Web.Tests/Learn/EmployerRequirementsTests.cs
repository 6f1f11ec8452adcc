using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;
using Portal.Tests.Common;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Learn;

/// <summary>
/// Both sides of one requirement: a manager sets what a job requires, the member of staff sees it
/// first on their home page, on their record and on Learn; they complete it, and both their view and
/// the manager's matrix show it done. Sign-offs show who signed.
/// </summary>
public sealed class EmployerRequirementsTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private static readonly string[] Required = ["module:duty-of-care", "module:safeguarding-adults", "module:fire-safety", "module:communication"];

    private ContentSet Content => app.Services.GetRequiredService<ContentStore>().Current;

    private async Task<(Guid Organisation, string Name, HttpClient Manager)> OrganisationAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var name = $"Rose Care {Guid.NewGuid():N}"[..20];
        var organisation = (await organisations.CreateAsync(name, OrganisationType.CareProvider, null, "LS6 1AA")).Value!;
        var email = $"manager.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        Assert.True((await organisations.AddMemberAsync(organisation.Id, email, MembershipRole.Manager)).IsDone);
        var manager = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(manager, email);
        return (organisation.Id, name, manager);
    }

    private async Task<(string UserId, HttpClient Browser)> StaffAsync(Guid organisation, string jobRole, string name, bool practitioner = false)
    {
        var email = $"staff.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (await db.Users.SingleAsync(u => u.Id == user.Id)).DisplayName = name;
            db.Add(Membership.Start(organisation, user.Id, MembershipRole.Staff, DateTime.UtcNow.AddDays(-400), jobRole, null, practitioner));
            await db.SaveChangesAsync();
        }
        var browser = app.CreateBrowser();
        await SignIn.PostSignInAsync(browser, email, SignIn.Password);
        return (user.Id, browser);
    }

    private static string Item(IDocument page, string title) =>
        page.QuerySelectorAll(".employer-requirements li").SingleOrDefault(e => e.TextContent.Contains(title, StringComparison.Ordinal))is { } li ? string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : "";

    private async Task PassAsync(HttpClient browser, string slug)
    {
        var module = Content.Modules[slug];
        await browser.SubmitAsync(await browser.GetPageAsync($"/learn/{slug}"), new Dictionary<string, string>());
        foreach (var lesson in module.Lessons)
            await browser.SubmitAsync(await browser.GetPageAsync($"/learn/{slug}/lessons/{lesson.Number}"), new Dictionary<string, string>());
        var quiz = await browser.GetPageAsync($"/learn/{slug}/quiz");
        var form = quiz.QuerySelector<IHtmlFormElement>("form.quiz")!;
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields.AddRange(module.Quiz.Questions.SelectMany(q => q.Answers.Where(a => a.Correct).Select(a => new KeyValuePair<string, string>("answer." + q.Id, a.Id))));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(quiz.Url, new FormUrlEncodedContent(fields))).StatusCode);
    }

    /// <summary>
    /// The manager requires four modules of care workers; Amy, a care worker there, has safeguarding
    /// run out, fire safety due soon, communication in date and duty of care not started.
    /// </summary>
    private async Task<(Guid Organisation, string Name, HttpClient Manager, string LearnerId, HttpClient Learner)> AmyAtACareProviderAsync()
    {
        var (organisation, name, manager) = await OrganisationAsync();
        var rules = await manager.GetPageAsync($"/manage/training?org={organisation}&job=care-worker");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(rules, "form[action*=Required]",
            Required.Select(t => new KeyValuePair<string, string>("topic", t)))).StatusCode);
        var (learnerId, learner) = await StaffAsync(organisation, "care-worker", "Amy Carer");
        await app.CompletedAsync(learnerId, "safeguarding-adults", DateTime.UtcNow.AddMonths(-13));
        await app.CompletedAsync(learnerId, "fire-safety", DateTime.UtcNow.AddDays(-350));
        await app.CompletedAsync(learnerId, "communication", DateTime.UtcNow.AddMonths(-1));
        return (organisation, name, manager, learnerId, learner);
    }

    [Fact]
    public async Task WhatTheManagerRequiresIsKeptOnTheLearnersPhoneBeforeSheHasStartedIt()
    {
        var (_, _, _, _, learner) = await AmyAtACareProviderAsync();
        // Part way through something nobody requires of her.
        await learner.SubmitAsync(await learner.GetPageAsync("/learn/dementia-awareness"), new Dictionary<string, string>());

        var keep = await learner.GetFromJsonAsync<string[]>("/learn/offline?handler=Due") ?? [];

        // Not started and run out come before running out; what she has in date is not kept; what she started is.
        Assert.Equal(["duty-of-care", "safeguarding-adults", "fire-safety", "dementia-awareness"], keep);
    }

    [Fact]
    public async Task WhatTheManagerRequiresTheLearnerSeesAndWhatTheyCompleteBothSeeDone()
    {
        var (organisation, name, manager, learnerId, learner) = await AmyAtACareProviderAsync();

        // First thing on their home page: overdue, due soon, and how much is done.
        var home = await learner.GetPageAsync("/");
        var first = home.QuerySelector("main section")!;
        Assert.Equal("What your employer requires", first.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains($"{name} requires", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 overdue or not done, 1 due soon, 1 done (of 4)", home.Text(".employer-requirements__summary"), StringComparison.Ordinal);
        Assert.Contains("Overdue: ran out on", Item(home, "Safeguarding adults"), StringComparison.Ordinal);
        Assert.Contains("To do: not done yet", Item(home, "Duty of care"), StringComparison.Ordinal);
        Assert.Contains("Due soon: runs out on", Item(home, "Fire safety"), StringComparison.Ordinal);
        Assert.Equal("", Item(home, "Communication"));

        // Their record lists everything, done included.
        var record = await learner.GetPageAsync("/learn/record");
        Assert.Contains("Done on", Item(record, "Communication"), StringComparison.Ordinal);

        // Learn, filtered to what the employer requires: overdue first.
        var learn = await learner.GetPageAsync("/learn?Filter.Status=required");
        Assert.Equal(["Safeguarding adults", "Duty of care", "Fire safety", "Communication"],
            learn.QuerySelectorAll(".role-card__title").Select(t => t.TextContent.Trim()));
        Assert.Contains($"Required by {name}: Overdue", learn.QuerySelectorAll(".role-card")[0].TextContent, StringComparison.Ordinal);

        // The manager looks first (the portal keeps what the matrix read for her next view).
        Assert.StartsWith("Missing", await MatrixCellAsync(manager, organisation, "Amy Carer", "Duty of care"), StringComparison.Ordinal);

        // They complete it: their view and the manager's next view of the matrix both show it done.
        await PassAsync(learner, "duty-of-care");
        Assert.StartsWith("Duty of care Done on", Item(await learner.GetPageAsync("/learn/record"), "Duty of care"), StringComparison.Ordinal);
        Assert.Contains("1 overdue or not done", (await learner.GetPageAsync("/")).Text(".employer-requirements__summary"), StringComparison.Ordinal);
        Assert.StartsWith("Valid", await MatrixCellAsync(manager, organisation, "Amy Carer", "Duty of care"), StringComparison.Ordinal);
        Assert.StartsWith("Expired", await MatrixCellAsync(manager, organisation, "Amy Carer", "Safeguarding adults"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A manager wants lone working (three-yearly by default) redone every year: the care worker who
    /// did it fourteen months ago sees it run out on every page of her own the moment the rule is
    /// saved, as her manager's matrix does. Her record is judged by her employer's intervals whether
    /// it is read with the requirements (home, record) or alone (the learn catalogue).
    /// </summary>
    [Fact]
    public async Task WhenTheManagerWantsAModuleRedoneSoonerTheLearnersOwnPagesSayItRanOut()
    {
        var (organisation, _, manager) = await OrganisationAsync();
        var rules = await manager.GetPageAsync($"/manage/training?org={organisation}&job=care-worker");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(rules, "form[action*=Required]", [new("topic", "module:lone-working")])).StatusCode);
        var (learnerId, learner) = await StaffAsync(organisation, "care-worker", "Lou Worker");
        await app.CompletedAsync(learnerId, "lone-working", DateTime.UtcNow.AddMonths(-14));

        static string Status(IDocument record) =>
            record.QuerySelectorAll(".record-item").Single(i => i.QuerySelector("h3")!.TextContent.Trim() == "Lone working").QuerySelector(".status")!.TextContent.Trim();
        Assert.Equal("Valid", Status(await learner.GetPageAsync("/learn/record")));
        Assert.Equal("", Item(await learner.GetPageAsync("/"), "Lone working"));
        Assert.DoesNotContain("Lone working", (await learner.GetPageAsync("/learn?Filter.Status=due")).Text("main"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(await manager.GetPageAsync($"/manage/training?org={organisation}&job=care-worker"),
            "form[action*=Refresh]", [new("refresh[lone-working]", "12")])).StatusCode);

        var record = await learner.GetPageAsync("/learn/record");
        Assert.Equal("Expired", Status(record));
        Assert.Contains("Overdue: ran out on", Item(record, "Lone working"), StringComparison.Ordinal);
        var home = await learner.GetPageAsync("/");
        Assert.Contains("Overdue: ran out on", Item(home, "Lone working"), StringComparison.Ordinal);
        Assert.Contains("Lone working: Expired since", home.Text(".dashboard"), StringComparison.Ordinal);
        Assert.Equal(["Lone working"], (await learner.GetPageAsync("/learn?Filter.Status=due")).QuerySelectorAll(".role-card__title").Select(t => t.TextContent.Trim()));
        Assert.Equal(["Lone working"], (await learner.GetPageAsync("/learn?Filter.Status=required")).QuerySelectorAll(".role-card__title").Select(t => t.TextContent.Trim()));
        Assert.StartsWith("Expired", await MatrixCellAsync(manager, organisation, "Lou Worker", "Lone working"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Her home and her record read her employments and her completions once each (they were read two
    /// and three times: issue 25), and stay within a fixed number of queries: each is a round trip to
    /// the database server on PostgreSQL.
    /// </summary>
    [Fact]
    public async Task TheLearnersHomeAndRecordReadHerEmploymentsAndCompletionsOnce()
    {
        var (_, _, _, _, learner) = await AmyAtACareProviderAsync();
        foreach (var (path, most) in new[] { ("/", 10), ("/learn/record", 6) })
        {
            await learner.GetPageAsync(path);
            using var counter = await CommandCounter.StartAsync(app.DataRoot);
            var page = await learner.GetPageAsync(path);
            Assert.Contains("Overdue: ran out on", Item(page, "Safeguarding adults"), StringComparison.Ordinal);
            // The session's own row, read when the portal's short-lived copy of it runs out, is not the page's.
            var texts = counter.Texts.Where(t => !t.Contains("\"UserSessions\"", StringComparison.Ordinal)).ToList();
            Assert.Equal(1, texts.Count(t => t.Contains("FROM \"Completions\"", StringComparison.Ordinal)));
            // Her jobs with their employers' names; on the home page also whether she signs others off.
            Assert.Equal(path == "/" ? 2 : 1, texts.Count(t => t.Contains("FROM \"Memberships\"", StringComparison.Ordinal)));
            Assert.InRange(texts.Count, 1, most);
        }
    }

    private static async Task<string> MatrixCellAsync(HttpClient manager, Guid organisation, string person, string topic)
    {
        var matrix = await manager.GetPageAsync($"/manage/matrix?org={organisation}");
        var columns = matrix.QuerySelectorAll("thead .mx-topic").Select(h => h.TextContent.Trim()).ToList();
        var cells = matrix.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(person, StringComparison.Ordinal)).QuerySelectorAll("td.mx");
        return cells[columns.IndexOf(topic)].TextContent.Trim();
    }

    [Fact]
    public async Task TheLearnerSeesTheirSignOffsWithWhoSignedThem()
    {
        var (organisation, _, manager) = await OrganisationAsync();
        var rules = await manager.GetPageAsync($"/manage/training?org={organisation}&job=care-worker");
        await manager.PostFormAsync(rules, "form[action*=Required]", [new("topic", "competency:catheter-care")]);
        var (learnerId, learner) = await StaffAsync(organisation, "care-worker", "Amy Carer");
        var (nurseId, _) = await StaffAsync(organisation, "registered-nurse", "Nia Practitioner", practitioner: true);
        Assert.Contains("To do: needs a sign-off", Item(await learner.GetPageAsync("/learn/record"), "Catheter care"), StringComparison.Ordinal);

        var competency = Content.Competencies["catheter-care"];
        var observed = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Add(CompetencyRecord.SignOff(organisation, learnerId, competency.Slug, competency.ChecklistVersion, competency.Checklist,
                [.. Enumerable.Range(0, competency.Checklist.Count)], "Calm and careful", observed, nurseId, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var record = await learner.GetPageAsync("/learn/record");
        Assert.Contains("Done: valid until", Item(record, "Catheter care"), StringComparison.Ordinal);
        var signOff = record.Text(".sign-off");
        Assert.Contains($"Catheter care: signed off by Nia Practitioner on {observed.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", signOff, StringComparison.Ordinal);
        Assert.Contains("Calm and careful", signOff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachHomePageFitsThePersonsRoles()
    {
        var recruiterEmail = $"recruiter.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(recruiterEmail, SignIn.Password, roles: Portal.Infrastructure.Accounts.PortalRoles.Recruiter);
        var recruiter = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(recruiter, recruiterEmail);
        var recruiterHome = await recruiter.GetPageAsync("/");
        Assert.DoesNotContain("You hold", recruiterHome.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Recruiting", recruiterHome.QuerySelector("main section h2")!.TextContent.Trim());

        var (organisation, name, manager) = await OrganisationAsync();
        var rules = await manager.GetPageAsync($"/manage/training?org={organisation}&job=care-worker");
        await manager.PostFormAsync(rules, "form[action*=Required]", [new("topic", "module:duty-of-care"), new("topic", "competency:catheter-care")]);
        await StaffAsync(organisation, "care-worker", "Amy Carer");
        var (_, nurse) = await StaffAsync(organisation, "registered-nurse", "Nia Practitioner", practitioner: true);

        var managerHome = await manager.GetPageAsync("/");
        Assert.Equal($"Your staff's training at {name}", managerHome.QuerySelector("main section h2")!.TextContent.Trim());
        Assert.Contains("2 staff hold 0 of 2 required items", managerHome.Text(".home-matrix__summary"), StringComparison.Ordinal);
        Assert.DoesNotContain("You hold", managerHome.Body!.TextContent, StringComparison.Ordinal);

        var nurseHome = await nurse.GetPageAsync("/");
        var signOffs = nurseHome.QuerySelector(".home-signoffs")!;
        Assert.Contains("0 people are ready for you to observe, and 1 more sign-offs wait on training first", signOffs.TextContent, StringComparison.Ordinal);
    }
}
