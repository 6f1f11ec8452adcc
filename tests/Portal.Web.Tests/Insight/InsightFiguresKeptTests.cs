using System.Globalization;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Equality;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Talent;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Insight;

/// <summary>
/// The insight figures each view keeps (<see cref="InsightFiguresCache"/>), as the people who read
/// them see them: applicants apply to two employers, the hourly rollup runs, and each employer's
/// manager and the city's analyst read the pipeline and the reflecting page again and again. Its
/// own app, so no other test's applicants are in the city's count.
/// </summary>
public sealed class InsightFiguresKeptTests(InsightFiguresKeptTests.Factory app) : InsightFiguresKept(app), IClassFixture<InsightFiguresKeptTests.Factory>
{
    public sealed class Factory : PortalWebFactory;

    [Fact]
    public async Task EachManagerReadsOnlyTheirOwnFiguresAndANewRollupOnThisNodeOrAnotherShowsAtOnce()
    {
        var seacroft = await EmployerAsync("Seacroft Care", "LS14 6AA");
        var roundhay = await EmployerAsync("Roundhay Homecare", "LS8 2AA");
        await ApplyAsync(seacroft.Vacancy, 5, "white-british");
        await ApplyAsync(roundhay.Vacancy, 10, "black-african");
        await App.RollupAsync(full: true);
        var seacroftManager = await App.AsManagerOfAsync(seacroft.Id);
        var roundhayManager = await App.AsManagerOfAsync(roundhay.Id);
        var analyst = await App.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);

        // Other months are other figures, kept apart: nobody applied two months ago.
        var twoMonthsAgo = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var then = $"&Input.From={twoMonthsAgo}&Input.To={twoMonthsAgo}";
        await AssertPipelineAsync(analyst, "The whole city", applied: "0", then);
        Assert.Empty(await ReflectingAsync(seacroftManager, then));

        // Each reads twice, in turn, the second time from what was kept: only ever their own.
        for (var view = 0; view < 2; view++)
        {
            await AssertPipelineAsync(seacroftManager, "Seacroft Care", applied: "5", (WhiteBritish, "5"));
            await AssertPipelineAsync(roundhayManager, "Roundhay Homecare", applied: "10", (BlackAfrican, "10"));
            await AssertPipelineAsync(analyst, "The whole city", applied: "15", (WhiteBritish, "5"), (BlackAfrican, "10"));
            Assert.Equal([(WhiteBritish, "5")], await ReflectingAsync(seacroftManager));
            Assert.Equal([(BlackAfrican, "10")], await ReflectingAsync(roundhayManager));
        }

        // Five more apply to Seacroft, and the next hourly run happens on another node.
        await ApplyAsync(seacroft.Vacancy, 5, "black-african");
        await RollupOnAnotherNodeAsync();
        await AssertPipelineAsync(seacroftManager, "Seacroft Care", applied: "10", (BlackAfrican, "5"), (WhiteBritish, "5"));
        await AssertPipelineAsync(roundhayManager, "Roundhay Homecare", applied: "10", (BlackAfrican, "10"));
        await AssertPipelineAsync(analyst, "The whole city", applied: "20", (WhiteBritish, "5"), (BlackAfrican, "15"));
        Assert.Equal([(BlackAfrican, "5"), (WhiteBritish, "5")], await ReflectingAsync(seacroftManager));

        // Five more to Roundhay, and the run is this node's.
        await ApplyAsync(roundhay.Vacancy, 5, "white-british");
        await App.RollupAsync(full: false);
        await AssertPipelineAsync(roundhayManager, "Roundhay Homecare", applied: "15", (BlackAfrican, "10"), (WhiteBritish, "5"));
        await AssertPipelineAsync(seacroftManager, "Seacroft Care", applied: "10", (BlackAfrican, "5"), (WhiteBritish, "5"));
        Assert.Equal([(BlackAfrican, "10"), (WhiteBritish, "5")], await ReflectingAsync(roundhayManager));
    }
}

/// <summary>
/// The same for learning reach and the time to hire, each employer's own (no city figures here:
/// each test adds to the city): its own app.
/// </summary>
public sealed class InsightFiguresKeptForEachEmployerTests(InsightFiguresKeptForEachEmployerTests.Factory app) : InsightFiguresKept(app), IClassFixture<InsightFiguresKeptForEachEmployerTests.Factory>
{
    public sealed class Factory : PortalWebFactory;

    [Fact]
    public async Task EachManagerReadsOnlyTheirOwnStaffsPassesAndANewRollupOnAnotherNodeShowsAtOnce()
    {
        var headingley = await EmployerAsync("Headingley Care", "LS6 3AA");
        var armley = await EmployerAsync("Armley Grange", "LS12 2AA");
        var headingleyStaff = await StaffAsync(headingley.Id, 5);
        var armleyStaff = await StaffAsync(armley.Id, 10);
        foreach (var person in headingleyStaff)
            await App.CompletedAsync(person, "fire-safety", DateTime.UtcNow);
        foreach (var person in armleyStaff)
            await App.CompletedAsync(person, "food-hygiene", DateTime.UtcNow);
        await App.RollupAsync(full: true);
        var headingleyManager = await App.AsManagerOfAsync(headingley.Id);
        var armleyManager = await App.AsManagerOfAsync(armley.Id);

        for (var view = 0; view < 2; view++)
        {
            Assert.Equal([("Fire safety", "5")], await PassesAsync(headingleyManager, "Headingley Care"));
            Assert.Equal([("Food hygiene", "10")], await PassesAsync(armleyManager, "Armley Grange"));
        }

        // Five of Headingley's staff pass another module; the next run is on another node.
        foreach (var person in headingleyStaff)
            await App.CompletedAsync(person, "food-hygiene", DateTime.UtcNow);
        await RollupOnAnotherNodeAsync();
        Assert.Equal([("Fire safety", "5"), ("Food hygiene", "5")], await PassesAsync(headingleyManager, "Headingley Care"));
        Assert.Equal([("Food hygiene", "10")], await PassesAsync(armleyManager, "Armley Grange"));
    }

    [Fact]
    public async Task TheMedianDaysToHireAreEachEmployersOwnAndANewRunShowsAtOnce()
    {
        var kirkstall = await EmployerAsync("Kirkstall Lodge", "LS5 3AA");
        var chapeltown = await EmployerAsync("Chapeltown Homecare", "LS7 4AA");
        var now = DateTime.UtcNow;
        await HireAsync(kirkstall.Vacancy, 5, applied: now.AddDays(-10), hired: now);
        await HireAsync(chapeltown.Vacancy, 5, applied: now.AddDays(-3), hired: now);
        await App.RollupAsync(full: true);
        var kirkstallManager = await App.AsManagerOfAsync(kirkstall.Id);
        var chapeltownManager = await App.AsManagerOfAsync(chapeltown.Id);

        for (var view = 0; view < 2; view++)
        {
            Assert.Equal("10", await MedianDaysToHireAsync(kirkstallManager, "Kirkstall Lodge"));
            Assert.Equal("3", await MedianDaysToHireAsync(chapeltownManager, "Chapeltown Homecare"));
        }

        // Five more hired at Kirkstall, twenty days after applying: the median is halfway between 10 and 20.
        await HireAsync(kirkstall.Vacancy, 5, applied: now.AddDays(-20), hired: now);
        await RollupOnAnotherNodeAsync();
        Assert.Equal("15", await MedianDaysToHireAsync(kirkstallManager, "Kirkstall Lodge"));
        Assert.Equal("3", await MedianDaysToHireAsync(chapeltownManager, "Chapeltown Homecare"));
    }
}

/// <summary>What the kept-figures tests do the same way: employers, applicants, staff, the rollup on another node, and reading the pages.</summary>
public abstract class InsightFiguresKept(PortalWebFactory app)
{
    protected PortalWebFactory App { get; } = app;

    protected const string ByEthnicGroup = "/insight/pipeline?Input.By=ethnicity";
    protected const string Reflecting = "/insight/reflecting?Input.Characteristic=ethnicity";
    protected static readonly string WhiteBritish = EqualityQuestions.Ethnicity.LabelOf("white-british")!;
    protected static readonly string BlackAfrican = EqualityQuestions.Ethnicity.LabelOf("black-african")!;

    /// <summary>The learning reach page's passes of each module this period, by title.</summary>
    protected static async Task<(string Module, string Passed)[]> PassesAsync(HttpClient viewer, string scope)
    {
        var page = await viewer.GetPageAsync("/insight/learning");
        Assert.Contains(scope, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var table = page.QuerySelectorAll("main table").Single(t => t.QuerySelector("caption")?.TextContent.StartsWith("Passes of each module", StringComparison.Ordinal) == true);
        return [.. Cells(table).Select(r => (Module: r[0], Passed: r[1])).OrderBy(m => m.Module, StringComparer.Ordinal)];
    }

    protected async Task<IReadOnlyList<string>> StaffAsync(Guid employer, int people)
    {
        var ids = new List<string>();
        for (var i = 0; i < people; i++)
            ids.Add((await App.CreateUserAsync($"staff.{i}.{Guid.NewGuid():N}@example.com", SignIn.Password)).Id);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var id in ids)
            db.Add(Membership.Start(employer, id, MembershipRole.Staff, DateTime.UtcNow.AddMonths(-2), "care-worker"));
        await db.SaveChangesAsync();
        return ids;
    }

    protected static async Task<string> MedianDaysToHireAsync(HttpClient viewer, string scope)
    {
        var page = await viewer.GetPageAsync("/insight/pipeline");
        Assert.Contains(scope, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelectorAll("main table tr").Single(r => r.Children[0].TextContent.Trim() == "Median days from application to hire");
        return row.Children[1].TextContent.Trim();
    }

    /// <summary>So many new people apply to the vacancy, and its recruiter takes each through to hired.</summary>
    protected async Task HireAsync(Guid vacancy, int people, DateTime applied, DateTime hired)
    {
        var ids = new List<string>();
        for (var i = 0; i < people; i++)
            ids.Add((await App.CreateUserAsync($"hired.{i}.{Guid.NewGuid():N}@example.com", SignIn.Password)).Id);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var id in ids)
        {
            var application = Application.Submit(vacancy, id, null, applied);
            foreach (var step in new[] { ApplicationStatus.Shortlisted, ApplicationStatus.Interview, ApplicationStatus.Offer, ApplicationStatus.Hired })
                application.MoveTo(step, "recruiter", hired);
            db.Add(application);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The pipeline by ethnic group: whose figures, the applied count, and each group's applied count (none other shown).</summary>
    protected static Task AssertPipelineAsync(HttpClient viewer, string scope, string applied, params (string Group, string Applied)[] groups) =>
        AssertPipelineAsync(viewer, scope, applied, "", groups);

    /// <param name="months">More of the query: the months, or nothing for the last twelve.</param>
    protected static async Task AssertPipelineAsync(HttpClient viewer, string scope, string applied, string months, params (string Group, string Applied)[] groups)
    {
        var page = await viewer.GetPageAsync(ByEthnicGroup + months);
        Assert.Contains(scope, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var tables = page.QuerySelectorAll("main table");
        Assert.Equal(applied, Cells(tables[0]).Single(r => r[0] == "Applied")[1]);
        // The breakdown's table, headed by the question; none when nobody is in any group.
        var byGroup = tables.SingleOrDefault(t => t.QuerySelector("thead th")?.TextContent.Trim() == "Ethnic group");
        var column = byGroup is null ? -1 : Array.IndexOf([.. byGroup.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim())], "Applied");
        Assert.Equal(groups.OrderBy(g => g.Group, StringComparer.Ordinal),
            byGroup is null ? [] : Cells(byGroup).Select(r => (Group: r[0], Applied: r[column])).OrderBy(g => g.Group, StringComparer.Ordinal));
    }

    /// <summary>Each ethnic group with anyone applying on the reflecting page, and the count (before its share).</summary>
    protected static async Task<(string Group, string Applied)[]> ReflectingAsync(HttpClient viewer, string months = "")
    {
        var page = await viewer.GetPageAsync(Reflecting + months);
        return [.. Cells(page.QuerySelector("main table")!)
            .Select(r => (Group: r[0][(r[0].IndexOf(' ', StringComparison.Ordinal) + 1)..], Applied: r[3].Split(' ')[0]))
            .Where(g => g.Applied != "0")
            .OrderBy(g => g.Group, StringComparer.Ordinal)];
    }

    protected static IReadOnlyList<string[]> Cells(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())];

    protected async Task RollupOnAnotherNodeAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        using var theirs = new InsightFiguresCache();
        await ActivatorUtilities.CreateInstance<InsightRollupJob>(scope.ServiceProvider, theirs).RunAsync(full: false, CancellationToken.None);
    }

    protected async Task<(Guid Id, Guid Vacancy)> EmployerAsync(string name, string postcode)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var postcodes = scope.ServiceProvider.GetRequiredService<PostcodeDistricts>();
        var since = DateTime.UtcNow.AddMonths(-2);
        var employer = Organisation.Create(name, OrganisationType.CareProvider, null, postcode, since);
        var vacancy = Vacancy.Draft(employer.Id, new VacancyDetails
        {
            CareerRole = "care-worker", Title = "Care worker", DescriptionMarkdown = $"Home care rounds with {name}.", Location = postcodes.Locate(postcode[..4].Trim()).Location!,
            HourlyPay = 13.60m, HoursPerWeek = 30, Days = WorkDays.Weekdays, Shifts = ShiftTimes.Early, PayBasis = PayBasis.WholeShift, GuaranteedHours = true,
            PaidTravelTime = true, PaidTraining = true, DrivingLicenceRequired = false, ClosingDate = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(2)),
        }, since);
        vacancy.Publish(since, new MinimumWage([new MinimumWageRates(new DateOnly(2000, 1, 1), 0.01m, 0.01m, 0.01m, 0.01m)]));
        db.AddRange(employer, vacancy);
        await db.SaveChangesAsync();
        return (employer.Id, vacancy.Id);
    }

    /// <summary>So many new people, each of the ethnic group, apply to the vacancy now.</summary>
    protected async Task ApplyAsync(Guid vacancy, int people, string ethnicGroup)
    {
        var ids = new List<string>();
        for (var i = 0; i < people; i++)
            ids.Add((await App.CreateUserAsync($"kept.{i}.{Guid.NewGuid():N}@example.com", SignIn.Password)).Id);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTime.UtcNow;
        foreach (var id in ids)
        {
            var answers = EqualityAnswers.For(id);
            answers.Change(new Dictionary<string, string?> { ["ethnicity"] = ethnicGroup }, now);
            db.AddRange(answers, Application.Submit(vacancy, id, null, now));
        }
        await db.SaveChangesAsync();
    }
}
