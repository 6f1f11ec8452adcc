using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Talent;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Talent;

/// <summary>
/// Matches through the real pages: a person sees roles that fit with the reasons and can dismiss
/// one; the recruiter sees people who fit (only those who consented), invites one to apply, and
/// another organisation's recruiter gets 404 for all of it.
/// </summary>
public sealed class MatchTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private async Task<(HttpClient Browser, string Email)> CandidateAsync(bool findable, string pay = "12.00")
    {
        var email = $"candidate.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        var fields = new Dictionary<string, string>
        {
            ["Input.Postcode"] = "LS28 5AB",
            ["Input.Days"] = "Monday",
            ["Input.Shifts"] = "Early",
            ["Input.MinimumHourlyPay"] = pay,
        };
        if (findable)
            fields["Input.LetEmployersFindMe"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(await browser.GetPageAsync("/profile"), fields)).StatusCode);
        return (browser, email);
    }

    private async Task<(HttpClient Recruiter, Guid Vacancy)> RecruiterWithVacancyAsync(HttpClient admin, string organisation, string title)
    {
        var (recruiter, vacancy, _) = await app.RecruiterWithVacancyAsync(admin, organisation, title);
        return (recruiter, vacancy);
    }

    private async Task RunNightlyMatchingAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MatchRunner>().RunAllAsync(CancellationToken.None);
    }

    /// <summary>Posts to any address with a valid antiforgery token taken from a page the browser may see.</summary>
    private static async Task<HttpResponseMessage> ForgedPostAsync(HttpClient browser, string tokenPage, string target, Dictionary<string, string>? fields = null)
    {
        var token = (await browser.GetPageAsync(tokenPage)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token }));
    }

    private static IElement? Card(IDocument page, string title) =>
        page.QuerySelectorAll(".record-item").FirstOrDefault(i => i.QuerySelector("h2")!.TextContent.Contains(title, StringComparison.Ordinal));

    [Fact]
    public async Task BothSidesSeeTheMatchWithReasonsAndOnlyPeopleWhoConsentedReachTheRecruiter()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (recruiter, vacancy) = await RecruiterWithVacancyAsync(admin, "Pudsey Home Care", "Home carer, Pudsey mornings");
        var (otherRecruiter, _) = await RecruiterWithVacancyAsync(admin, "Calverley Care", "Carer, Calverley");
        var (candidate, candidateEmail) = await CandidateAsync(findable: true);
        var (privateCandidate, _) = await CandidateAsync(findable: false, pay: "14.00");
        await RunNightlyMatchingAsync();

        var roles = await candidate.GetPageAsync("/profile/matches");
        var card = Card(roles, "Home carer, Pudsey mornings")!;
        Assert.Equal(
            ["in your area", "no training is required before starting", "the shift pattern fits", "it pays £13.20 an hour, at least the £12.00 you asked"],
            card.QuerySelectorAll(".match-reasons li").Select(li => li.TextContent));
        Assert.Contains("Home carer, Pudsey mornings", (await candidate.GetPageAsync("/")).Text("#matches-heading + ul"), StringComparison.Ordinal);
        Assert.Contains("less than the £14.00 you asked", Card(await privateCandidate.GetPageAsync("/profile/matches"), "Home carer, Pudsey mornings")!.TextContent, StringComparison.Ordinal);

        var people = await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/people");
        var person = Assert.Single(people.QuerySelectorAll(".record-item"));
        Assert.Contains("asks £12.00 an hour, which the job pays", person.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(candidateEmail, people.Text("main"), StringComparison.Ordinal);

        // Another organisation's recruiter: not found, whether looking, inviting or dismissing.
        Assert.Equal(HttpStatusCode.NotFound, (await otherRecruiter.GetAsync($"/recruit/vacancies/{vacancy}/people")).StatusCode);
        var personId = person.QuerySelector("form[action*=Invite]")!.GetAttribute("action")!.Split("person=")[1];
        Assert.Equal(HttpStatusCode.NotFound, (await ForgedPostAsync(otherRecruiter, "/recruit/vacancies/new", $"/recruit/vacancies/{vacancy}/people/Invite?person={personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgedPostAsync(otherRecruiter, "/recruit/vacancies/new", $"/recruit/vacancies/{vacancy}/people/Dismiss?person={personId}")).StatusCode);

        // Invite once; the person gets a link and the recruiter never sees their address.
        var invited = await recruiter.SubmitAsync(people, new Dictionary<string, string>(), "form[action*=Invite]");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("Invited to apply", (await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/people")).Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ForgedPostAsync(recruiter, "/recruit/vacancies/new", $"/recruit/vacancies/{vacancy}/people/Invite?person={personId}")).StatusCode);
        await app.DeliverMailAsync();
        var mail = Assert.Single(app.MailTo(candidateEmail));
        Assert.Equal("Pudsey Home Care invites you to apply: Home carer, Pudsey mornings", mail.Subject);
        Assert.Contains($"/jobs/{vacancy}", mail.TextBody, StringComparison.Ordinal);

        // The recruiter dismisses them: gone from the list, and it stays gone after the next run.
        people = await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/people");
        Assert.Equal(HttpStatusCode.Redirect, (await recruiter.SubmitAsync(people, new Dictionary<string, string>(), "form[action*=Dismiss]")).StatusCode);
        await RunNightlyMatchingAsync();
        Assert.Empty((await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/people")).QuerySelectorAll(".record-item"));
    }

    [Fact]
    public async Task APersonDismissesARoleAndCanBringItBack()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var (_, vacancy) = await RecruiterWithVacancyAsync(admin, "Farsley Care", "Care worker, Farsley");
        var (candidate, _) = await CandidateAsync(findable: false);
        await RunNightlyMatchingAsync();

        var page = await candidate.GetPageAsync("/profile/matches");
        Assert.NotNull(Card(page, "Care worker, Farsley"));
        var dismissed = await candidate.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='vacancyId={vacancy}']");
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        page = await candidate.GetPageAsync("/profile/matches");
        Assert.Null(Card(page, "Care worker, Farsley"));
        Assert.Contains("You have dismissed 1 role", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgedPostAsync(candidate, "/profile/matches", $"/profile/matches/Dismiss?vacancyId={Guid.NewGuid()}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.SubmitAsync(page, new Dictionary<string, string>(), "form[action*=Restore]")).StatusCode);
        await RunNightlyMatchingAsync();
        Assert.NotNull(Card(await candidate.GetPageAsync("/profile/matches"), "Care worker, Farsley"));
    }

    [Fact]
    public async Task AWrongPayIsRefusedWithAClearMessageAndNothingIsSaved()
    {
        var (candidate, _) = await CandidateAsync(findable: false, pay: "12.50");

        var response = await candidate.SubmitAsync(await candidate.GetPageAsync("/profile"), new Dictionary<string, string> { ["Input.MinimumHourlyPay"] = "lots", ["Input.Languages"] = "Urdu" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("'lots' is not a number; enter the lowest hourly pay you would take in figures", (await Forms.ParseAsync(response)).Text(".alert-danger"), StringComparison.Ordinal);
        response = await candidate.SubmitAsync(await candidate.GetPageAsync("/profile"), new Dictionary<string, string> { ["Input.MinimumHourlyPay"] = "2" });
        Assert.Contains("from 5 to 200", (await Forms.ParseAsync(response)).Text(".alert-danger"), StringComparison.Ordinal);

        var profile = await candidate.GetPageAsync("/profile");
        Assert.Equal("12.50", profile.QuerySelector("#pay-asked")!.GetAttribute("value"));
        Assert.Equal("", profile.QuerySelector("#languages")!.GetAttribute("value") ?? "");
    }
}
