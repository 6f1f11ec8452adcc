using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Admin;

/// <summary>An admin finds a person and looks after their account with real forms; each action is on the person's page with who did it.</summary>
public sealed partial class PeoplePageTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task AnAdminFindsAPersonDisablesThemSoTheyCannotSignInAndEnablesThemAgainWithBothOnRecord()
    {
        var (id, email) = await PersonAsync("Olu Adebayo");
        var admin = await app.AsAdminWithTwoFactorAsync();

        var home = await admin.GetPageAsync("/admin");
        var search = await admin.GetPageAsync(home.QuerySelector<IHtmlAnchorElement>("main a[href='/admin/people']")!.Href);
        var found = await admin.GetPageAsync(new Uri(new Uri(search.Url), $"?Input.Q={Uri.EscapeDataString(email.ToUpperInvariant()[..12])}").ToString());
        var page = await admin.GetPageAsync(found.QuerySelector<IHtmlAnchorElement>($"main a[href='/admin/people/{id}']")!.Href);
        Assert.Equal("Olu Adebayo", page.Text("h1"));
        Assert.Contains("Email address: confirmed", page.Source.Text, StringComparison.Ordinal);
        Assert.Contains("Two-step sign-in (authenticator app): off", page.Source.Text, StringComparison.Ordinal);
        Assert.Contains("Signing in: allowed", page.Source.Text, StringComparison.Ordinal);

        var disabled = await PressAsync(admin, page, "Disable");
        Assert.Equal("Disabled: they cannot sign in until the account is enabled again.", disabled.Text("[role=status]:not([hidden])"));
        Assert.Contains("Signing in: disabled by an admin", disabled.Source.Text, StringComparison.Ordinal);
        var refused = await SignIn.PostSignInAsync(app.CreateBrowser(), email, SignIn.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("We could not sign you in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enabled = await PressAsync(admin, disabled, "Enable");
        Assert.Contains("Signing in: allowed", enabled.Source.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(app.CreateBrowser(), email, SignIn.Password)).StatusCode);
        var history = enabled.QuerySelectorAll("h2 + ul li").Select(li => li.TextContent).Where(t => t.Contains(" by ", StringComparison.Ordinal)).ToList();
        Assert.Collection(history,
            line => Assert.Matches(@"^\d{1,2} \w+ \d{4} at \d\d:\d\d: Enabled by Sam Taylor", line),
            line => Assert.Matches(@"^\d{1,2} \w+ \d{4} at \d\d:\d\d: Disabled by Sam Taylor", line));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal([AuditAction.AccountDisabled, AuditAction.AccountEnabled],
            await db.AuditEvents.Where(e => e.SubjectKind == AuditSubject.Account && e.SubjectId == id && e.ActorUserId != id && e.ActorUserId != null).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task ALockedOutPersonIsUnlockedAndCanSignInAtOnce()
    {
        var (id, email) = await PersonAsync("Kasia Nowak");
        var browser = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
            await SignIn.PostSignInAsync(browser, email, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        var admin = await app.AsAdminWithTwoFactorAsync();

        var page = await admin.GetPageAsync($"/admin/people/{id}");
        Assert.Contains("Signing in: locked after failed attempts, until", page.Source.Text, StringComparison.Ordinal);
        var unlocked = await PressAsync(admin, page, "Unlock");

        Assert.Equal("Unlocked: they can sign in again.", unlocked.Text("[role=status]:not([hidden])"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(app.CreateBrowser(), email, SignIn.Password)).StatusCode);
    }

    [Fact]
    public async Task EndingAMembershipKeepsItWithItsEndDateAndAnotherPersonsMembershipIsNotFound()
    {
        var (id, _) = await PersonAsync("Dev Patel");
        var (otherId, _) = await PersonAsync("Someone Else");
        var (organisation, membership) = await MemberAsync(id);
        var (_, othersMembership) = await MemberAsync(otherId);
        var admin = await app.AsAdminWithTwoFactorAsync();

        var page = await admin.GetPageAsync($"/admin/people/{id}");
        // Another person's membership id posted on this person's page changes nothing.
        var form = page.QuerySelector<IHtmlFormElement>("form[action*='RemoveMembership']")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var tampered = await admin.PostAsync(new Uri(new Uri(page.Url), form.GetAttribute("action")), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.MembershipId", othersMembership.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);

        var response = await admin.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='RemoveMembership']");
        var after = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"{organisation}: recruiter", after.Source.Text, StringComparison.Ordinal);
        Assert.Contains(", ended ", after.Source.Text, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("form[action*='RemoveMembership']"));
        Assert.Contains($"Membership ended (recruiter at {organisation}) by Sam Taylor", after.Source.Text, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.Set<Membership>().AnyAsync(m => m.Id == othersMembership && m.EndedAtUtc == null));
    }

    [Fact]
    public async Task AnInvitationSentAgainHasANewLinkAndTheOldOneNoLongerWorks()
    {
        var (id, email) = await PersonAsync("Grace Mensah");
        var admin = await app.AsAdminWithTwoFactorAsync();
        var organisation = $"Invite Again Care {Guid.NewGuid():N}";
        var created = await admin.AddOrganisationAsync(organisation);
        var organisationPage = await admin.GetPageAsync(created.Headers.Location!.OriginalString);
        await admin.SubmitAsync(organisationPage, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Manager" }, submitButton: "button[formaction*='Invite']");
        await app.DeliverMailAsync();
        var first = InvitationLink().Match(Assert.Single(app.MailTo(email)).TextBody!).Value;

        var page = await admin.GetPageAsync($"/admin/people/{id}");
        Assert.Contains($"{organisation}: manager, expires", page.Source.Text, StringComparison.Ordinal);
        var response = await admin.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='ResendInvitation']");
        var after = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("The invitation is on its way again, with a new link that works for a week.", after.Text("[role=status]:not([hidden])"));
        Assert.Contains($"Invitation sent again (manager at {organisation}) by Sam Taylor", after.Source.Text, StringComparison.Ordinal);

        await app.DeliverMailAsync();
        var again = app.MailTo(email).Select(m => InvitationLink().Match(m.TextBody!).Value).ToList();
        Assert.Equal(2, again.Count);
        var second = Assert.Single(again, link => link != first);
        var person = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(person, email, SignIn.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync(new Uri(first).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(new Uri(second).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task PeoplePagesAreForAdminsOnly()
    {
        var (id, _) = await PersonAsync("Not For You");
        var manager = await app.AsNewUserAsync(PortalRoles.Manager);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/people?Input.Q=a")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/admin/people/{id}")).StatusCode);
        var admin = await app.AsAdminWithTwoFactorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/people/{Guid.NewGuid()}")).StatusCode);
    }

    private async Task<(string Id, string Email)> PersonAsync(string name)
    {
        var email = $"person.{Guid.NewGuid():N}@example.com";
        var id = (await app.CreateUserAsync(email, SignIn.Password)).Id;
        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(id))!;
            user.DisplayName = name;
            return await users.UpdateAsync(user);
        });
        return (id, email);
    }

    private async Task<(string Organisation, long Membership)> MemberAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var organisation = Organisation.Create($"Member Care {Guid.NewGuid():N}", OrganisationType.CareProvider, null, "LS6 1AA", DateTime.UtcNow);
        db.Add(organisation);
        var membership = Membership.Start(organisation.Id, userId, MembershipRole.Recruiter, DateTime.UtcNow);
        db.Add(membership);
        await db.SaveChangesAsync();
        return (organisation.Name, membership.Id);
    }

    /// <summary>Presses one of the account buttons and follows the redirect back to the person's page.</summary>
    private static async Task<IDocument> PressAsync(HttpClient admin, IDocument page, string handler)
    {
        var response = await admin.SubmitAsync(page, new Dictionary<string, string>(), $"form:has(button[formaction*='{handler}'])", $"button[formaction*='{handler}']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await admin.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex(@"https?://\S+/invitations/[0-9a-f]+")]
    private static partial Regex InvitationLink();
}
