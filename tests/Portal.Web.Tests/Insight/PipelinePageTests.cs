using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Talent;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Insight;

/// <summary>
/// The pipeline and programme pages against a hand count, and what differencing them gives away:
/// seven people apply to Seacroft Care in October (six from a priority neighbourhood, one not) and
/// three more in November; a cohort of seven starts in October, three finish and one is hired. Its
/// own app, so no other test's people are in the city's count.
/// </summary>
public sealed class PipelineCityTests(PipelineCityTests.Factory app) : IClassFixture<PipelineCityTests.Factory>
{
    public sealed class Factory : PortalWebFactory;

    private static readonly DateTime October = new(2026, 10, 6, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime November = new(2026, 11, 10, 10, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<IReadOnlyList<string>> Rows(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(r => (IReadOnlyList<string>)[.. r.Children.Select(c => c.TextContent.Trim())])];

    private static IReadOnlyList<string> Row(IElement table, string heading) => Rows(table).Single(r => r[0] == heading);

    [Fact]
    public async Task DifferencingTwoDateRangesOrTwoFiltersNeverGivesAwayASmallCountOnThePageOrInTheCsv()
    {
        await SeedAsync();
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);

        var index = await analyst.GetPageAsync("/insight");
        var link = index.QuerySelector<IHtmlAnchorElement>("main a[href='/insight/pipeline']")!.Href;
        var october = await analyst.GetPageAsync(link + "?Input.From=2026-10&Input.To=2026-10&Input.By=neighbourhood");
        var both = await analyst.GetPageAsync(link + "?Input.From=2026-10&Input.To=2026-11");

        Assert.Equal("The pipeline", october.Text("h1"));
        Assert.Contains("rounded to the nearest 5", october.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Figures as of", october.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(october.QuerySelector("figure.insight-chart svg[role=img] title"));
        // Two date ranges: 7 in October, 10 in October and November. Published as 5 and 10, they
        // differ by 5, not by the 3 who applied in November, which is held back on its own.
        Assert.Equal(["Applied", "5", "0"], Row(october.QuerySelectorAll("table")[0], "Applied"));
        Assert.Equal(["Applied", "10", "0"], Row(both.QuerySelectorAll("table")[0], "Applied"));
        Assert.Equal("fewer than 5", Row(both.QuerySelectorAll("table")[1], "Nov 2026")[2]);
        // Two filters: all seven show as 5, the six from a priority neighbourhood as 5, so the one
        // from elsewhere cannot be worked out from them; it is held back itself.
        var byNeighbourhood = october.QuerySelectorAll("table")[2];
        Assert.Equal("5", Row(byNeighbourhood, "Lives in a priority neighbourhood")[2]);
        Assert.Equal("fewer than 5", Row(byNeighbourhood, "Lives elsewhere")[2]);

        var csvLink = october.QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent.Contains("CSV", StringComparison.Ordinal));
        var csv = await analyst.GetAsync(csvLink.Href);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Contains("The whole city,Applied,5,0,", lines);
        Assert.Contains(lines, l => l.StartsWith("Lives in a priority neighbourhood,0,5,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Lives elsewhere,0,fewer than 5,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("rounded to the nearest 5", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",7,", StringComparison.Ordinal) || l.Contains(",6,", StringComparison.Ordinal) || l.Contains(",1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachCohortsFunnelIsShownRoundedWithSmallStepsHeldBackOnThePageAndInTheCsv()
    {
        await SeedAsync();
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);

        var page = await analyst.GetPageAsync("/insight/programmes?Input.From=2026-10&Input.To=2026-11");

        Assert.Equal("Programmes", page.Text("h1"));
        Assert.Contains("rounded to the nearest 5", page.Text("main"), StringComparison.Ordinal);
        var row = Rows(page.QuerySelector("table")!).Single(r => r[0].StartsWith("Ready for Care", StringComparison.Ordinal));
        Assert.Equal(["5", "fewer than 5", "fewer than 5", "fewer than 5", "0"], row.Skip(1));
        Assert.NotNull(page.QuerySelector("figure.insight-chart svg[role=img] title"));
        var csv = await (await analyst.GetAsync(page.QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent.Contains("CSV", StringComparison.Ordinal)).Href)).Content.ReadAsStringAsync();
        Assert.Contains("Ready for Care,2026-10-05,2026-11-13,5,fewer than 5,fewer than 5,fewer than 5,0", csv, StringComparison.Ordinal);
    }

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _done;

    /// <summary>Once for the class's app: both tests read the same hand-counted city.</summary>
    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (_done)
                return;
            _done = true;
            var people = new List<string>();
            for (var i = 0; i < 10; i++)
                people.Add((await app.CreateUserAsync($"pipeline.{i}.{Guid.NewGuid():N}@example.com", SignIn.Password)).Id);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var postcodes = scope.ServiceProvider.GetRequiredService<PostcodeDistricts>();
            var seacroft = Organisation.Create("Seacroft Care", OrganisationType.CareProvider, null, "LS14 6AA", October.AddYears(-1));
            var hub = Organisation.Create("Gipton Talent Hub", OrganisationType.Charity, null, "LS9 7TF", October.AddYears(-1));
            db.AddRange(seacroft, hub);
            var vacancy = Vacancy.Draft(seacroft.Id, new VacancyDetails
            {
                CareerRole = "care-worker", Title = "Care worker", DescriptionMarkdown = "Home care rounds in Seacroft.", Location = postcodes.Locate("LS14").Location!,
                HourlyPay = 13.60m, HoursPerWeek = 30, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, PayBasis = PayBasis.WholeShift, GuaranteedHours = true,
                PaidTravelTime = true, PaidTraining = true, DrivingLicenceRequired = false, ClosingDate = new DateOnly(2026, 12, 31),
            }, October.AddDays(-3));
            vacancy.Publish(October.AddDays(-3), new MinimumWage([new MinimumWageRates(new DateOnly(2000, 1, 1), 0.01m, 0.01m, 0.01m, 0.01m)]));
            db.Add(vacancy);
            for (var i = 0; i < 10; i++)
            {
                var profile = CandidateProfile.For(people[i]);
                profile.Update(new CandidateDetails { Location = postcodes.Locate(i == 6 ? "LS6 1AA" : "LS9 7TF").Location }, October.AddDays(-5));
                db.Add(profile);
                db.Add(Application.Submit(vacancy.Id, people[i], null, i < 7 ? October.AddHours(i) : November.AddHours(i)));
            }
            var programme = Programme.Create(hub.Id, "Ready for Care", null, October.AddDays(-30));
            var cohort = Cohort.Create(programme.Id, new CohortDetails(new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 13), 12, "Gipton Methodist Church", false, "Seacroft Care", null), October.AddDays(-30));
            db.AddRange(programme, cohort);
            for (var i = 0; i < 7; i++)
            {
                var enrolment = Enrolment.Start(cohort.Id, people[i], people[i], October.AddDays(-10));
                if (i < 3)
                    enrolment.Complete(November.AddDays(3));
                db.Add(enrolment);
            }
            db.Add(HubOutcome.Record(people[0], hub.Id, cohort.Id, OutcomeKind.StartedWork, "Seacroft Care", new DateOnly(2026, 11, 20), "navigator", November.AddDays(10)));
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<InsightRollupJob>().RunAsync(full: true, CancellationToken.None);
        }
        finally
        {
            Seeded.Release();
        }
    }
}

/// <summary>Who sees which pipeline and programme figures: employers and hubs their own, never another's.</summary>
public sealed class PipelineScopeTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Theory]
    [InlineData("/insight/pipeline")]
    [InlineData("/insight/programmes")]
    [InlineData("/insight/retention")]
    public async Task AManagerSeesTheirOwnOrganisationAndAnotherOrganisationOrTheCityIsNotFound(string path)
    {
        var (mine, theirs) = await TwoOrganisationsAsync();
        var manager = await MemberAsync(mine.Id, MembershipRole.Manager);

        var page = await manager.GetPageAsync(path);
        Assert.Contains(mine.Name, page.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("The whole city", page.Text("main"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{path}?Input.Organisation={theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{path}?handler=Csv&Input.Organisation={theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{path}?Input.Organisation={Guid.Empty}")).StatusCode);
    }

    [Theory]
    [InlineData("/insight/pipeline")]
    [InlineData("/insight/programmes")]
    [InlineData("/insight/retention")]
    public async Task ANavigatorSeesTheirHubsFiguresAndNoOtherHubs(string path)
    {
        var (mine, theirs) = await TwoOrganisationsAsync();
        var navigator = await MemberAsync(mine.Id, MembershipRole.Navigator, PortalRoles.Navigator);

        var page = await navigator.GetPageAsync(path);
        Assert.Contains(mine.Name, page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await navigator.GetAsync($"{path}?Input.Organisation={theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await navigator.GetAsync($"{path}?handler=Csv&Input.Organisation={theirs.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("/insight/pipeline")]
    [InlineData("/insight/programmes")]
    [InlineData("/insight/retention")]
    public async Task AnAnalystSeesTheCityButNoSingleOrganisationAndLearnersNothing(string path)
    {
        var (mine, _) = await TwoOrganisationsAsync();
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"{path}?Input.Organisation={mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"{path}?handler=Csv&Input.Organisation={mine.Id}")).StatusCode);

        var learner = await app.AsNewUserAsync(PortalRoles.Learner);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownBreakdownOrBackwardsMonthsAreRefusedWithAReason()
    {
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);

        var unknown = await analyst.GetPageAsync("/insight/pipeline?Input.By=postcode");
        Assert.Equal("Choose what to break the figures down by from the list", unknown.Text("[role=alert] li"));
        var backwards = await analyst.GetPageAsync("/insight/programmes?Input.From=2026-11&Input.To=2026-03");
        Assert.Equal("The first month must be before the last.", backwards.Text("[role=alert] li"));
        Assert.Null(backwards.QuerySelector("table"));
    }

    private async Task<HttpClient> MemberAsync(Guid organisation, MembershipRole role, params string[] roles)
    {
        var email = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password, roles: roles);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<OrganisationService>().AddMemberAsync(organisation, email, role)).IsDone);
        var browser = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(browser, email);
        return browser;
    }

    private async Task<(Organisation Mine, Organisation Theirs)> TwoOrganisationsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var mine = Organisation.Create($"Chapeltown Care {Guid.NewGuid():N}"[..30], OrganisationType.CareProvider, null, "LS7 3AA", DateTime.UtcNow);
        var theirs = Organisation.Create($"Beeston Homecare {Guid.NewGuid():N}"[..30], OrganisationType.CareProvider, null, "LS11 8AA", DateTime.UtcNow);
        db.AddRange(mine, theirs);
        await db.SaveChangesAsync();
        return (mine, theirs);
    }
}
