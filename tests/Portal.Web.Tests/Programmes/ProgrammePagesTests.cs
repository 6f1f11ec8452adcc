using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Equality;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Talent;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Programmes;

/// <summary>
/// Programmes through the pages: a navigator sets up a cohort and enrols someone, a recruiter hires
/// them and the outcome shows once; another organisation's navigator gets 404 everywhere; equality
/// answers never reach a recruiter's, manager's or navigator's page or export.
/// </summary>
public sealed class ProgrammePagesTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private sealed record Member(HttpClient Browser, string Id, string Email, Guid Organisation);

    private async Task<Guid> OrganisationAsync(string name, OrganisationType type = OrganisationType.Council)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<OrganisationService>().CreateAsync($"{name} {Guid.NewGuid():N}"[..(name.Length + 9)], type, null, "LS9 7TF");
        Assert.Null(created.Problem);
        return created.Value!.Id;
    }

    /// <summary>A member of the organisation in the role, signed in with two factors as staff must.</summary>
    private async Task<Member> MemberAsync(Guid organisation, MembershipRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<OrganisationService>().AddMemberAsync(organisation, email, role)).IsDone);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInWithTwoFactorAsync(browser, email)).StatusCode);
        return new Member(browser, user.Id, email, organisation);
    }

    private const string PersonName = "Precious Okafor";

    private async Task<(HttpClient Browser, string Id, string Email)> PersonAsync(string postcode = "LS9 7TF", string name = PersonName)
    {
        var email = $"person.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var postcodes = scope.ServiceProvider.GetRequiredService<PostcodeDistricts>();
        var profile = CandidateProfile.For(user.Id);
        profile.Update(new CandidateDetails { Location = postcodes.Locate(postcode).Location, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, LetEmployersFindMe = true }, DateTime.UtcNow);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Add(profile);
        (await db.Users.SingleAsync(u => u.Id == user.Id)).DisplayName = name;
        await db.SaveChangesAsync();
        return (browser, user.Id, email);
    }

    /// <summary>The navigator sets up a programme and a cohort with one session, through the pages; returns the cohort page's address.</summary>
    private static async Task<string> CohortThroughPagesAsync(Member navigator)
    {
        var index = await navigator.Browser.GetPageAsync("/navigate/programmes");
        var made = await navigator.Browser.SubmitAsync(index, new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = navigator.Organisation.ToString(),
            ["Input.Title"] = "Care careers in six weeks",
            ["Input.Summary"] = "Six weeks with the hospital, from first aid to a guaranteed interview.",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var programme = await navigator.Browser.GetPageAsync(made.Headers.Location!.OriginalString);
        var start = DateTime.UtcNow.Date.AddDays(7);
        var cohort = await navigator.Browser.SubmitAsync(programme, new Dictionary<string, string>
        {
            ["Input.StartsOn"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = start.AddDays(39).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Places"] = "12",
            ["Input.Venue"] = "Lincoln Green Community Centre",
            ["Input.Partners"] = "Leeds Teaching Hospitals",
            ["Input.Promise"] = "a guaranteed interview",
        });
        Assert.Equal(HttpStatusCode.Redirect, cohort.StatusCode);
        var url = cohort.Headers.Location!.OriginalString;
        var session = await navigator.Browser.SubmitAsync(await navigator.Browser.GetPageAsync(url), new Dictionary<string, string>
        {
            ["NewSession.On"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["NewSession.Title"] = "Welcome and first aid",
        }, "form[action*=Session]");
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        return url;
    }

    private static async Task EnrolAsync(Member navigator, string cohortUrl, string email)
    {
        var enrolled = await navigator.Browser.SubmitAsync(await navigator.Browser.GetPageAsync(cohortUrl), new Dictionary<string, string> { ["Enrol.Email"] = email }, "form[action*=Enrol]");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
    }

    private async Task<Guid> ApplyAsync(string personId, Guid vacancy)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApplicationService>().ApplyAsync(personId, vacancy, null)).Value!.Id;
    }

    private static async Task HireThroughPagesAsync(HttpClient recruiter, Guid vacancy, Guid application)
    {
        foreach (var step in new[] { "Shortlisted", "Interview", "Offer", "Hired" })
        {
            var page = await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/applications");
            var form = page.QuerySelectorAll<IHtmlFormElement>("main form").Single(f => f.Action.Contains(application.ToString(), StringComparison.OrdinalIgnoreCase) && f.Action.Contains($"to={step}", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Redirect, (await recruiter.PostFormAsync(page, $"form[action='{form.GetAttribute("action")}']", [])).StatusCode);
        }
    }

    [Fact]
    public async Task ANavigatorEnrolsSomeoneARecruiterHiresThemAndTheOutcomeShowsOnceOnTheCohortPage()
    {
        var navigator = await MemberAsync(await OrganisationAsync("Lincoln Green Talent Hub"), MembershipRole.Navigator);
        var cohortUrl = await CohortThroughPagesAsync(navigator);
        var (person, personId, personEmail) = await PersonAsync("LS9 7TF");
        var (elsewhere, _, elsewhereEmail) = await PersonAsync("LS6 2AB", "Liam Dunn");
        await EnrolAsync(navigator, cohortUrl, personEmail);

        // The person sees their place; someone else can join the same cohort themselves.
        var theirs = await person.GetPageAsync("/programmes");
        Assert.Contains("You have a place on this one", theirs.Text("main"), StringComparison.Ordinal);
        var open = await elsewhere.GetPageAsync("/programmes");
        var cohortId = cohortUrl.Split('/')[^1];
        var mine = open.QuerySelectorAll("main .record-item").Single(i => i.QuerySelector($"form[action*='{cohortId}']") is not null);
        Assert.Contains("11 places left", mine.TextContent, StringComparison.Ordinal);
        Assert.Contains("If you finish: a guaranteed interview", mine.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SubmitAsync(open, new Dictionary<string, string>(), $"main form[action*='{cohortId}']")).StatusCode);

        var cohort = await navigator.Browser.GetPageAsync(cohortUrl);
        Assert.Contains("2 of 12 places taken", cohort.Text("main"), StringComparison.Ordinal);
        Assert.Contains("1 in priority neighbourhoods", cohort.Text("main"), StringComparison.Ordinal);
        Assert.Contains("LS9 7 covers Lincoln Green", cohort.Text("main"), StringComparison.Ordinal);
        var priorityOnly = await navigator.Browser.GetPageAsync(cohort.QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent.Contains("only people in priority", StringComparison.Ordinal)).Href);
        Assert.Contains(personEmail, priorityOnly.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhereEmail, priorityOnly.Text("main"), StringComparison.Ordinal);

        // Attendance, then a recruiter hires them through the pipeline.
        var attended = await navigator.Browser.PostFormAsync(cohort, "form[action*=Attendance]", [new("Attendance.Attended", personId)]);
        Assert.Equal(HttpStatusCode.Redirect, attended.StatusCode);
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (recruiter, vacancy, _) = await app.RecruiterWithVacancyAsync(admin, "St James's Care", "Healthcare support worker");
        var application = await ApplyAsync(personId, vacancy);
        await HireThroughPagesAsync(recruiter, vacancy, application);

        cohort = await navigator.Browser.GetPageAsync(cohortUrl);
        Assert.Contains("Came to 1 of 1 session", cohort.Text("main"), StringComparison.Ordinal);
        var outcomes = cohort.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToList();
        var started = Assert.Single(outcomes);
        Assert.Contains("Started work (recorded by the portal)", started, StringComparison.Ordinal);
        Assert.Contains("St James's Care", started, StringComparison.Ordinal);

        // The navigator, not knowing, records the same job: refused, and it still shows once.
        var enrolment = cohort.QuerySelector<IHtmlSelectElement>("select[name='NewOutcome.Enrolment']")!.Options.Single(o => o.Text == PersonName && o.Value != "").Value;
        var again = await navigator.Browser.SubmitAsync(cohort, new Dictionary<string, string>
        {
            ["NewOutcome.Enrolment"] = enrolment, ["NewOutcome.Kind"] = "StartedWork", ["NewOutcome.Employer"] = "St James's",
        }, "form[action*=Outcome]");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already recorded", (await Forms.ParseAsync(again)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Single((await navigator.Browser.GetPageAsync(cohortUrl)).QuerySelectorAll("main table tbody tr"));
    }

    private static async Task<string> TokenAsync(HttpClient browser) =>
        (await browser.GetPageAsync("/navigate/programmes")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

    [Fact]
    public async Task AnotherOrganisationsNavigatorGetsNotFoundForEveryProgrammeCohortSessionEnrolmentAndCheckIn()
    {
        var navigator = await MemberAsync(await OrganisationAsync("Harehills Hub"), MembershipRole.Navigator);
        var outsider = await MemberAsync(await OrganisationAsync("Beeston Works"), MembershipRole.Navigator);
        var cohortUrl = await CohortThroughPagesAsync(navigator);
        var (_, personId, personEmail) = await PersonAsync();
        await EnrolAsync(navigator, cohortUrl, personEmail);
        var cohortId = Guid.Parse(cohortUrl.Split('/')[^1]);
        long session, enrolment, checkIn;
        Guid programme;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            programme = await db.Set<Cohort>().Where(c => c.Id == cohortId).Select(c => c.ProgrammeId).SingleAsync();
            session = await db.Set<CohortSession>().Where(s => s.CohortId == cohortId).Select(s => s.Id).SingleAsync();
            enrolment = await db.Set<Enrolment>().Where(e => e.CohortId == cohortId).Select(e => e.Id).SingleAsync();
            var started = HubOutcome.Record(personId, navigator.Organisation, cohortId, OutcomeKind.StartedWork, "Leeds Teaching Hospitals", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-91), navigator.Id, DateTime.UtcNow);
            db.Add(started);
            await db.SaveChangesAsync();
            var asked = CheckIn.Ask(started, 13, DateTime.UtcNow);
            db.Add(asked);
            await db.SaveChangesAsync();
            checkIn = asked.Id;
        }

        Assert.Equal(HttpStatusCode.OK, (await navigator.Browser.GetAsync($"/navigate/programmes/{programme}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.GetAsync($"/navigate/programmes/{programme}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.GetAsync(cohortUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.GetAsync($"{cohortUrl}?priority=true")).StatusCode);
        Assert.Empty((await outsider.Browser.GetPageAsync("/navigate/programmes")).QuerySelectorAll("main .record-item"));
        Assert.DoesNotContain("13 weeks", (await outsider.Browser.GetPageAsync("/navigate/programmes/check-ins")).Text("main"), StringComparison.Ordinal);

        var token = await TokenAsync(outsider.Browser);
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/navigate/programmes/{programme}", new() { ["Input.StartsOn"] = "2030-01-07", ["Input.EndsOn"] = "2030-02-15", ["Input.Places"] = "5", ["Input.Online"] = "true" }),
            ($"{cohortUrl}/enrol", new() { ["Enrol.Email"] = outsider.Email }),
            ($"{cohortUrl}/session", new() { ["NewSession.On"] = "2030-01-07", ["NewSession.Title"] = "Not theirs" }),
            ($"{cohortUrl}/attendance?session={session}", new() { ["Attendance.Attended"] = personId }),
            ($"{cohortUrl}/complete?enrolment={enrolment}", new()),
            ($"{cohortUrl}/outcome", new() { ["NewOutcome.Enrolment"] = enrolment.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NewOutcome.Kind"] = "Offer", ["NewOutcome.Employer"] = "Anywhere" }),
            ($"/navigate/programmes/check-ins/done?checkIn={checkIn}", new()),
        };
        foreach (var (url, fields) in posts)
        {
            fields["__RequestVerificationToken"] = token;
            var response = await outsider.Browser.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {response.StatusCode}");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(1, await db.Set<Cohort>().CountAsync(c => c.ProgrammeId == programme));
            Assert.Equal(1, await db.Set<CohortSession>().CountAsync(s => s.CohortId == cohortId));
            Assert.Equal(0, await db.Set<Attendance>().CountAsync(a => a.SessionId == session));
            Assert.Equal(1, await db.Set<HubOutcome>().CountAsync(o => o.UserId == personId));
            Assert.Null((await db.Set<CheckIn>().SingleAsync(c => c.Id == checkIn)).FollowedUpAtUtc);
        }
    }

    /// <summary>Distinctive answers, so finding any of their words on a page means the answers leaked.</summary>
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["ethnicity"] = "white-gypsy-traveller",
        ["religion"] = "buddhist",
        ["sexual-orientation"] = "bisexual",
        ["disability"] = "yes-a-lot",
        ["caring"] = "50-plus",
        ["age-band"] = "50-64",
        ["sex"] = "female",
        ["gender-identity"] = "different",
    };

    private static IEnumerable<string> Leaks(string text)
    {
        foreach (var (key, code) in Answers.Where(a => a.Key is not ("sex" or "gender-identity")))
        {
            var label = EqualityQuestions.All.Single(q => q.Key == key).LabelOf(code)!;
            if (text.Contains(label, StringComparison.OrdinalIgnoreCase))
                yield return label;
            if (text.Contains(code, StringComparison.OrdinalIgnoreCase))
                yield return code;
        }
        foreach (var question in EqualityQuestions.All)
        {
            if (text.Contains(question.Text, StringComparison.OrdinalIgnoreCase))
                yield return question.Text;
        }
    }

    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes is [0x50, 0x4B, ..])
        {
            // A workbook: every part of the zip, as text.
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var all = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                all.Append(await reader.ReadToEndAsync());
            }
            return all.ToString();
        }
        return Encoding.UTF8.GetString(bytes);
    }

    [Fact]
    public async Task EqualityAnswersNeverAppearOnAnyRecruiterManagerOrNavigatorPageOrExport()
    {
        var (person, personId, personEmail) = await PersonAsync();
        var page = await person.GetPageAsync("/profile/equality");
        Assert.Contains("Employers, recruiters and navigators never see your answers", page.Text("main"), StringComparison.Ordinal);
        var saved = await person.SubmitAsync(page, Answers.ToDictionary(a => $"Input.Chosen[{a.Key}]", a => a.Value));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // The person themselves sees their answers, and the check below finds them on their own page.
        Assert.True((await person.GetPageAsync("/profile/equality")).QuerySelector<IHtmlInputElement>("#religion-buddhist")!.IsChecked);
        Assert.NotEmpty(Leaks((await person.GetPageAsync("/profile/equality")).Source.Text));

        // The person applies for a job, is on a manager's staff and on a navigator's cohort.
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (recruiter, vacancy, employer) = await app.RecruiterWithVacancyAsync(admin, "Armley Home Care", "Home care worker");
        await ApplyAsync(personId, vacancy);
        var manager = await MemberAsync(employer, MembershipRole.Manager);
        long membership;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var staff = Membership.Start(employer, personId, MembershipRole.Staff, DateTime.UtcNow.AddDays(-10), "care-worker", "West");
            db.Add(staff);
            await db.SaveChangesAsync();
            membership = staff.Id;
        }
        var navigator = await MemberAsync(await OrganisationAsync("Armley Hub"), MembershipRole.Navigator);
        var cohortUrl = await CohortThroughPagesAsync(navigator);
        await EnrolAsync(navigator, cohortUrl, personEmail);

        // Each page, and whether it shows the person (so that finding no answer there means something).
        var reads = new (HttpClient Browser, string Url, bool ShowsThem)[]
        {
            (recruiter, "/", false),
            (recruiter, "/recruit", false),
            (recruiter, $"/recruit/vacancies/{vacancy}", false),
            (recruiter, $"/recruit/vacancies/{vacancy}/applications", true),
            (recruiter, $"/recruit/vacancies/{vacancy}/applications/csv", true),
            (recruiter, $"/recruit/vacancies/{vacancy}/people", false),
            (manager.Browser, "/", false),
            (manager.Browser, "/manage", true),
            (manager.Browser, "/manage/matrix", true),
            (manager.Browser, "/manage/matrix?handler=Csv", true),
            (manager.Browser, "/manage/matrix?handler=Excel", true),
            (manager.Browser, $"/manage/staff/{membership}", true),
            (navigator.Browser, "/", false),
            (navigator.Browser, "/navigate/programmes", false),
            (navigator.Browser, cohortUrl, true),
            (navigator.Browser, $"{cohortUrl}?priority=true", true),
            (navigator.Browser, "/navigate/programmes/check-ins", false),
        };
        foreach (var (browser, url, showsThem) in reads)
        {
            var text = await TextOfAsync(await browser.GetAsync(url));
            Assert.True(!showsThem || text.Contains(PersonName, StringComparison.Ordinal), $"{url} does not show the person, so it proves nothing");
            Assert.True(!Leaks(text).Any(), $"{url} shows {string.Join(", ", Leaks(text))}");
        }
    }

    [Fact]
    public async Task APersonSavesChangesAndRemovesTheirAnswersAndFindsThemInTheirData()
    {
        var (person, personId, _) = await PersonAsync();
        var page = await person.GetPageAsync("/profile/equality");
        Assert.Equal(HttpStatusCode.Redirect, (await person.SubmitAsync(page, new Dictionary<string, string> { ["Input.Chosen[religion]"] = "hindu", ["Input.Chosen[caring]"] = "up-to-9" })).StatusCode);

        page = await person.GetPageAsync("/profile/equality");
        Assert.True(page.QuerySelector<IHtmlInputElement>("#religion-hindu")!.IsChecked);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#sex-blank")!.IsChecked);

        // An answer the question does not offer: a message, and nothing changes.
        var refused = await person.PostFormAsync(page, "main form[method=post]", [new("Input.Chosen[religion]", "pastafarian"), new("Input.Chosen[sex]", "female")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose one of the answers listed", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal("hindu", await AnswerAsync(personId, a => a.Religion));
        Assert.Null(await AnswerAsync(personId, a => a.Sex));

        var json = await (await person.GetAsync("/profile/data/json")).Content.ReadAsStringAsync();
        Assert.Contains("\"What is your religion?\": \"Hindu\"", json, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await person.SubmitAsync(await person.GetPageAsync("/profile/equality"), new Dictionary<string, string> { ["Input.Chosen[religion]"] = EqualityQuestions.PreferNotToSay })).StatusCode);
        Assert.Equal(EqualityQuestions.PreferNotToSay, await AnswerAsync(personId, a => a.Religion));
        Assert.Equal("up-to-9", await AnswerAsync(personId, a => a.CaringResponsibilities));

        Assert.Equal(HttpStatusCode.Redirect, (await person.SubmitAsync(await person.GetPageAsync("/profile/equality"), new Dictionary<string, string>(), "form[action*=Remove]")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<EqualityAnswers>().AnyAsync(a => a.UserId == personId));
    }

    private async Task<string?> AnswerAsync(string personId, Func<EqualityAnswers, string?> pick)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return pick(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<EqualityAnswers>().AsNoTracking().SingleAsync(a => a.UserId == personId));
    }
}
