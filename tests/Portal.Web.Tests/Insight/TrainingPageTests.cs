using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Navigation;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Insight;

/// <summary>
/// Required training in date against a hand count, what it gives away, and the seams: a care worker
/// passes what her employer requires and the analyst's figure moves; an admin records an employer's
/// care setting and the city by setting shows it. Harehills Homecare requires fire safety and
/// safeguarding adults of its ten care workers, five of whom hold both; Beeston Day Services requires
/// the same of its two, one of whom holds both. Its own app, so no other test's staff are counted.
/// </summary>
public sealed class TrainingPageTests(TrainingPageTests.Factory app) : IClassFixture<TrainingPageTests.Factory>
{
    public sealed class Factory : PortalWebFactory;

    private static IReadOnlyList<IReadOnlyList<string>> Rows(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(r => (IReadOnlyList<string>)[.. r.Children.Select(c => c.TextContent.Trim())])];

    private static IReadOnlyList<string> Row(IElement table, string heading) => Rows(table).Single(r => r[0] == heading);

    [Fact]
    public async Task ACareWorkerPassesWhatHerEmployerRequiresAndTheAnalystsFigureMovesWithoutGivingAwayASmallCount()
    {
        var seeded = await SeedAsync();
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);
        var index = await analyst.GetPageAsync("/insight");
        var link = index.QuerySelector<IHtmlAnchorElement>("main a[href='/insight/training']")!.Href;
        var page = await analyst.GetPageAsync(link);
        Assert.Equal("Required training in date", page.Text("h1"));
        Assert.Contains("Figures as of", page.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("figure.insight-chart svg[role=img] title"));
        // 12 of 24 in date, published as 10 of 25; six of twelve staff with both, published as 5 of 10.
        var summary = page.QuerySelectorAll("table")[0];
        Assert.Equal("40%", Row(summary, "Required training in date")[1]);
        Assert.Equal("50%", Row(summary, "Staff with all of theirs in date")[1]);
        Assert.Equal("10", Row(summary, "Staff counted (in post, with training their job requires)")[1]);
        // The two staff of the charity are too few to say anything about, in its sector and its setting alike.
        var sectors = page.QuerySelectorAll("table")[2];
        Assert.Equal(["Care providers", "10", "50%", "50%"], Row(sectors, "Care providers"));
        Assert.Equal(["Charities", "fewer than 5", "too few to say", "too few to say"], Row(sectors, "Charities"));
        Assert.Equal(["Care at home (domiciliary care)", "10", "50%", "50%"], Row(page.QuerySelectorAll("table")[3], "Care at home (domiciliary care)"));

        var csvLink = page.QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent.Contains("CSV", StringComparison.Ordinal));
        var lines = (await (await analyst.GetAsync(csvLink.Href)).Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Contains(lines, l => l.StartsWith("City: Charities,", StringComparison.Ordinal) && l.EndsWith(",fewer than 5,too few to say,too few to say", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("not shown for fewer than 5 staff", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Split(',').Any(cell => cell is "12" or "24" or "6" or "2" or "4"));

        // She signs in on her phone and passes both modules her employer requires.
        var learner = app.CreateBrowser();
        await SignIn.PostSignInAsync(learner, seeded.LearnerEmail, SignIn.Password);
        await app.PassAsync(learner, "fire-safety");
        await app.PassAsync(learner, "safeguarding-adults");
        await RollupAsync();

        // 14 of 24, published as 15 of 25.
        page = await analyst.GetPageAsync(link);
        Assert.Equal("60%", Row(page.QuerySelectorAll("table")[0], "Required training in date")[1]);

        // The analyst sees the city, never one employer; a learner sees no figures at all.
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"{link}?Input.Organisation={seeded.Harehills}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"{link}?handler=Csv&Input.Organisation={seeded.Harehills}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task AnAdminRecordsAnEmployersCareSettingAndTheCityBySettingShowsItAndAManagerSeesOnlyTheirOwn()
    {
        var seeded = await SeedAsync();
        var admin = await app.AsAdminWithTwoFactorAsync();
        var organisation = await admin.GetPageAsync($"/admin/organisations/{seeded.Beeston}");
        Assert.Contains("Care setting: Setting not recorded", organisation.Text("main"), StringComparison.Ordinal);
        var change = organisation.QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent.StartsWith("Change", StringComparison.Ordinal)).Href;
        var form = await admin.GetPageAsync(change);

        // A tampered value gets a clear message and changes nothing.
        var token = form.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        var refused = await admin.PostAsync(change, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Setting"] = "Banana" }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose a care setting from the list", (await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/organisations/{Guid.NewGuid()}/setting")).StatusCode);
        Assert.Null(await SettingAsync(seeded.Beeston));

        var saved = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Setting"] = nameof(CareSetting.DayAndCommunityServices) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Care setting: Day and community services", (await admin.GetPageAsync(saved.Headers.Location!.OriginalString)).Text("main"), StringComparison.Ordinal);
        Assert.Equal(CareSetting.DayAndCommunityServices, await SettingAsync(seeded.Beeston));

        await RollupAsync();
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);
        var settings = (await analyst.GetPageAsync("/insight/training")).QuerySelectorAll("table")[3];
        Assert.Equal(["Day and community services", "fewer than 5", "too few to say", "too few to say"], Row(settings, "Day and community services"));
        Assert.DoesNotContain(Rows(settings), r => r[0] == "Setting not recorded");

        // The employer's manager sees their own staff beside the city, and nobody else's.
        var manager = await app.AsManagerOfAsync(seeded.Harehills);
        var own = await manager.GetPageAsync("/insight/training");
        Assert.Contains("Harehills Homecare", own.Text("main"), StringComparison.Ordinal);
        Assert.StartsWith("City, end of", own.QuerySelectorAll("table")[0].QuerySelectorAll("thead th")[3].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, own.QuerySelectorAll("table").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insight/training?Input.Organisation={seeded.Beeston}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insight/training?handler=Csv&Input.Organisation={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/admin/organisations/{seeded.Beeston}/setting")).StatusCode);
    }

    private sealed record Seeded(Guid Harehills, Guid Beeston, string LearnerEmail);

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static Seeded? _seeded;

    /// <summary>Once for the class's app.</summary>
    private async Task<Seeded> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_seeded is { } done)
                return done;
            var people = new List<string>();
            for (var i = 0; i < 12; i++)
                people.Add((await app.CreateUserAsync($"training.{i}.{Guid.NewGuid():N}@example.com", SignIn.Password, roles: PortalRoles.Learner)).Email!);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var ids = await db.Users.Where(u => people.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id);
            var longAgo = DateTime.UtcNow.AddMonths(-18);
            var harehills = Organisation.Create("Harehills Homecare", OrganisationType.CareProvider, null, "LS8 3AA", longAgo);
            harehills.ChangeSetting(CareSetting.HomeCare);
            var beeston = Organisation.Create("Beeston Day Services", OrganisationType.Charity, null, "LS11 8AA", longAgo);
            db.AddRange(harehills, beeston);
            Topic[] both = [new(TopicKind.Module, "fire-safety"), new(TopicKind.Module, "safeguarding-adults")];
            db.Add(JobRequirements.Create(harehills.Id, "care-worker", both, "manager", longAgo));
            db.Add(JobRequirements.Create(beeston.Id, "care-worker", both, "manager", longAgo));
            for (var i = 0; i < 12; i++)
                db.Add(Membership.Start(i < 10 ? harehills.Id : beeston.Id, ids[people[i]], MembershipRole.Staff, longAgo, "care-worker"));
            await db.SaveChangesAsync();
            foreach (var i in new[] { 0, 1, 2, 3, 4, 10 })
            {
                await app.CompletedAsync(ids[people[i]], "fire-safety", DateTime.UtcNow.AddDays(-20));
                await app.CompletedAsync(ids[people[i]], "safeguarding-adults", DateTime.UtcNow.AddDays(-20));
            }
            await RollupAsync();
            _seeded = new Seeded(harehills.Id, beeston.Id, people[9]);
            return _seeded;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private async Task<CareSetting?> SettingAsync(Guid organisation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Organisation>().Where(o => o.Id == organisation).Select(o => o.Setting).SingleAsync();
    }

    private Task RollupAsync() => app.RollupAsync(full: false);
}
