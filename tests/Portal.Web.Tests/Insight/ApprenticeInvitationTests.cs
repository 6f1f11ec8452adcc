using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Organisations;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Insight;

/// <summary>
/// From a manager's invitation to the retention figures: Kirkstall Care invites two care workers,
/// one of them on an apprenticeship; once both accept, the rollup counts two in post and one
/// apprentice. Its own app, so no other test's apprentices are in the count.
/// </summary>
public sealed partial class ApprenticeInvitationTests(ApprenticeInvitationTests.Factory app) : IClassFixture<ApprenticeInvitationTests.Factory>
{
    public sealed class Factory : PortalWebFactory;

    [GeneratedRegex(@"https?://[^\s]+/invitations/[0-9a-f]+")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task AManagerInvitesSomeoneAsAnApprenticeAndOnceTheyAcceptTheRollupCountsThemAsOne()
    {
        Guid kirkstall;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var organisation = Organisation.Create("Kirkstall Care", OrganisationType.CareProvider, null, "LS5 3AA", DateTime.UtcNow.AddYears(-1));
            db.Add(organisation);
            await db.SaveChangesAsync();
            kirkstall = organisation.Id;
        }
        var managerEmail = $"manager.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(managerEmail, SignIn.Password);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<OrganisationService>().AddMemberAsync(kirkstall, managerEmail, MembershipRole.Manager)).IsDone);
        var manager = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(manager, managerEmail);

        var form = await manager.GetPageAsync("/manage");
        Assert.Equal("On an apprenticeship in this job", form.Text("label[for=apprentice]"));
        var apprenticeEmail = $"apprentice.{Guid.NewGuid():N}@example.com";
        var colleagueEmail = $"colleague.{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(form,
            new Dictionary<string, string> { ["InviteTo"] = kirkstall.ToString(), ["InviteEmail"] = apprenticeEmail, ["JobRole"] = "care-worker", ["Apprentice"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(await manager.GetPageAsync("/manage"),
            new Dictionary<string, string> { ["InviteTo"] = kirkstall.ToString(), ["InviteEmail"] = colleagueEmail, ["JobRole"] = "care-worker" })).StatusCode);
        await app.DeliverMailAsync();
        foreach (var email in new[] { apprenticeEmail, colleagueEmail })
        {
            var mail = Assert.Single(app.MailTo(email), m => (m.TextBody ?? "").Contains("/invitations/", StringComparison.Ordinal));
            var link = new Uri(InvitationLink().Match(mail.TextBody!).Value).PathAndQuery;
            await app.CreateUserAsync(email, SignIn.Password);
            var staff = app.CreateBrowser();
            await SignIn.PostSignInAsync(staff, email, SignIn.Password);
            Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(await staff.GetPageAsync(link), new Dictionary<string, string>())).StatusCode);
        }

        // The new starter's page shows the apprenticeship ticked, as if the manager had ticked it there.
        long apprenticeMembership;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var apprenticeId = (await db.Users.SingleAsync(u => u.Email == apprenticeEmail)).Id;
            apprenticeMembership = (await db.Set<Membership>().SingleAsync(m => m.UserId == apprenticeId && m.OrganisationId == kirkstall)).Id;
        }
        var page = await manager.GetPageAsync($"/manage/staff/{apprenticeMembership}");
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input#apprentice")!.IsChecked);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InsightRollupJob>().RunAsync(full: true, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var thisMonth = Portal.Domain.Insight.MonthRange.MonthOf(UkTime.Today(DateTime.UtcNow));
            var figures = await db.Set<RetentionFigure>().AsNoTracking()
                .Where(f => f.OrganisationId == kirkstall && f.Month == thisMonth && f.Dimension == InsightFigure.All)
                .ToDictionaryAsync(f => f.Figure, f => f.Count);
            Assert.Equal(2, figures[RetentionRollup.Headcount]);
            Assert.Equal(1, figures[RetentionRollup.Apprentices]);
        }
    }
}
