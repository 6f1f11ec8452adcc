using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Infrastructure;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;
using Portal.Tests.Common;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Compliance;

/// <summary>
/// The manager's matrix, its exports, required-training settings, a person's page and leaving, and
/// the practitioner's sign-off, through the pages: permissions, tampered forms and other
/// organisations' ids included.
/// </summary>
public sealed class ComplianceTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private sealed record Team(Guid Organisation, HttpClient Manager, string ManagerId, string OrganisationName);

    private async Task<Team> OrganisationAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var created = await organisations.CreateAsync($"{name} {Guid.NewGuid():N}"[..36], OrganisationType.CareProvider, null, "LS6 1AA");
        Assert.Null(created.Problem);
        var organisation = created.Value!;
        var email = $"manager.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);
        Assert.True((await organisations.AddMemberAsync(organisation.Id, email, MembershipRole.Manager)).IsDone);
        var browser = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(browser, email);
        return new Team(organisation.Id, browser, user.Id, organisation.Name);
    }

    [Fact]
    public async Task AManagersHomePageShowsNoStaffTrainingUntilTheSessionHasItsSecondStep()
    {
        Guid organisation;
        var email = $"manager.{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
            organisation = (await organisations.CreateAsync($"Home Care {Guid.NewGuid():N}"[..30], OrganisationType.CareProvider, null, "LS6 1AA")).Value!.Id;
            await app.CreateUserAsync(email, SignIn.Password);
            Assert.True((await organisations.AddMemberAsync(organisation, email, MembershipRole.Manager)).IsDone);
        }
        await StaffAsync(organisation, "care-worker", name: "Hana Home");
        var passwordOnly = app.CreateBrowser();
        await SignIn.PostSignInAsync(passwordOnly, email, SignIn.Password);

        var home = await passwordOnly.GetPageAsync("/");

        Assert.Null(home.QuerySelector(".home-matrix__summary"));
        Assert.Contains("Confirm it is you", home.Text(".home-matrix"), StringComparison.Ordinal);
        var withSecondStep = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(withSecondStep, email);
        Assert.Contains("staff hold", (await withSecondStep.GetPageAsync("/")).Text(".home-matrix__summary"), StringComparison.Ordinal);
    }

    private async Task<(string UserId, long Membership, string Email)> StaffAsync(Guid organisation, string jobRole, string? team = null, bool practitioner = false, string? name = null)
    {
        var email = $"staff.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (name is not null)
        {
            var tracked = await db.Users.SingleAsync(u => u.Id == user.Id);
            tracked.DisplayName = name;
        }
        var membership = Membership.Start(organisation, user.Id, MembershipRole.Staff, DateTime.UtcNow.AddDays(-30), jobRole, team, practitioner);
        db.Add(membership);
        await db.SaveChangesAsync();
        return (user.Id, membership.Id, email);
    }

    private static async Task SetRequiredAsync(Team team, string jobRole, params string[] topics)
    {
        var page = await team.Manager.GetPageAsync($"/manage/training?org={team.Organisation}&job={jobRole}");
        var saved = await team.Manager.PostFormAsync(page, "form[action*=Required]", topics.Select(t => new KeyValuePair<string, string>("topic", t)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private ContentSet Content => app.Services.GetRequiredService<ContentStore>().Current;

    [Fact]
    public async Task TheMatrixShowsEachCellInWordsWithTotalsAndFilters()
    {
        var team = await OrganisationAsync("Matrix Care");
        await SetRequiredAsync(team, "care-worker", "module:safeguarding-adults", "module:communication");
        var (ana, _, _) = await StaffAsync(team.Organisation, "care-worker", team: "North", name: "Ana Valid");
        var (ben, _, _) = await StaffAsync(team.Organisation, "care-worker", team: "South", name: "Ben Expired");
        await app.CompletedAsync(ana, "safeguarding-adults", DateTime.UtcNow.AddMonths(-1));
        await app.CompletedAsync(ana, "communication", DateTime.UtcNow.AddMonths(-1));
        await app.CompletedAsync(ben, "safeguarding-adults", DateTime.UtcNow.AddMonths(-40));

        var page = await team.Manager.GetPageAsync("/manage/matrix");
        Assert.Contains("50% compliant", page.Text(".mx-compliance"), StringComparison.Ordinal);
        Assert.Equal(["Communication", "Safeguarding adults"], page.QuerySelectorAll("thead .mx-topic").Select(h => h.TextContent.Trim()));
        var benRow = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Ben Expired", StringComparison.Ordinal));
        var cells = benRow.QuerySelectorAll("td.mx");
        Assert.StartsWith("Missing", cells[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Expired", cells[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("mx-expired", cells[1].ClassName, StringComparison.Ordinal);
        Assert.Contains("1 of 2", page.QuerySelectorAll("tfoot td").Select(t => t.TextContent).ToList()[1], StringComparison.Ordinal);
        // Each name opens that person's own record.
        foreach (var row in page.QuerySelectorAll("tbody tr"))
        {
            var name = row.QuerySelector("th a")!;
            Assert.Equal(name.TextContent, (await team.Manager.GetPageAsync(name.GetAttribute("href")!)).Text("h1"));
        }

        var north = await team.Manager.GetPageAsync($"/manage/matrix?org={team.Organisation}&team=North");
        Assert.Equal(["Ana Valid"], north.QuerySelectorAll("tbody th a").Select(a => a.TextContent));
        var missing = await team.Manager.GetPageAsync($"/manage/matrix?org={team.Organisation}&status=Missing");
        Assert.Equal(["Ben Expired"], missing.QuerySelectorAll("tbody th a").Select(a => a.TextContent));
        // A status that does not exist is no filter, not an error.
        Assert.Equal(2, (await team.Manager.GetPageAsync($"/manage/matrix?org={team.Organisation}&status=Sparkly")).QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task TheExportsHoldTheSameViewForAnInspector()
    {
        var team = await OrganisationAsync("Export Care");
        await SetRequiredAsync(team, "care-worker", "module:safeguarding-adults");
        var (ana, _, _) = await StaffAsync(team.Organisation, "care-worker", name: "Ana Export");
        var done = DateTime.UtcNow.AddMonths(-2);
        await app.CompletedAsync(ana, "safeguarding-adults", done);
        await StaffAsync(team.Organisation, "care-worker", name: "=Bob Formula");

        var csvResponse = await team.Manager.GetAsync($"/manage/matrix?handler=Csv&org={team.Organisation}");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        // Staff names and training: never kept in a browser's or a proxy's cache.
        Assert.True(csvResponse.Headers.CacheControl?.NoStore);
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name,Job,Team,Held,Safeguarding adults", csv[0]);
        Assert.Equal(3, csv.Length);
        Assert.Contains($"Ana Export,Care worker,,1 of 1,Valid; done {done:yyyy-MM-dd}; expires {done.AddMonths(12):yyyy-MM-dd}", csv);
        // A name that a spreadsheet would run as a formula is defused.
        Assert.Contains("'=Bob Formula,Care worker,,0 of 1,Missing", csv);

        var excel = await team.Manager.GetAsync($"/manage/matrix?handler=Excel&org={team.Organisation}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", excel.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.True(excel.Headers.CacheControl?.NoStore);
        var book = Workbook.Read(await excel.Content.ReadAsByteArrayAsync());
        // A title row an inspector can file: the organisation and the date it shows, then what it covers.
        Assert.Equal($"Training matrix: {team.OrganisationName}, as of {DateTime.UtcNow.UkDate()}", book.Rows[0][0].Text);
        Assert.True(book.Rows[0][0].Bold);
        Assert.StartsWith("Everyone on the staff. 2 people, 1 of 2 required items held.", book.Rows[1][0].Text, StringComparison.Ordinal);
        Assert.Equal(["Name", "Job", "Team", "Held", "Safeguarding adults"], book.Texts(2));
        Assert.Equal(5, book.Rows.Count);
        // Names and headings stay in view; columns are wide enough for their words.
        Assert.Equal("B4", book.FrozenAt);
        Assert.Equal(5, book.ColumnWidths.Count);
        Assert.All(book.ColumnWidths.Skip(4), w => Assert.True(w >= 30, $"A topic column is {w} wide"));
        var anaRow = book.RowStartingWith("Ana Export");
        Assert.Equal("1 of 1", anaRow[3].Text);
        Assert.Equal($"Valid; done {done:yyyy-MM-dd}; expires {done.AddMonths(12):yyyy-MM-dd}", anaRow[4].Text);
        // The colour repeats the words: valid and missing are told apart by both.
        var bobCell = book.RowStartingWith("=Bob Formula")[4];
        Assert.Equal("Missing", bobCell.Text);
        Assert.NotNull(anaRow[4].Fill);
        Assert.NotNull(bobCell.Fill);
        Assert.NotEqual(anaRow[4].Fill, bobCell.Fill);

        // Filtered to what is missing, the workbook says so and holds only that.
        var missing = Workbook.Read(await team.Manager.GetByteArrayAsync($"/manage/matrix?handler=Excel&org={team.Organisation}&status=missing"));
        Assert.StartsWith("Showing only status: Missing. 1 person,", missing.Rows[1][0].Text, StringComparison.Ordinal);
        Assert.Equal("=Bob Formula", Assert.Single(missing.Rows.Skip(3))[0].Text);
    }

    [Fact]
    public async Task TheMatrixPageTakesAtMostSixQueriesBesidesTheSessionLookup()
    {
        var team = await OrganisationAsync("Counted Care");
        for (var i = 0; i < 8; i++)
        {
            var (user, _, _) = await StaffAsync(team.Organisation, i % 2 == 0 ? "care-worker" : "enhanced-care-worker", team: i % 3 == 0 ? "North" : null);
            await app.CompletedAsync(user, "safeguarding-adults", DateTime.UtcNow.AddMonths(-i));
        }
        await team.Manager.GetPageAsync("/manage/matrix");
        using var counter = await CommandCounter.StartAsync(app.DataRoot);
        var page = await team.Manager.GetPageAsync("/manage/matrix");
        Assert.Equal(8, page.QuerySelectorAll("tbody tr").Length);
        // Six (the sixth reads training recognised from passports); the session comes from the in-process copy, not its row.
        Assert.InRange(counter.Count, 2, 6);
    }

    /// <summary>
    /// A phone asking for compression gets the matrix in a fraction of its size, the same page once
    /// unpacked; and the one secret in the page, the antiforgery token, differs in every response, which
    /// is what keeps compressing it over HTTPS safe (an attacker cannot guess it a byte at a time).
    /// </summary>
    [Fact]
    public async Task TheMatrixGoesCompressedToABrowserThatAsksAndItsTokenDiffersEveryTime()
    {
        var team = await OrganisationAsync("Compressed Care");
        await SetRequiredAsync(team, "care-worker", "module:safeguarding-adults", "module:communication");
        for (var i = 0; i < 20; i++)
            await StaffAsync(team.Organisation, "care-worker", name: $"Person {i:D2}");

        var plain = await team.Manager.GetStringAsync("/manage/matrix");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/manage/matrix");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await team.Manager.SendAsync(request);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        var packed = await response.Content.ReadAsByteArrayAsync();
        await using var unpacking = new System.IO.Compression.BrotliStream(new MemoryStream(packed), System.IO.Compression.CompressionMode.Decompress);
        var unpacked = await new StreamReader(unpacking).ReadToEndAsync();

        Assert.Contains("Person 19", unpacked, StringComparison.Ordinal);
        Assert.Equal(Shape(plain), Shape(unpacked));
        Assert.True(packed.Length * 4 < System.Text.Encoding.UTF8.GetByteCount(unpacked), $"{packed.Length} bytes compressed from {unpacked.Length}");
        Assert.NotEqual(Token(plain), Token(unpacked));

        static string Token(string html) => System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token : throw new Xunit.Sdk.XunitException("No antiforgery token in the page.");

        // The page without its per-response token (and the "as of" time, which may tick between the two).
        static string Shape(string html) => System.Text.RegularExpressions.Regex.Replace(html, "value=\"CfDJ8[^\"]+\"|\\d{1,2}:\\d{2}", "");
    }

    [Fact]
    public async Task AnotherOrganisationsMatrixPersonAndSettingsAreNotFound()
    {
        var mine = await OrganisationAsync("Mine Care");
        var theirs = await OrganisationAsync("Theirs Care");
        var (_, theirMembership, _) = await StaffAsync(theirs.Organisation, "care-worker", name: "Their Worker");

        Assert.Equal(HttpStatusCode.NotFound, (await mine.Manager.GetAsync($"/manage/matrix?org={theirs.Organisation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Manager.GetAsync($"/manage/matrix?handler=Excel&org={theirs.Organisation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Manager.GetAsync($"/manage/training?org={theirs.Organisation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Manager.GetAsync($"/manage/staff/{theirMembership}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Manager.GetAsync("/manage/staff/999999999")).StatusCode);
        // A forged post with a good token from their own page changes nothing.
        var own = await mine.Manager.GetPageAsync("/manage/training");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await mine.Manager.PostAsync($"/manage/staff/{theirMembership}?handler=Leave", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("Their Worker", (await theirs.Manager.GetPageAsync("/manage/matrix")).Text("tbody"), StringComparison.Ordinal);
        // Staff are not managers.
        var (_, _, staffEmail) = await StaffAsync(mine.Organisation, "care-worker");
        var staff = app.CreateBrowser();
        await SignIn.PostSignInAsync(staff, staffEmail, SignIn.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/manage/matrix")).StatusCode);
    }

    [Fact]
    public async Task ATamperedSettingIsRefusedAndChangesNothing()
    {
        var team = await OrganisationAsync("Tamper Care");
        var page = await team.Manager.GetPageAsync($"/manage/training?org={team.Organisation}&job=care-worker");
        var refused = await team.Manager.PostFormAsync(page, "form[action*=Required]", [new("topic", "module:no-such-module")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("not on the portal", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        var badInterval = await team.Manager.PostFormAsync(page, "form[action*=Refresh]", [new("refresh[safeguarding-adults]", "7")]);
        Assert.Contains("from its list", (await Forms.ParseAsync(badInterval)).Text(".alert-danger"), StringComparison.Ordinal);

        // A job that is not on the list, or no organisation, is not found: never another job's settings.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var url in new[] { $"/manage/training?org={team.Organisation}&job=astronaut&handler=Required", "/manage/training?job=care-worker&handler=Required" })
        {
            var refusedPost = await team.Manager.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("topic", "module:safeguarding-adults")]));
            Assert.Equal(HttpStatusCode.NotFound, refusedPost.StatusCode);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await db.Set<JobRequirements>().AnyAsync(r => r.OrganisationId == team.Organisation));
        Assert.False(await db.Set<RefreshOverride>().AnyAsync(r => r.OrganisationId == team.Organisation));

        // A real change: safeguarding yearly.
        var saved = await team.Manager.PostFormAsync(page, "form[action*=Refresh]", [new("refresh[safeguarding-adults]", "12")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(12, (await db.Set<RefreshOverride>().SingleAsync(r => r.OrganisationId == team.Organisation)).Months);
    }

    [Fact]
    public async Task APractitionerSignsOffOnTheirPhoneAndAManagerCannot()
    {
        var team = await OrganisationAsync("Signoff Care");
        var (_, _, nurseEmail) = await StaffAsync(team.Organisation, "registered-nurse", practitioner: true, name: "Nia Nurse");
        var (worker, membership, _) = await StaffAsync(team.Organisation, "enhanced-care-worker", name: "Wes Worker");
        var competency = Content.Competencies["blood-glucose-monitoring"];
        foreach (var module in competency.Modules)
            await app.CompletedAsync(worker, module, DateTime.UtcNow.AddDays(-1));
        var nurse = app.CreateBrowser();
        await SignIn.PostSignInAsync(nurse, nurseEmail, SignIn.Password);

        var list = await nurse.GetPageAsync("/competencies");
        Assert.Contains("Wes Worker", list.Text("main"), StringComparison.Ordinal);
        var url = $"/competencies/observe/{membership}/blood-glucose-monitoring";
        Assert.Equal(HttpStatusCode.NotFound, (await team.Manager.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync($"/competencies/observe/{membership}/no-such-thing")).StatusCode);

        var form = await nurse.GetPageAsync(url);
        Assert.Equal(competency.Checklist.Count, form.QuerySelectorAll("input[name=step]").Length);
        // One step short: refused with the reason, nothing recorded.
        var some = Enumerable.Range(1, competency.Checklist.Count - 1).Select(i => new KeyValuePair<string, string>("step", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("ObservedOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var refused = await nurse.PostFormAsync(form, "main form[method=post]", some);
        Assert.Contains("1 of 8 are not ticked", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        var tampered = await nurse.PostFormAsync(form, "main form[method=post]", [.. some, new("step", "42")]);
        Assert.Contains("do not match this checklist", (await Forms.ParseAsync(tampered)).Text(".alert-danger"), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<CompetencyRecord>().AnyAsync(r => r.UserId == worker));

        var all = Enumerable.Range(0, competency.Checklist.Count).Select(i => new KeyValuePair<string, string>("step", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var signed = await nurse.PostFormAsync(form, "main form[method=post]", [.. all, new("Note", "Calm, careful, explained each step."), some[^1]]);
        Assert.Equal("/competencies", signed.Headers.Location!.OriginalString);

        var person = await team.Manager.GetPageAsync($"/manage/staff/{membership}");
        // The log says who signed it off.
        Assert.Contains("Blood glucose monitoring: signed off by Nia Nurse", person.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Calm, careful, explained each step.", person.Text("main"), StringComparison.Ordinal);
        var matrix = await team.Manager.GetPageAsync("/manage/matrix");
        var column = matrix.QuerySelectorAll("thead .mx-topic").Select(h => h.TextContent.Trim()).ToList().IndexOf("Blood glucose monitoring (sign-off)");
        var row = matrix.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Wes Worker", StringComparison.Ordinal));
        Assert.StartsWith("Valid", row.QuerySelectorAll("td.mx")[column].TextContent.Trim(), StringComparison.Ordinal);

        // The manager withdraws it, with a reason; it stays in the log.
        var withdrawn = await team.Manager.PostFormAsync(person, "form[action*=Revoke]", [new("Reason", "Missed hand hygiene on a later visit")]);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var after = await team.Manager.GetPageAsync($"/manage/staff/{membership}");
        Assert.Contains("sign-off withdrawn by Sam Taylor", after.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Blood glucose monitoring: signed off", after.Text("main"), StringComparison.Ordinal);

        // The practitioner's own page for the worker keeps the log, each row naming who recorded it.
        var again = (await nurse.GetPageAsync(url)).Text("main");
        Assert.Contains($"Signed off by Nia Nurse, observed {DateTime.UtcNow.UkDate()}", again, StringComparison.Ordinal);
        Assert.Contains($"Withdrawn by Sam Taylor on {DateTime.UtcNow.UkDate()}: Missed hand hygiene on a later visit", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavingTakesThemOffTheStaffButKeepsTheirRecord()
    {
        var team = await OrganisationAsync("Leaving Care");
        var (worker, membership, workerEmail) = await StaffAsync(team.Organisation, "care-worker", name: "Lee Leaver");
        await app.CompletedAsync(worker, "safeguarding-adults", DateTime.UtcNow.AddDays(-3));
        var person = await team.Manager.GetPageAsync($"/manage/staff/{membership}");
        var left = await team.Manager.PostFormAsync(person, "form[action*=Leave]", []);
        Assert.Equal("/manage", left.Headers.Location!.OriginalString);
        var staffList = await team.Manager.GetPageAsync("/manage");
        Assert.Contains("Lee Leaver has left your staff", staffList.Text("main"), StringComparison.Ordinal);
        Assert.Empty(staffList.QuerySelectorAll("main table tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await team.Manager.GetAsync($"/manage/staff/{membership}")).StatusCode);

        var leaver = app.CreateBrowser();
        await SignIn.PostSignInAsync(leaver, workerEmail, SignIn.Password);
        Assert.Contains("Safeguarding adults", (await leaver.GetPageAsync("/learn/record")).Text("main"), StringComparison.Ordinal);
    }
}
