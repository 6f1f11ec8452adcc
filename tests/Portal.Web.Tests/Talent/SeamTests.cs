using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Talent;

/// <summary>
/// Where the talent features meet: the first visit to the job search, matching after an
/// application, withdrawing and applying again, the history's wording, the applications CSV and
/// the planner reached from a job.
/// </summary>
public sealed partial class SeamTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private async Task<(HttpClient Recruiter, Guid Vacancy, Guid Organisation)> RecruiterWithVacancyAsync(string title) =>
        await app.RecruiterWithVacancyAsync(await app.AsAdminWithTwoFactorAsync(), $"Seam Care {Guid.NewGuid():N}", title);

    private async Task<(HttpClient Browser, string UserId)> CandidateAsync()
    {
        var email = $"candidate.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(await browser.GetPageAsync("/profile"), new Dictionary<string, string>
        {
            ["Input.Postcode"] = "LS28 5AB",
            ["Input.Days"] = "Monday",
            ["Input.Shifts"] = "Early",
            ["Input.MinimumHourlyPay"] = "12.00",
            ["Input.LetEmployersFindMe"] = "true",
            ["Input.DbsUpdateService"] = "true",
        })).StatusCode);
        return (browser, user.Id);
    }

    private async Task RunNightlyMatchingAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MatchRunner>().RunAllAsync(CancellationToken.None);
    }

    private async Task<bool> StoredMatchAsync(string userId, Guid vacancy)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<JobMatch>().AnyAsync(m => m.UserId == userId && m.VacancyId == vacancy);
    }

    private static async Task ApplyAsync(HttpClient applicant, Guid vacancy)
    {
        var applied = await applicant.SubmitAsync(await applicant.GetPageAsync($"/jobs/{vacancy}"), new Dictionary<string, string>(), "form[action*=Apply]");
        Assert.Equal("/applications", applied.Headers.Location!.OriginalString);
    }

    private static async Task MoveAsync(HttpClient recruiter, Guid vacancy, ApplicationStatus to)
    {
        var list = await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/applications");
        Assert.Equal(HttpStatusCode.Redirect, (await recruiter.SubmitAsync(list, new Dictionary<string, string>(), $"form[action*='to={to}']")).StatusCode);
    }

    /// <summary>The person's card among the people who fit (others in this class's database fit too).</summary>
    private static IElement[] Fits(IDocument people, string userId) =>
        [.. people.QuerySelectorAll(".record-item").Where(i => i.QuerySelector($"form[action*='person={userId}']") is not null)];

    private static string[] History(IDocument page) =>
        [.. page.QuerySelectorAll(".application-history li").Select(li => Date().Replace(li.TextContent.Trim(), "DATE"))];

    [GeneratedRegex(@"\d{1,2} [A-Z][a-z]+ \d{4}")]
    private static partial Regex Date();

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs?Search.Role=care-worker")]
    public async Task TheJobSearchShowsJobsOnTheFirstVisitWithoutAnError(string url)
    {
        var title = $"First visit job {Guid.NewGuid():N}";
        await RecruiterWithVacancyAsync(title);

        var page = await app.CreateBrowser().GetPageAsync(url);

        Assert.Null(page.QuerySelector(".alert-danger"));
        Assert.Matches(@"^\d+ jobs?$", page.Text("#job-results-heading"));
        Assert.Contains(title, page.Text(".role-cards"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAPersonAppliesAndIsHiredNeitherSideListsThemAsAFit()
    {
        var title = $"Hiring job {Guid.NewGuid():N}";
        var (recruiter, vacancy, _) = await RecruiterWithVacancyAsync(title);
        var (applicant, userId) = await CandidateAsync();
        await RunNightlyMatchingAsync();
        Assert.True(await StoredMatchAsync(userId, vacancy));
        Assert.Contains(title, (await applicant.GetPageAsync("/profile/matches")).Text("main"), StringComparison.Ordinal);
        Assert.Single(Fits(await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/people"), userId));

        await ApplyAsync(applicant, vacancy);
        foreach (var step in new[] { ApplicationStatus.Shortlisted, ApplicationStatus.Interview, ApplicationStatus.Offer, ApplicationStatus.Hired })
            await MoveAsync(recruiter, vacancy, step);
        await RunNightlyMatchingAsync();

        Assert.False(await StoredMatchAsync(userId, vacancy));
        Assert.DoesNotContain(title, (await applicant.GetPageAsync("/profile/matches")).Text("main"), StringComparison.Ordinal);
        var people = await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/people");
        Assert.Empty(Fits(people, userId));
        // Not invited to the job they hold, even by a form kept from before.
        var token = people.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await recruiter.GetPageAsync("/recruit/vacancies/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var invite = await recruiter.PostAsync($"/recruit/vacancies/{vacancy}/people/Invite?person={Uri.EscapeDataString(userId)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, invite.StatusCode);
        Assert.Contains("Hired", (await applicant.GetPageAsync("/applications")).Text(".record-item"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppliedIsNoLongerAFitEvenBeforeMatchingRunsAgain()
    {
        var title = $"Applied job {Guid.NewGuid():N}";
        var (recruiter, vacancy, _) = await RecruiterWithVacancyAsync(title);
        var (applicant, userId) = await CandidateAsync();
        await RunNightlyMatchingAsync();
        Assert.Single(Fits(await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/people"), userId));

        await ApplyAsync(applicant, vacancy);

        Assert.DoesNotContain(title, (await applicant.GetPageAsync("/profile/matches")).Text("main"), StringComparison.Ordinal);
        Assert.Empty(Fits(await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/people"), userId));
    }

    [Fact]
    public async Task WithdrawingAsksFirstAndThePersonCanApplyAgainWithTheHistoryKept()
    {
        var (_, vacancy, _) = await RecruiterWithVacancyAsync($"Withdraw job {Guid.NewGuid():N}");
        var (applicant, _) = await CandidateAsync();
        await ApplyAsync(applicant, vacancy);

        var mine = await applicant.GetPageAsync("/applications");
        Assert.Empty(mine.QuerySelectorAll("form[action*=Withdraw], form[action*=withdraw]"));
        var ask = mine.QuerySelector(".record-item a[href$='/withdraw']")!.GetAttribute("href")!;
        var confirm = await applicant.GetPageAsync(ask);
        Assert.Equal("Withdraw your application?", confirm.Text("h1"));
        // Looking is not withdrawing.
        Assert.Contains("Status: Submitted", (await applicant.GetPageAsync("/applications")).Text(".record-item"), StringComparison.Ordinal);
        var stranger = await app.AsNewUserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(ask)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitAsync(confirm, new Dictionary<string, string>())).StatusCode);
        Assert.Contains("Status: Withdrawn", (await applicant.GetPageAsync("/applications")).Text(".record-item"), StringComparison.Ordinal);

        var job = await applicant.GetPageAsync($"/jobs/{vacancy}");
        Assert.Contains("You withdrew your application", job.Text("#apply-heading + *"), StringComparison.Ordinal);
        await ApplyAsync(applicant, vacancy);

        mine = await applicant.GetPageAsync("/applications");
        Assert.Contains("Status: Submitted", mine.Text(".record-item"), StringComparison.Ordinal);
        Assert.Equal(["Applied on DATE", "You withdrew on DATE", "Applied again on DATE"], History(mine));
    }

    [Fact]
    public async Task TheHistorySaysWhatHappenedOnEachDateAndTheCsvSaysWhoIsReady()
    {
        var (recruiter, vacancy, _) = await RecruiterWithVacancyAsync($"History job {Guid.NewGuid():N}");
        var (applicant, _) = await CandidateAsync();
        await ApplyAsync(applicant, vacancy);
        await MoveAsync(recruiter, vacancy, ApplicationStatus.Shortlisted);
        await MoveAsync(recruiter, vacancy, ApplicationStatus.Interview);

        Assert.Equal(["Applied on DATE", "Shortlisted on DATE", "Invited to interview on DATE"], History(await applicant.GetPageAsync("/applications")));

        var csv = (await (await recruiter.GetAsync($"/recruit/vacancies/{vacancy}/applications/csv")).Content.ReadAsStringAsync()).Split("\r\n");
        var header = csv[0].Split(',');
        var row = csv[1].Split(',');
        var dbs = Array.IndexOf(header, "DBS on the update service");
        Assert.True(dbs >= 0, csv[0]);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), row[dbs]);
        Assert.Equal("No", row[Array.IndexOf(header, "Right to work share code")]);
    }

    [Fact]
    public async Task AJobPagesLinksKeepTheJobPlanTowardsItsRoleAndSignUpReturnsToIt()
    {
        var (_, vacancy, _) = await RecruiterWithVacancyAsync($"Plan job {Guid.NewGuid():N}");

        var job = await app.CreateBrowser().GetPageAsync($"/jobs/{vacancy}");

        var plan = job.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Plan your route", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Contains("To=care-worker", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("From=", plan, StringComparison.Ordinal);
        // Signing up from the job keeps the job to come back to.
        var signUp = job.QuerySelectorAll("#apply-heading ~ * a").Single(a => a.TextContent == "create an account").GetAttribute("href")!;
        Assert.Contains($"ReturnUrl=%2Fjobs%2F{vacancy}", signUp, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThePlannerStartsFromThePersonsCurrentJobAndCountsTheirTimeInCare()
    {
        var (_, _, organisation) = await RecruiterWithVacancyAsync($"Staff job {Guid.NewGuid():N}");
        var (worker, userId) = await CandidateAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Add(Membership.Start(organisation, userId, MembershipRole.Staff, DateTime.UtcNow.AddYears(-2), "care-worker"));
            await db.SaveChangesAsync();
        }

        var page = await worker.GetPageAsync("/careers/plan?To=senior-care-worker");

        Assert.Null(page.QuerySelector(".alert-danger"));
        Assert.Equal("care-worker", page.QuerySelector("#from option[selected]")!.GetAttribute("value"));
        Assert.Contains("Starting from your job as a care worker. Counting your 2 years in care.", page.Text(".plan-start"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/careers/plan?From=care-worker&To=care-worker", "You are already a care worker: choose the job you want to move to next")]
    [InlineData("/careers/plan?From=&To=senior-care-worker", "Choose what you do now under 'I am'")]
    public async Task ThePlannerSaysPlainlyWhatIsMissing(string url, string message)
    {
        var page = await app.CreateBrowser().GetPageAsync(url);

        Assert.Contains(message, page.Text(".alert-danger"), StringComparison.Ordinal);
        Assert.DoesNotContain("no time", page.Text("main"), StringComparison.Ordinal);
    }
}
