using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Equality;
using Portal.Domain.Insight;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Insight;

/// <summary>
/// The workforce by a monitoring question beside a figure an analyst enters: six staff at Harehills
/// Lane Care, five White British and one Black African. Its own app, so that no other test's staff
/// are in the city's count.
/// </summary>
public sealed class ReflectingPageTests(ReflectingPageTests.Factory app) : IClassFixture<ReflectingPageTests.Factory>
{
    public sealed class Factory : PortalWebFactory;

    [Fact]
    public async Task AnAnalystEntersACityFigureAndSeesTheWorkforceBesideItWithTheSmallGroupHeldBackAndBadFiguresRefused()
    {
        var harehills = await StaffAsync();
        var analyst = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Analyst);

        var form = await analyst.GetPageAsync("/insight/references");
        var refused = await analyst.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Group"] = "ethnicity|black-african", ["Input.Share"] = "120", ["Input.Source"] = "ONS Census 2021, Leeds", ["Input.Year"] = "2021",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Enter the share as a per cent from 0 to 100, like 2.6", (await Forms.ParseAsync(refused)).Text("[role=alert] li"));
        var noSource = await analyst.SubmitAsync(form, new Dictionary<string, string> { ["Input.Group"] = "ethnicity|black-african", ["Input.Share"] = "2.6", ["Input.Source"] = "", ["Input.Year"] = "2021" });
        Assert.Contains("Say where the figure comes from", (await Forms.ParseAsync(noSource)).Text("[role=alert] li"), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ReferenceFigure>().CountAsync());

        var saved = await analyst.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Group"] = "ethnicity|black-african", ["Input.Share"] = "2.6", ["Input.Source"] = "ONS Census 2021, Leeds", ["Input.Year"] = "2021",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("ONS Census 2021, Leeds", (await analyst.GetPageAsync("/insight/references")).Text("table"), StringComparison.Ordinal);

        var page = await analyst.GetPageAsync("/insight/reflecting?Input.Characteristic=ethnicity");
        var rows = page.QuerySelector("table")!.QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim()[(r.Children[0].TextContent.Trim().IndexOf(' ', StringComparison.Ordinal) + 1)..], r => r.Children.Select(c => c.TextContent.Trim()).ToList());
        var blackAfrican = rows[EqualityQuestions.Ethnicity.LabelOf("black-african")!];
        Assert.Equal("2.6% (ONS Census 2021, Leeds, 2021)", blackAfrican[1]);
        // One person, held back: and the total (6 shown as 5) beside White British (5 shown as 5) does not give them away.
        Assert.Equal("fewer than 5 (-)", blackAfrican[2]);
        Assert.Equal("5 (100%)", rows[EqualityQuestions.Ethnicity.LabelOf("white-british")!][2]);
        Assert.Equal("5", page.QuerySelector("table tfoot td:nth-child(3)")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("figure.insight-chart svg[role=img] title"));

        var csvLink = page.QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent.Contains("CSV", StringComparison.Ordinal));
        var csv = await (await analyst.GetAsync(csvLink.Href)).Content.ReadAsStringAsync();
        Assert.Contains("\"Black, Black British, Caribbean or African: African\",2.6,\"ONS Census 2021, Leeds\",2021,fewer than 5,too few to say,", csv, StringComparison.Ordinal);
        Assert.Contains("rounded to the nearest 5", csv, StringComparison.Ordinal);

        // A manager sees their own organisation, not another's, and cannot enter the city's figures.
        var manager = await app.AsManagerOfAsync(harehills);
        Assert.Contains("Harehills Lane Care", (await manager.GetPageAsync("/insight/reflecting")).Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insight/reflecting?Input.Organisation={Guid.Empty}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insight/reflecting?handler=Csv&Input.Organisation={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/insight/references")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/insight/reflecting?Input.Organisation={harehills}")).StatusCode);
    }

    private async Task<Guid> StaffAsync()
    {
        var people = new List<string>();
        for (var i = 0; i < 6; i++)
            people.Add((await app.CreateUserAsync($"reflecting.{i}.{Guid.NewGuid():N}@example.com", SignIn.Password)).Id);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var since = DateTime.UtcNow.AddMonths(-3);
        var harehills = Organisation.Create("Harehills Lane Care", OrganisationType.CareProvider, null, "LS8 3AB", since);
        db.Add(harehills);
        for (var i = 0; i < people.Count; i++)
        {
            db.Add(Membership.Start(harehills.Id, people[i], MembershipRole.Staff, since, "care-worker"));
            var answers = EqualityAnswers.For(people[i]);
            answers.Change(new Dictionary<string, string?> { ["ethnicity"] = i == 0 ? "black-african" : "white-british" }, since);
            db.Add(answers);
        }
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<InsightRollupJob>().RunAsync(full: true, CancellationToken.None);
        return harehills.Id;
    }
}
