using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Web.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Talent;

/// <summary>What a new visitor to a fresh Development install finds in the talent hub: jobs, a pipeline, people who fit.</summary>
public sealed partial class DemoTalentTests(DemoTalentTests.Factory app) : IClassFixture<DemoTalentTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override string EnvironmentName => "Development";
    }

    [Fact]
    public async Task AFreshDemoHasOpenJobsAtSeveralEmployersAcrossLeedsPayingAtLeastTheLegalFloor()
    {
        var page = await app.CreateBrowser().GetPageAsync("/jobs");

        var cards = page.QuerySelectorAll(".role-card").Select(c => c.TextContent).ToList();
        Assert.True(cards.Count >= 12, $"{cards.Count} jobs");
        var places = cards.Select(c => Place().Match(c)).ToList();
        Assert.True(places.Select(p => p.Groups["employer"].Value).Distinct().Count() >= 5);
        Assert.True(places.Select(p => p.Groups["district"].Value).Distinct().Count() >= 8);
        Assert.All(places, p => Assert.Matches("^LS[0-9]{1,2}$", p.Groups["district"].Value));
        Assert.All(cards, c => Assert.True(decimal.Parse(Pay().Match(c).Groups["pay"].Value, CultureInfo.InvariantCulture) >= 12.71m, c));
    }

    [Fact]
    public async Task TheDemoRecruitersJobHasAnApplicationAtEveryStageAndPeopleWhoFit()
    {
        var recruiter = app.CreateBrowser();
        await SignIn.PostSignInAsync(recruiter, "recruiter@demo.portal.test", DemoAccounts.Password, DemoAuthenticator.Key);
        Guid vacancy;
        await using (var scope = app.Services.CreateAsyncScope())
            vacancy = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Vacancy>().Where(v => v.Details.Title == DemoTalent.PipelineTitle).Select(v => v.Id).SingleAsync();

        var applications = await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/applications");
        var statuses = applications.QuerySelectorAll(".record-item strong").Select(s => s.TextContent).ToHashSet();
        Assert.Superset(Enum.GetNames<ApplicationStatus>().ToHashSet(), statuses);

        var people = await recruiter.GetPageAsync($"/recruit/vacancies/{vacancy}/people");
        Assert.Contains("Harry Wood", people.Text("main"), StringComparison.Ordinal);
        // Applicants are followed on the applications page, not offered again as fits.
        Assert.DoesNotContain(DemoTalent.OfferedName, people.Text("main"), StringComparison.Ordinal);

        var person = app.CreateBrowser();
        await SignIn.PostSignInAsync(person, "harry.wood@demo.portal.test", DemoAccounts.Password);
        Assert.Contains(DemoTalent.PipelineTitle, (await person.GetPageAsync("/profile/matches")).Text("main"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\n\s*(?<employer>[^,\n]+), (?<district>LS[0-9]+)")]
    private static partial Regex Place();

    [GeneratedRegex(@"£(?<pay>[0-9]+\.[0-9]{2}) an hour")]
    private static partial Regex Pay();
}
