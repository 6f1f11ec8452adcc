using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Navigation;

/// <summary>One open case per person is the database's rule, not only the service's check.</summary>
public sealed class OneOpenCaseTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task TwoRequestsAtOnceOpenOneCaseAndTheOtherIsToldTheyHaveAlreadyAsked()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, $"Lincoln Green Hub {Guid.NewGuid():N}"[..26]);
        var person = await app.PersonAsync("Shannon Pickles");
        var form = await person.Browser.GetPageAsync("/help-finding-work");
        var fields = new Dictionary<string, string>
        {
            ["Input.Hub"] = hub.Id.ToString(), ["Input.HelpWith"] = "Any care job near Lincoln Green", ["Input.ContactBy"] = "Email", ["Input.Consent"] = "true",
        };

        // The same form sent twice at once, as a double tap on a slow phone does.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => person.Browser.SubmitAsync(form, fields)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("You have already asked for help", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(1, await db.Set<NavigationCase>().CountAsync(c => c.UserId == person.Id));
        // And the database itself refuses a second open case, whoever writes it.
        db.Add(NavigationCase.Start(hub.Id, person.Id, true, "A second request", ContactPreference.Email, null, null, DateTime.UtcNow));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task AClosedCaseLeavesRoomForANewRequest()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, $"Harehills Hub {Guid.NewGuid():N}"[..22]);
        var person = await app.PersonAsync("Kyle Broadbent");
        var id = await app.TakenAsync(hub, person);
        Assert.Equal(HttpStatusCode.Redirect, (await hub.Navigator.PostAsync($"/navigate/people/{id}?handler=Stage", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["stage"] = "Closed", ["__RequestVerificationToken"] = await hub.Navigator.TokenAsync(),
        }))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await person.AskAsync(hub.Id)).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var cases = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<NavigationCase>().Where(c => c.UserId == person.Id).Select(c => c.Stage).ToListAsync();
        Assert.Equal([CaseStage.New, CaseStage.Closed], cases.Order());
    }
}
