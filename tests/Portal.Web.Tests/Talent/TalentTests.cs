using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Talent;

/// <summary>
/// Organisations, recruiters and vacancies through the real pages: an admin sets up an organisation,
/// its recruiter posts and publishes, applicants find it; another organisation's recruiter gets 404.
/// </summary>
public sealed class TalentTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private static Dictionary<string, string> VacancyForm(string title, string postcode = "LS6 2AB", string pay = "13.60") => new()
    {
        ["Input.CareerRole"] = "care-worker",
        ["Input.Title"] = title,
        ["Input.Description"] = "Visit people at home. <script>alert(1)</script> [click](javascript:alert(2))",
        ["Input.Postcode"] = postcode,
        ["Input.HourlyPay"] = pay,
        ["Input.HoursPerWeek"] = "30",
        ["Input.Days"] = "Monday",
        ["Input.Shifts"] = "Early",
        ["Input.PayBasis"] = "WholeShift",
        ["Input.GuaranteedHours"] = "true",
        ["Input.ClosingDate"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
    };

    private async Task<(Guid Organisation, HttpClient Recruiter)> OrganisationWithRecruiterAsync(HttpClient admin, string name)
    {
        var created = await admin.AddOrganisationAsync(name);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var organisationUrl = created.Headers.Location!.OriginalString;
        var email = $"recruiter.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        var added = await admin.SubmitAsync(await admin.GetPageAsync(organisationUrl), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Recruiter" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var recruiter = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInWithTwoFactorAsync(recruiter, email)).StatusCode);
        return (Guid.Parse(organisationUrl.Split('/')[^1]), recruiter);
    }

    private static async Task<string> PostVacancyAsync(HttpClient recruiter, string title, bool publish = true)
    {
        var saved = await recruiter.SubmitAsync(await recruiter.GetPageAsync("/recruit/vacancies/new"), VacancyForm(title));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;
        if (publish)
        {
            var published = await recruiter.SubmitAsync(await recruiter.GetPageAsync(url), new Dictionary<string, string>(), "form[action*=Publish]");
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        return url;
    }

    private async Task<VacancyStatus> StatusAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Vacancy>().Where(v => v.Id == id).Select(v => v.Status).SingleAsync();
    }

    [Fact]
    public async Task AVacancyPayingBelowTheNationalLivingWageCannotBePublished()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (_, recruiter) = await OrganisationWithRecruiterAsync(admin, $"Low Pay Care {Guid.NewGuid():N}");
        var saved = await recruiter.SubmitAsync(await recruiter.GetPageAsync("/recruit/vacancies/new"), VacancyForm("Care worker, below the floor", pay: "12.50"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;
        var id = Guid.Parse(url.Split('/')[^1]);

        var response = await recruiter.SubmitAsync(await recruiter.GetPageAsync(url), new Dictionary<string, string>(), "form[action*=Publish]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The pay, £12.50 an hour, is below the National Living Wage of £12.71 an hour", (await Forms.ParseAsync(response)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(VacancyStatus.Draft, await StatusAsync(id));

        var fixedPay = await recruiter.SubmitAsync(await recruiter.GetPageAsync(url), VacancyForm("Care worker, at the floor", pay: "12.71"), "form[action*=Save]");
        Assert.Equal(HttpStatusCode.Redirect, fixedPay.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await recruiter.SubmitAsync(await recruiter.GetPageAsync(url), new Dictionary<string, string>(), "form[action*=Publish]")).StatusCode);
        Assert.Equal(VacancyStatus.Published, await StatusAsync(id));
    }

    [Fact]
    public async Task AnOrganisationWithAPostcodeOutsideTheCityIsRefused()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();

        var response = await admin.AddOrganisationAsync("Far Away Care", postcode: "M1 1AA");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("M1 is outside the area the portal covers", (await Forms.ParseAsync(response)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.DoesNotContain("Far Away Care", (await admin.GetPageAsync("/admin/organisations")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecruitersAndLearnersCannotReachTheOrganisationAdmin()
    {
        var learner = await app.AsNewUserAsync();
        var recruiter = await app.AsNewUserAsync("Recruiter");

        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/admin/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await recruiter.GetAsync("/admin/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/recruit/vacancies/new")).StatusCode);
    }

    [Fact]
    public async Task APublishedVacancyIsFoundByPostcodeAndShownOnItsRolePage()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (_, recruiter) = await OrganisationWithRecruiterAsync(admin, $"Headingley Homecare {Guid.NewGuid():N}");
        var title = $"Home care worker {Guid.NewGuid():N}";
        var url = await PostVacancyAsync(recruiter, title);
        var id = url.Split('/')[^1];

        var results = await app.CreateBrowser().GetPageAsync($"/jobs?Search.Keyword={title}&Search.Postcode=LS6+3AB&Search.Miles=5&Search.Sort=Distance");
        var card = Assert.Single(results.QuerySelectorAll(".role-card"));
        Assert.Contains("0.0 miles away", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Real Living Wage or above", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Guaranteed hours", card.TextContent, StringComparison.Ordinal);

        var job = await app.CreateBrowser().GetPageAsync($"/jobs/{id}");
        Assert.Equal(title, job.Text("h1"));
        // The description is Markdown made safe: no script, no javascript: link.
        Assert.Empty(job.QuerySelectorAll("main script"));
        Assert.DoesNotContain("javascript:", job.QuerySelector(".prose")!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/careers/roles/care-worker", job.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        var role = await app.CreateBrowser().GetPageAsync("/careers/roles/care-worker");
        Assert.Contains($"/jobs/{id}", role.QuerySelectorAll(".vacancy-links a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ADraftOrClosedVacancyIsNotShownToApplicants()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (_, recruiter) = await OrganisationWithRecruiterAsync(admin, $"Draft Care {Guid.NewGuid():N}");
        var draft = await PostVacancyAsync(recruiter, "A draft", publish: false);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var published = await PostVacancyAsync(recruiter, $"To be closed {tag}");
        // Signed-out searches and vacancy pages are output-cached: closing the vacancy must evict them.
        Assert.Contains($"To be closed {tag}", (await app.CreateBrowser().GetPageAsync($"/jobs?Search.Keyword={tag}")).Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync($"/jobs/{published.Split('/')[^1]}")).StatusCode);
        var closed = await recruiter.SubmitAsync(await recruiter.GetPageAsync(published), new Dictionary<string, string>(), "form[action*=Close]");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.DoesNotContain($"To be closed {tag}", (await app.CreateBrowser().GetPageAsync($"/jobs?Search.Keyword={tag}")).Text("main"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowser().GetAsync($"/jobs/{draft.Split('/')[^1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowser().GetAsync($"/jobs/{published.Split('/')[^1]}")).StatusCode);
    }

    [Fact]
    public async Task AnotherOrganisationsRecruiterGetsNotFoundForEveryVacancyPageAndAction()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (_, recruiterA) = await OrganisationWithRecruiterAsync(admin, $"Aire Care {Guid.NewGuid():N}");
        var (_, recruiterB) = await OrganisationWithRecruiterAsync(admin, $"Beck Care {Guid.NewGuid():N}");
        var url = await PostVacancyAsync(recruiterA, "Aire's own vacancy");
        var id = Guid.Parse(url.Split('/')[^1]);
        var ownPage = await recruiterB.GetPageAsync("/recruit/vacancies/new");
        var token = ownPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.NotFound, (await recruiterB.GetAsync(url)).StatusCode);
        foreach (var handler in new[] { "Close", "Publish", "Save" })
        {
            var fields = new Dictionary<string, string>(VacancyForm("Hijacked")) { ["__RequestVerificationToken"] = token };
            var response = await recruiterB.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(VacancyStatus.Published, await StatusAsync(id));
        Assert.DoesNotContain("Aire's own vacancy", (await recruiterB.GetPageAsync("/recruit")).Text("main"), StringComparison.Ordinal);
        // Guessing an id that does not exist looks the same as guessing one that does.
        Assert.Equal(HttpStatusCode.NotFound, (await recruiterB.GetAsync($"/recruit/vacancies/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ABadVacancyFormSaysWhatIsWrongAndSavesNothing()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (organisation, recruiter) = await OrganisationWithRecruiterAsync(admin, $"Bad Form Care {Guid.NewGuid():N}");
        var form = VacancyForm("Bad one", postcode: "BD1 1AA", pay: "lots");
        form.Remove("Input.Days");

        var response = await recruiter.SubmitAsync(await recruiter.GetPageAsync("/recruit/vacancies/new"), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await Forms.ParseAsync(response)).Text(".alert-danger");
        Assert.Contains("BD1 is outside the area the portal covers", errors, StringComparison.Ordinal);
        Assert.Contains("Choose the days the shifts fall on", errors, StringComparison.Ordinal);
        Assert.Contains("'lots' is not a number; enter the hourly pay in figures", errors, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Vacancy>().AnyAsync(v => v.OrganisationId == organisation));
    }

    [Theory]
    [InlineData("/jobs?Search.Postcode=M1+1AA&Search.Miles=5", "M1 is outside the area")]
    [InlineData("/jobs?Search.Miles=5", "Enter a postcode to search by distance")]
    [InlineData("/jobs?Search.Postcode=LS6&Search.Miles=7", "Choose 5, 10 or 20 miles")]
    [InlineData("/jobs?Search.Role=astronaut", "Choose a job from the list")]
    public async Task ABadSearchSaysWhy(string url, string message)
    {
        var page = await app.CreateBrowser().GetPageAsync(url);

        Assert.Contains(message, page.Text(".alert-danger"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyOnceMoveAlongThePipelineAndTheApplicantSeesItAndIsEmailed()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (_, recruiter) = await OrganisationWithRecruiterAsync(admin, $"Pipeline Care {Guid.NewGuid():N}");
        var (_, stranger) = await OrganisationWithRecruiterAsync(admin, $"Nosy Care {Guid.NewGuid():N}");
        var url = await PostVacancyAsync(recruiter, "Pipeline job");
        var id = url.Split('/')[^1];
        var email = $"applicant.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        var applicant = app.CreateBrowser();
        await SignIn.PostSignInAsync(applicant, email, SignIn.Password);

        var job = await applicant.GetPageAsync($"/jobs/{id}");
        var first = await applicant.SubmitAsync(job, new Dictionary<string, string> { ["Note"] = "=HYPERLINK(\"x\") I live in LS6." }, "form[action*=Apply]");
        var second = await applicant.SubmitAsync(job, new Dictionary<string, string> { ["Note"] = "again" }, "form[action*=Apply]");
        Assert.Equal("/applications", first.Headers.Location!.OriginalString);
        Assert.Equal("/applications", second.Headers.Location!.OriginalString);

        var list = await recruiter.GetPageAsync($"{url}/applications");
        var item = Assert.Single(list.QuerySelectorAll(".record-item"));
        Assert.Contains(email, item.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{url}/applications")).StatusCode);
        var strangerToken = (await stranger.GetPageAsync("/recruit/vacancies/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var applicationId = item.QuerySelector("form[action*=Move]")!.GetAttribute("action")!.Split("application=")[1].Split('&')[0];
        var hijack = await stranger.PostAsync($"{url}/applications/Move?application={applicationId}&to=Rejected", new FormUrlEncodedContent([new("__RequestVerificationToken", strangerToken)]));
        Assert.Equal(HttpStatusCode.NotFound, hijack.StatusCode);

        var moved = await recruiter.SubmitAsync(list, new Dictionary<string, string>(), "form[action*='to=Shortlisted']");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        list = await recruiter.GetPageAsync($"{url}/applications");
        await recruiter.SubmitAsync(list, new Dictionary<string, string>(), "form[action*='to=Interview']");

        var mine = await applicant.GetPageAsync("/applications");
        Assert.Contains("Status: Interview", mine.Text(".record-item"), StringComparison.Ordinal);
        Assert.Equal(["Applied", "Shortlisted", "Invited to interview"], mine.QuerySelectorAll(".application-history li").Select(li => li.TextContent.Split(" on ")[0]));
        await app.DeliverMailAsync();
        Assert.Contains(app.MailTo(email), m => (m.TextBody ?? "").Contains("the employer would like to interview you", StringComparison.Ordinal));

        var csv = await (await recruiter.GetAsync($"{url}/applications/csv")).Content.ReadAsStringAsync();
        var row = csv.Split("\r\n")[1];
        Assert.Contains(email, row, StringComparison.Ordinal);
        Assert.Contains(",Interview,", row, StringComparison.Ordinal);
        // A note that a spreadsheet would run as a formula is written as text.
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\") I live in LS6.\"", row, StringComparison.Ordinal);
    }

    /// <summary>
    /// The recruiter sees, for each applicant, which of the vacancy's required training they hold in
    /// date: a pass within its refresh interval counts, an expired one and training the vacancy does
    /// not ask for do not (the page and the CSV).
    /// </summary>
    [Fact]
    public async Task TheApplicantsListSaysWhichRequiredTrainingEachApplicantHoldsInDate()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (_, recruiter) = await OrganisationWithRecruiterAsync(admin, $"Required Care {Guid.NewGuid():N}");
        var form = await recruiter.GetPageAsync("/recruit/vacancies/new");
        var saved = await recruiter.PostFormAsync(form, "main form[method=post]",
            [.. VacancyForm("Care worker, training required"), new("Input.RequiredModules", "fire-safety"), new("Input.RequiredModules", "safeguarding-adults")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await recruiter.SubmitAsync(await recruiter.GetPageAsync(url), new Dictionary<string, string>(), "form[action*=Publish]")).StatusCode);

        var email = $"trained.{Guid.NewGuid():N}@example.com";
        var person = await app.CreateUserAsync(email, SignIn.Password);
        // Both yearly: fire safety a month ago (held), safeguarding fourteen months ago (run out); food hygiene is not asked for.
        await app.CompletedAsync(person.Id, "fire-safety", DateTime.UtcNow.AddMonths(-1));
        await app.CompletedAsync(person.Id, "safeguarding-adults", DateTime.UtcNow.AddMonths(-14));
        await app.CompletedAsync(person.Id, "food-hygiene", DateTime.UtcNow.AddMonths(-1));
        var applicant = app.CreateBrowser();
        await SignIn.PostSignInAsync(applicant, email, SignIn.Password);
        var applied = await applicant.SubmitAsync(await applicant.GetPageAsync($"/jobs/{url.Split('/')[^1]}"), new Dictionary<string, string> { ["Note"] = "" }, "form[action*=Apply]");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        var item = Assert.Single((await recruiter.GetPageAsync($"{url}/applications")).QuerySelectorAll(".record-item"));
        Assert.Contains("Required training held: 1 of 2 (holds Fire safety, missing Safeguarding adults)", string.Join(' ', item.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        var csv = await (await recruiter.GetAsync($"{url}/applications/csv")).Content.ReadAsStringAsync();
        Assert.Contains(",1 of 2,", csv.Split("\r\n")[1], StringComparison.Ordinal);
    }

    /// <summary>
    /// Opening a vacancy's applicants is in each applicant's audit trail (who opened their data), once
    /// an hour however often the recruiter reloads the list; each CSV download is its own event.
    /// </summary>
    [Fact]
    public async Task EachApplicantSeesTheListOpenedOnceAnHourAndEveryDownload()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (organisation, recruiter) = await OrganisationWithRecruiterAsync(admin, $"Audited Care {Guid.NewGuid():N}");
        var url = await PostVacancyAsync(recruiter, "Audited job");
        var applicants = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var email = $"applicant.{Guid.NewGuid():N}@example.com";
            applicants.Add((await app.CreateUserAsync(email, SignIn.Password)).Id);
            var applicant = app.CreateBrowser();
            await SignIn.PostSignInAsync(applicant, email, SignIn.Password);
            var applied = await applicant.SubmitAsync(await applicant.GetPageAsync($"/jobs/{url.Split('/')[^1]}"), new Dictionary<string, string>(), "form[action*=Apply]");
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        }

        for (var i = 0; i < 3; i++)
            Assert.Equal(2, (await recruiter.GetPageAsync($"{url}/applications")).QuerySelectorAll(".record-item").Length);
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"{url}/applications/csv")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.OrganisationId == organisation && e.Action == Portal.Domain.Audit.AuditAction.ProfileOpened).ToListAsync();
        foreach (var applicant in applicants)
        {
            Assert.Equal(["application for Audited job", "application for Audited job, downloaded", "application for Audited job, downloaded"],
                events.Where(e => e.SubjectId == applicant).OrderBy(e => e.Id).Select(e => e.Details));
        }
    }

    [Fact]
    public async Task AnApplicantCanWithdrawAndNotTwice()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (_, recruiter) = await OrganisationWithRecruiterAsync(admin, $"Withdraw Care {Guid.NewGuid():N}");
        var id = (await PostVacancyAsync(recruiter, "Withdraw job")).Split('/')[^1];
        var applicant = await app.AsNewUserAsync();
        await applicant.SubmitAsync(await applicant.GetPageAsync($"/jobs/{id}"), new Dictionary<string, string>(), "form[action*=Apply]");

        var ask = (await applicant.GetPageAsync("/applications")).QuerySelector(".record-item a[href$='/withdraw']")!.GetAttribute("href")!;
        var confirm = await applicant.GetPageAsync(ask);
        var withdrawn = await applicant.SubmitAsync(confirm, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var mine = await applicant.GetPageAsync("/applications");
        Assert.Contains("Status: Withdrawn", mine.Text(".record-item"), StringComparison.Ordinal);
        Assert.Null(mine.QuerySelector(".record-item a[href$='/withdraw']"));
        // The form kept from before says why and changes nothing.
        var again = await applicant.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("already withdrawn", (await applicant.GetPageAsync("/applications")).Text(".alert"), StringComparison.Ordinal);
    }
}
