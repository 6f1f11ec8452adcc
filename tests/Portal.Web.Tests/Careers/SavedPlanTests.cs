using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Careers;

/// <summary>Saving a route plan and finding it, with its next step, on the signed-in home page.</summary>
public sealed class SavedPlanTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private const string PlanUrl = "/careers/plan?From=new-to-care&To=enhanced-care-worker";

    private async Task<int> SavedPlansAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<SavedPlan>().CountAsync();
    }

    [Fact]
    public async Task SignedOutVisitorsAreAskedToSignInToSave()
    {
        var page = await app.CreateBrowser().GetPageAsync(PlanUrl);

        Assert.Empty(page.QuerySelectorAll("form[method=post]"));
        Assert.Contains("Sign in to save this plan", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASavedPlanShowsItsNextStepOnTheHomePageAndTrainingDoneDropsOff()
    {
        var browser = await app.AsNewUserAsync();
        var before = await browser.GetPageAsync("/");
        Assert.Contains("Plan your route", before.Text("#plan-heading + p"), StringComparison.Ordinal);

        var saved = await browser.SubmitAsync(await browser.GetPageAsync(PlanUrl), new Dictionary<string, string>(), "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/", saved.Headers.Location!.OriginalString);

        var home = await browser.GetPageAsync("/");
        Assert.Contains("Your plan is saved", home.Text(".alert"), StringComparison.Ordinal);
        var panel = home.QuerySelector("[aria-labelledby=plan-heading]")!;
        Assert.Contains("From New to care to Enhanced care worker", panel.TextContent, StringComparison.Ordinal);
        Assert.Contains("Next step: Care worker", panel.TextContent, StringComparison.Ordinal);
        Assert.Contains("/learn/duty-of-care", panel.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("This is your saved plan", (await browser.GetPageAsync(PlanUrl)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingAgainReplacesThePlan()
    {
        var browser = await app.AsNewUserAsync();
        var countBefore = await SavedPlansAsync();

        await browser.SubmitAsync(await browser.GetPageAsync(PlanUrl), new Dictionary<string, string>(), "main form[method=post]");
        await browser.SubmitAsync(await browser.GetPageAsync("/careers/plan?From=new-to-care&To=registered-nurse"), new Dictionary<string, string>(), "main form[method=post]");

        Assert.Equal(countBefore + 1, await SavedPlansAsync());
        Assert.Contains("to Registered nurse", (await browser.GetPageAsync("/")).Text("[aria-labelledby=plan-heading]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedPlanIsRefusedAndNothingIsSaved()
    {
        var browser = await app.AsNewUserAsync();
        var page = await browser.GetPageAsync(PlanUrl);
        var token = page.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var countBefore = await SavedPlansAsync();

        var response = await browser.PostAsync("/careers/plan?From=new-to-care&To=astronaut&handler=Save",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(countBefore, await SavedPlansAsync());
    }
}
