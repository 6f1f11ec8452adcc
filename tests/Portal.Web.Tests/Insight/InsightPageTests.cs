using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Organisations;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Insight;

/// <summary>
/// The city's learning figures as an analyst reads them, against a hand count: seven people pass
/// in October (one of them twice), three of them again in November. Its own app, so that no other
/// test's passes are in the city's count.
/// </summary>
public sealed class InsightCityTests(InsightCityTests.Factory app) : IClassFixture<InsightCityTests.Factory>
{
    public sealed class Factory : PortalWebFactory;

    private static readonly DateTime October = new(2026, 10, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime November = new(2026, 11, 12, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AnAnalystSeesRoundedCityFiguresWithSmallOnesHeldBackOnThePageAndInTheCsv()
    {
        var people = new List<string>();
        for (var i = 0; i < 7; i++)
            people.Add((await app.CreateUserAsync($"city.{i}.{Guid.NewGuid():N}@example.com", SignIn.Password)).Id);
        foreach (var person in people)
            await app.CompletedAsync(person, "fire-safety", October);
        await app.CompletedAsync(people[0], "moving-and-handling", October.AddDays(1));
        foreach (var person in people.Take(3))
            await app.CompletedAsync(person, "safeguarding-adults", November);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<InsightRollupJob>().RunAsync(full: true, CancellationToken.None);
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);

        var index = await analyst.GetPageAsync("/insight");
        var page = await analyst.GetPageAsync(index.QuerySelector<AngleSharp.Html.Dom.IHtmlAnchorElement>("main a[href='/insight/learning']")!.Href + "?Input.From=2026-10&Input.To=2026-11");

        Assert.Equal("Learning reach", page.Text("h1"));
        Assert.Contains("The whole city", page.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Figures as of", page.Text("main"), StringComparison.Ordinal);
        Assert.Contains("rounded to the nearest 5", page.Text("main"), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["October 2026", "5", "0", "5", "10"], rows[0]);
        Assert.Equal(["November 2026", "fewer than 5", "0", "0", "fewer than 5"], rows[1]);
        Assert.NotNull(page.QuerySelector("figure.insight-chart svg[role=img] title"));

        var csvLink = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlAnchorElement>("main a").Single(a => a.TextContent.Contains("CSV", StringComparison.Ordinal));
        var csv = await analyst.GetAsync(csvLink.Href);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("The whole city,2026-10,5,5,10,0,0,0", lines[1]);
        Assert.Equal("The whole city,2026-11,fewer than 5,0,fewer than 5,0,0,0", lines[2]);
        Assert.Contains(lines, l => l.Contains("rounded to the nearest 5", StringComparison.Ordinal));
    }
}

/// <summary>Who sees which figures: employers their own, never another's; learners none.</summary>
public sealed class InsightScopeTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task AManagerSeesTheirOwnOrganisationBesideTheCityAndAnotherOrganisationIsNotFound()
    {
        var (mine, theirs) = await TwoOrganisationsAsync();
        var managerEmail = $"manager.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(managerEmail, SignIn.Password);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<OrganisationService>().AddMemberAsync(mine.Id, managerEmail, MembershipRole.Manager)).IsDone);
        var manager = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(manager, managerEmail);

        var page = await manager.GetPageAsync("/insight/learning");
        Assert.Contains(mine.Name, page.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("The whole city", page.Text("main"), StringComparison.Ordinal);
        Assert.Contains("City: people", page.Text("table thead"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insight/learning?Input.Organisation={theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insight/learning?handler=Csv&Input.Organisation={theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insight/learning?Input.Organisation={Guid.Empty}")).StatusCode);
    }

    [Fact]
    public async Task AnAnalystSeesTheCityButNoSingleOrganisation()
    {
        var (mine, _) = await TwoOrganisationsAsync();
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/insight/learning")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/insight/learning?Input.Organisation={mine.Id}")).StatusCode);
    }

    [Fact]
    public async Task LearnersAndSignedOutVisitorsGetNoFigures()
    {
        var learner = await app.AsNewUserAsync(PortalRoles.Learner);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/insight/learning")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync("/insight/learning")).StatusCode);
    }

    [Theory]
    [InlineData("Input.From=last%20year&Input.To=2026-11", "Enter months like 2026-01")]
    [InlineData("Input.From=2026-11&Input.To=2026-03", "The first month must be before the last.")]
    [InlineData("Input.From=2026-11&Input.To=2099-01", "The last month cannot be after this month.")]
    public async Task MonthsThatMakeNoSenseAreRefusedWithAReason(string query, string message)
    {
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);

        var page = await analyst.GetPageAsync($"/insight/learning?{query}");

        Assert.Equal(message, page.Text("[role=alert] li"));
        Assert.Null(page.QuerySelector("table"));
    }

    private async Task<(Organisation Mine, Organisation Theirs)> TwoOrganisationsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var mine = Organisation.Create($"Roundhay Care {Guid.NewGuid():N}"[..30], OrganisationType.CareProvider, null, "LS8 2AA", DateTime.UtcNow);
        var theirs = Organisation.Create($"Armley Homecare {Guid.NewGuid():N}"[..30], OrganisationType.CareProvider, null, "LS12 1AA", DateTime.UtcNow);
        db.AddRange(mine, theirs);
        await db.SaveChangesAsync();
        return (mine, theirs);
    }
}
