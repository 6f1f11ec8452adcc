using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Navigation;

/// <summary>A navigator adds someone they met: an invitation and nothing more, until that person consents.</summary>
public sealed partial class InvitedPersonTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [GeneratedRegex(@"https?://[^\s]+/help-finding-work/join/[0-9a-f]+")]
    private static partial Regex JoinLink();

    [Fact]
    public async Task SomeoneTheNavigatorMetJoinsTheirCaseloadOnlyOnceTheyConsent()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var hub = await app.HubAsync(admin, $"Hunslet Hub {Guid.NewGuid():N}"[..20]);
        var email = $"met.at.dropin.{Guid.NewGuid():N}@example.com";

        var sent = await hub.Navigator.SubmitAsync(await hub.Navigator.GetPageAsync("/navigate/add"),
            new Dictionary<string, string> { ["Input.Name"] = "Callum Brearley", ["Input.Email"] = email });

        Assert.Equal("/navigate", sent.Headers.Location!.OriginalString);
        Assert.Contains("Callum Brearley", (await hub.Navigator.GetPageAsync("/navigate")).Text(".invited"), StringComparison.Ordinal);
        await app.DeliverMailAsync();
        var link = new Uri(JoinLink().Match(Assert.Single(app.MailTo(email)).TextBody!).Value).PathAndQuery;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // Nothing but the invitation: no account, no case.
            Assert.False(await db.Users.AnyAsync(u => u.Email == email));
            Assert.Equal(1, await db.Set<HelpInvitation>().CountAsync(i => i.Email == email));
        }

        // Someone else's account cannot use the link.
        var other = await app.PersonAsync("Someone Else");
        Assert.Contains("sent to another email address", (await other.Browser.GetPageAsync(link)).Text(".alert"), StringComparison.Ordinal);

        var user = await app.CreateUserAsync(email, SignIn.Password);
        await app.NameAsync(email, "Callum Brearley");
        var person = app.CreateBrowser();
        await SignIn.PostSignInAsync(person, email, SignIn.Password);
        var page = await person.GetPageAsync(link);
        Assert.Contains("offered to help you", page.Text(".lead"), StringComparison.Ordinal);
        var refused = await person.SubmitAsync(page, new Dictionary<string, string> { ["Input.HelpWith"] = "Anything in a hospital", ["Input.ContactBy"] = "Email", ["Input.Consent"] = "no" });
        Assert.Contains("Tick the box", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Null(await app.CaseIdAsync(user.Id));

        var joined = await person.SubmitAsync(await person.GetPageAsync(link), new Dictionary<string, string> { ["Input.HelpWith"] = "Anything in a hospital", ["Input.ContactBy"] = "Email", ["Input.Consent"] = "true" });

        Assert.Equal("/my-plan", joined.Headers.Location!.OriginalString);
        var caseload = await hub.Navigator.GetPageAsync("/navigate");
        Assert.Contains("Callum Brearley: New", caseload.Text(".caseload"), StringComparison.Ordinal);
        Assert.Null(caseload.QuerySelector(".invited"));
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync(link)).StatusCode);
    }
}
