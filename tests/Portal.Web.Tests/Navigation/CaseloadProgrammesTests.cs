using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Navigation;

/// <summary>
/// The joins between the caseload and programmes: a navigator enrols a person from their page in one
/// step, the person leaves from theirs, open cohorts are readable signed out, the layout leads to both,
/// and the person sees when a navigator opened their plan.
/// </summary>
public sealed class CaseloadProgrammesTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The hub's navigator sets up a programme with one cohort through the pages; returns the cohort's id.</summary>
    private static async Task<Guid> CohortAsync(NavigationSteps.Hub hub, string title, int places, int startsInDays = 7)
    {
        var made = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync("/navigate/programmes"), new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = hub.Id.ToString(),
            ["Input.Title"] = title,
            ["Input.Summary"] = "Six weeks with the hospital.",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var start = DateTime.UtcNow.Date.AddDays(startsInDays);
        var cohort = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync(made.Headers.Location!.OriginalString), new Dictionary<string, string>
        {
            ["Input.StartsOn"] = Day(start),
            ["Input.EndsOn"] = Day(start.AddDays(39)),
            ["Input.Places"] = places.ToString(CultureInfo.InvariantCulture),
            ["Input.Venue"] = "Lincoln Green Community Centre",
        });
        Assert.Equal(HttpStatusCode.Redirect, cohort.StatusCode);
        return Guid.Parse(cohort.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Task<HttpResponseMessage> EnrolAsync(HttpClient navigator, Guid caseId, Guid cohort, string token) =>
        navigator.PostAsync($"/navigate/people/{caseId}?handler=Enrol", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Enrol.Cohort"] = cohort.ToString(), ["__RequestVerificationToken"] = token,
        }));

    private async Task<int> PlacesTakenAsync(Guid cohort)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Cohort>().Where(c => c.Id == cohort).Select(c => c.Taken).SingleAsync();
    }

    [Fact]
    public async Task ANavigatorEnrolsSomeoneFromTheirPageInOneStepAndTheyLeaveFromTheirs()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Lincoln Green Hub"));
        var person = await app.PersonAsync("Jade Whitaker");
        var caseId = await app.TakenAsync(hub, person);
        var cohort = await CohortAsync(hub, "Care careers in six weeks", places: 3);

        var page = await hub.Navigator.GetPageAsync($"/navigate/people/{caseId}");
        var choice = page.QuerySelector<IHtmlSelectElement>("select[name='Enrol.Cohort']")!;
        Assert.Equal("Enrol in a cohort", page.QuerySelector("label[for=enrol-cohort]")!.TextContent);
        Assert.Contains("Care careers in six weeks", choice.Options.Single(o => o.Value == cohort.ToString()).Text, StringComparison.Ordinal);
        Assert.Contains("(3 places left)", choice.Options.Single(o => o.Value == cohort.ToString()).Text, StringComparison.Ordinal);

        var enrolled = await hub.Navigator.SubmitAsync(page, new Dictionary<string, string> { ["Enrol.Cohort"] = cohort.ToString() }, "form[action$='handler=Enrol']");

        Assert.Equal($"/navigate/people/{caseId}", enrolled.Headers.Location!.OriginalString);
        Assert.Equal(1, await PlacesTakenAsync(cohort));
        page = await hub.Navigator.GetPageAsync($"/navigate/people/{caseId}");
        Assert.Contains("Enrolled", page.Text("[role=status]:not([hidden])"), StringComparison.Ordinal);
        Assert.Contains("Care careers in six weeks", page.Text(".case-cohorts"), StringComparison.Ordinal);
        // One place per person: the same cohort again is refused and takes nothing.
        var again = await EnrolAsync(hub.Navigator, caseId, cohort, await hub.Navigator.TokenAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("They already have a place on this cohort", (await Forms.ParseAsync(again)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(1, await PlacesTakenAsync(cohort));

        var theirs = await person.Browser.GetPageAsync("/programmes");
        Assert.Contains("You have a place on this one", theirs.Text("main"), StringComparison.Ordinal);
        var left = await person.Browser.SubmitAsync(theirs, new Dictionary<string, string>(), $"main form[action*='eave'][action*='{cohort}']");

        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Contains("You have left the cohort", (await person.Browser.GetPageAsync("/programmes")).Text("[role=status]:not([hidden])"), StringComparison.Ordinal);
        Assert.Equal(0, await PlacesTakenAsync(cohort));
        page = await hub.Navigator.GetPageAsync($"/navigate/people/{caseId}");
        Assert.Null(page.QuerySelector(".case-cohorts"));
        Assert.Contains("(3 places left)", page.QuerySelector<IHtmlSelectElement>("select[name='Enrol.Cohort']")!.Options.Single(o => o.Value == cohort.ToString()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFullCohortIsNotOfferedAndTheLastPlaceGoesToOne()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Harehills Hub"));
        var first = await app.PersonAsync("Aaron Pickles");
        var second = await app.PersonAsync("Bethany Lodge");
        var firstCase = await app.TakenAsync(hub, first);
        var secondCase = await app.TakenAsync(hub, second);
        var cohort = await CohortAsync(hub, "Hospital porters into care", places: 1);
        var token = await hub.Navigator.TokenAsync();
        // Both pages were open with a place left.
        var secondPage = await hub.Navigator.GetPageAsync($"/navigate/people/{secondCase}");

        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(hub.Navigator, firstCase, cohort, token)).StatusCode);
        var late = await hub.Navigator.SubmitAsync(secondPage, new Dictionary<string, string> { ["Enrol.Cohort"] = cohort.ToString() }, "form[action$='handler=Enrol']");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Every place on this cohort is taken", (await Forms.ParseAsync(late)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(1, await PlacesTakenAsync(cohort));
        var now = await hub.Navigator.GetPageAsync($"/navigate/people/{secondCase}");
        Assert.Null(now.QuerySelector("select[name='Enrol.Cohort']"));
        Assert.Contains("has places left", now.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherHubsNavigatorGetsNotFoundAndAHubCannotEnrolOnAnotherHubsCohort()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Chapeltown Hub"));
        var other = await app.HubAsync(admin, Unique("Armley Hub"));
        var person = await app.PersonAsync("Kirsty Naylor");
        var caseId = await app.TakenAsync(hub, person);
        var ours = await CohortAsync(hub, "Care careers in six weeks", places: 5);
        var theirs = await CohortAsync(other, "Armley into care", places: 5);

        Assert.Equal(HttpStatusCode.NotFound, (await EnrolAsync(other.Navigator, caseId, ours, await other.Navigator.TokenAsync())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EnrolAsync(other.Navigator, caseId, theirs, await other.Navigator.TokenAsync())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EnrolAsync(hub.Navigator, caseId, theirs, await hub.Navigator.TokenAsync())).StatusCode);
        var page = await hub.Navigator.GetPageAsync($"/navigate/people/{caseId}");
        Assert.DoesNotContain("Armley into care", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(0, await PlacesTakenAsync(ours));
        Assert.Equal(0, await PlacesTakenAsync(theirs));
    }

    [Fact]
    public async Task OpenCohortsAreReadableSignedOutAndJoiningAsksForSignInAndComesBack()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Seacroft Hub"));
        var cohort = await CohortAsync(hub, "Seacroft care starters", places: 8);
        var visitor = app.CreateBrowser();

        var page = await visitor.GetPageAsync("/programmes");

        var item = page.QuerySelector($"#cohort-{cohort}")!;
        Assert.Contains("Seacroft care starters", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("8 places left", item.TextContent, StringComparison.Ordinal);
        Assert.Null(item.QuerySelector("form"));
        var signIn = item.QuerySelector<IHtmlAnchorElement>("a")!;
        Assert.StartsWith("Sign in to join", signIn.TextContent, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString($"/programmes#cohort-{cohort}"), signIn.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.QuerySelector("main a[href*=check-ins]"));
        // Posting without signing in changes nothing; the person's own pages still need sign-in.
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/programmes/check-ins")).StatusCode);
        Assert.Equal(0, await PlacesTakenAsync(cohort));
    }

    [Fact]
    public async Task TheLayoutLeadsNavigatorsToTheirCaseloadAndEveryoneToProgrammes()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Gipton Hub"));
        var person = await app.PersonAsync("Shannon Pickles");

        string Links(IDocument page) => string.Join("|", page.QuerySelectorAll("nav[aria-label=Main] a").Select(a => $"{a.TextContent}={a.GetAttribute("href")}"));

        Assert.Contains("Caseload=/navigate", Links(await hub.Navigator.GetPageAsync("/")), StringComparison.Ordinal);
        Assert.Contains("Programmes=/programmes", Links(await hub.Navigator.GetPageAsync("/")), StringComparison.Ordinal);
        var theirs = Links(await person.Browser.GetPageAsync("/"));
        Assert.Contains("Programmes=/programmes", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Caseload", theirs, StringComparison.Ordinal);
        Assert.Contains("Programmes=/programmes", Links(await app.CreateBrowser().GetPageAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePersonSeesWhenANavigatorOpenedTheirPlan()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, Unique("Burmantofts Hub"));
        var person = await app.PersonAsync("Callum Dyer");
        var caseId = await app.TakenAsync(hub, person);
        var before = (await person.Browser.GetPageAsync("/profile/data")).Text("main");
        Assert.DoesNotContain("opened your plan with the hub", before, StringComparison.Ordinal);

        await hub.Navigator.GetPageAsync($"/navigate/people/{caseId}");

        var data = await person.Browser.GetPageAsync("/profile/data");
        var line = Assert.Single(data.QuerySelectorAll("main li"), li => li.TextContent.Contains("opened your plan with the hub", StringComparison.Ordinal)).TextContent;
        Assert.Contains($" at {hub.Name} opened your plan with the hub", line, StringComparison.Ordinal);
        Assert.StartsWith("Nia", line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..], StringComparison.Ordinal);
    }
}
