using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Insight;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Insight;

/// <summary>
/// Retention and progression against a hand count, what differencing it gives away, and the seam
/// from a manager's staff page to the analyst's figures: Seacroft Homecare takes on seven care
/// workers two months ago and three last month; St James's Hospital has had six staff for over a
/// year, one of whom left last month. Its own app, so no other test's staff are in the city's count.
/// </summary>
public sealed class RetentionPageTests(RetentionPageTests.Factory app) : IClassFixture<RetentionPageTests.Factory>
{
    public sealed class Factory : PortalWebFactory;

    // The rollup's months are the UK's (UkTime): in the first hour of a summer month UTC is still in the month before.
    private static readonly DateOnly ThisMonth = MonthRange.MonthOf(Portal.Infrastructure.UkTime.Today(DateTime.UtcNow));
    private static readonly DateOnly TwoMonthsAgo = ThisMonth.AddMonths(-2);
    private static readonly DateOnly LastMonth = ThisMonth.AddMonths(-1);

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime On(DateOnly month, int day) => DateTime.SpecifyKind(month.AddDays(day - 1).ToDateTime(new TimeOnly(10, 0)), DateTimeKind.Utc);

    private static IReadOnlyList<IReadOnlyList<string>> Rows(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(r => (IReadOnlyList<string>)[.. r.Children.Select(c => c.TextContent.Trim())])];

    private static IReadOnlyList<string> Row(IElement table, string heading) => Rows(table).Single(r => r[0] == heading);

    [Fact]
    public async Task DifferencingTwoDateRangesOrTwoFiltersNeverGivesAwayASmallCountOnThePageOrInTheCsv()
    {
        var (seacroft, _, _) = await SeedAsync();
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);

        var index = await analyst.GetPageAsync("/insight");
        var link = index.QuerySelector<IHtmlAnchorElement>("main a[href='/insight/retention']")!.Href;
        var one = await analyst.GetPageAsync($"{link}?Input.From={Month(TwoMonthsAgo)}&Input.To={Month(TwoMonthsAgo)}");
        var two = await analyst.GetPageAsync($"{link}?Input.From={Month(TwoMonthsAgo)}&Input.To={Month(LastMonth)}");

        Assert.Equal("Retention and progression", one.Text("h1"));
        Assert.Contains("rounded to the nearest 5", one.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Figures as of", one.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(one.QuerySelector("figure.insight-chart svg[role=img] title"));
        // Two date ranges: 7 starters, then 10. Published as 5 and 10, they differ by 5, not by the
        // 3 who started last month, which is held back on its own.
        Assert.Equal("5", Row(one.QuerySelectorAll("table")[0], "Starters")[1]);
        Assert.Equal("10", Row(two.QuerySelectorAll("table")[0], "Starters")[1]);
        Assert.Equal("fewer than 5", Row(two.QuerySelectorAll("table")[1], LastMonth.ToString("MMM yyyy", Portal.Infrastructure.UkEnglish.Culture))[2]);
        // Two filters: the city and its kinds of employer. The one leaver is held back in the city and
        // in its sector alike, so neither gives it away, and a turnover made of it is "too few to say".
        Assert.Equal("15", Row(two.QuerySelectorAll("table")[0], "Staff in post at the end")[1]);
        var sectors = two.QuerySelectorAll("table")[2];
        Assert.Equal(["Care providers", "10", "0"], Row(sectors, "Care providers").Take(3));
        Assert.Equal(["NHS trusts", "5", "fewer than 5"], Row(sectors, "NHS trusts").Take(3));
        Assert.Equal("too few to say", Row(sectors, "NHS trusts")[3]);

        var csvLink = two.QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent.Contains("CSV", StringComparison.Ordinal));
        var csv = await analyst.GetAsync(csvLink.Href);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Contains("The whole city,Starters,10,0,", lines);
        Assert.Contains("The whole city: NHS trusts,Leavers,fewer than 5,,", lines);
        Assert.Contains(lines, l => l.StartsWith($"{Month(LastMonth)},15,fewer than 5,fewer than 5,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("rounded to the nearest 5", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Split(',').Any(cell => cell is "7" or "6" or "3" or "13" or "1"));

        // The analyst sees the city, never one employer.
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"{link}?Input.Organisation={seacroft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"{link}?handler=Csv&Input.Organisation={seacroft}")).StatusCode);
    }

    [Fact]
    public async Task AManagerRecordsAPromotionAndAnApprenticeshipAndAfterTheRollupTheFiguresCountThem()
    {
        var (seacroft, promote, apprentice) = await SeedAsync();
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);
        var range = $"/insight/retention?Input.From={Month(ThisMonth)}&Input.To={Month(ThisMonth)}";
        var before = Rows((await analyst.GetPageAsync(range)).QuerySelectorAll("table")[0]);
        Assert.Equal("0", before.Single(r => r[0] == "Moved up a step on a career route")[1]);
        Assert.Equal("0", before.Single(r => r[0] == "Apprentices in post at the end")[1]);

        var manager = await app.AsManagerOfAsync(seacroft);
        var staff = await manager.GetPageAsync($"/manage/staff/{promote}");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(staff, new Dictionary<string, string> { ["JobRole"] = "senior-care-worker" }, "main form[action*='handler=Change']")).StatusCode);
        staff = await manager.GetPageAsync($"/manage/staff/{apprentice}");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(staff, new Dictionary<string, string> { ["JobRole"] = "care-worker", ["Apprentice"] = "true" }, "main form[action*='handler=Change']")).StatusCode);
        // The manager sees the history on the staff page.
        Assert.Contains("Senior care worker", (await manager.GetPageAsync($"/manage/staff/{promote}")).Text("main"), StringComparison.Ordinal);

        await RollupAsync();
        var after = Rows((await analyst.GetPageAsync(range)).QuerySelectorAll("table")[0]);
        Assert.Equal("fewer than 5", after.Single(r => r[0] == "Moved up a step on a career route")[1]);
        Assert.Equal("fewer than 5", after.Single(r => r[0] == "Apprentices in post at the end")[1]);

        // The manager sees their own staff beside the city, and nobody else's.
        var own = await manager.GetPageAsync("/insight/retention");
        Assert.Contains("Seacroft Homecare", own.Text("main"), StringComparison.Ordinal);
        Assert.Equal("City, this period", own.QuerySelectorAll("table")[0].QuerySelectorAll("thead th")[3].TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insight/retention?Input.Organisation={Guid.Empty}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insight/retention?handler=Csv&Input.Organisation={Guid.NewGuid()}")).StatusCode);
        var learner = await app.AsNewUserAsync(PortalRoles.Learner);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/insight/retention")).StatusCode);
    }

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static (Guid Seacroft, long Promote, long Apprentice)? _seeded;

    /// <summary>Once for the class's app: both tests read the same hand-counted city.</summary>
    private async Task<(Guid Seacroft, long Promote, long Apprentice)> SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (_seeded is { } done)
                return done;
            var people = new List<string>();
            for (var i = 0; i < 16; i++)
                people.Add((await app.CreateUserAsync($"retention.{i}.{Guid.NewGuid():N}@example.com", SignIn.Password)).Id);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var longAgo = DateTime.UtcNow.AddMonths(-18);
            var seacroft = Organisation.Create("Seacroft Homecare", OrganisationType.CareProvider, null, "LS14 6AA", longAgo);
            var hospital = Organisation.Create("St James's Hospital", OrganisationType.NhsTrust, null, "LS9 7TF", longAgo);
            db.AddRange(seacroft, hospital);
            var staff = new List<Membership>();
            for (var i = 0; i < 10; i++)
                staff.Add(Membership.Start(seacroft.Id, people[i], MembershipRole.Staff, On(i < 7 ? TwoMonthsAgo : LastMonth, 5), "care-worker"));
            for (var i = 10; i < 16; i++)
                staff.Add(Membership.Start(hospital.Id, people[i], MembershipRole.Staff, longAgo, "healthcare-support-worker"));
            staff[^1].End(On(LastMonth, 20));
            db.AddRange(staff);
            await db.SaveChangesAsync();
            await RollupAsync();
            _seeded = (seacroft.Id, staff[0].Id, staff[1].Id);
            return _seeded.Value;
        }
        finally
        {
            Seeded.Release();
        }
    }

    private Task RollupAsync() => app.RollupAsync(full: true);
}
