using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Organisations;

/// <summary>Invitations by email: the link joins that organisation in that role, once, for that address only.</summary>
public sealed partial class InvitationTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [GeneratedRegex(@"https?://[^\s]+/invitations/[0-9a-f]+")]
    private static partial Regex InvitationLink();

    private static async Task<Guid> NewOrganisationAsync(HttpClient admin, string name)
    {
        var created = await admin.AddOrganisationAsync(name, "Charity", "LS7");
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private async Task<string> InviteLinkAsync(string email)
    {
        await app.DeliverMailAsync();
        var mail = Assert.Single(app.MailTo(email), m => (m.TextBody ?? "").Contains("/invitations/", StringComparison.Ordinal));
        return new Uri(InvitationLink().Match(mail.TextBody!).Value).PathAndQuery;
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        await SignIn.PostSignInAsync(browser, email, SignIn.Password);
        return browser;
    }

    [Fact]
    public async Task AnInvitedPersonJoinsTheOrganisationOnceAndOthersCannotUseTheLink()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var name = $"Chapeltown Care {Guid.NewGuid():N}";
        var organisation = await NewOrganisationAsync(admin, name);
        var email = $"new.recruiter.{Guid.NewGuid():N}@example.com";
        var invited = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/organisations/{organisation}"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Recruiter" }, submitButton: "button[formaction*=Invite]");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var link = await InviteLinkAsync(email);

        // Someone else, signed in, cannot use it.
        var other = await SignedInAsync($"other.{Guid.NewGuid():N}@example.com");
        var refused = await other.GetPageAsync(link);
        Assert.Contains("sent to another email address", refused.Text(".alert"), StringComparison.Ordinal);
        Assert.Empty(refused.QuerySelectorAll("main form[method=post]"));

        var person = await SignedInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/recruit")).StatusCode);
        var accepted = await person.SubmitAsync(await person.GetPageAsync(link), new Dictionary<string, string>());
        Assert.Equal("/recruit", accepted.Headers.Location!.OriginalString);
        // The new role works at once (the sign-in cookie was refreshed): recruiting asks for the second step, not a 403.
        Assert.StartsWith("/Identity/Account/StepUp", (await person.GetAsync("/recruit")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var withSecondStep = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(withSecondStep, email);
        Assert.Contains(name, (await withSecondStep.GetPageAsync("/recruit")).Text("main"), StringComparison.Ordinal);

        Assert.Contains("already been used", (await person.GetPageAsync(link)).Text(".alert"), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Membership>().CountAsync(m => m.OrganisationId == organisation));
    }

    [Fact]
    public async Task SomeoneElseOpeningTheLinkIsNotShownTheInvitedAddress()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var organisation = await NewOrganisationAsync(admin, $"Harehills Care {Guid.NewGuid():N}");
        var email = $"invited.person.{Guid.NewGuid():N}@example.com";
        await admin.SubmitAsync(await admin.GetPageAsync($"/admin/organisations/{organisation}"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Manager" }, submitButton: "button[formaction*=Invite]");
        var link = await InviteLinkAsync(email);

        var other = await SignedInAsync($"other.{Guid.NewGuid():N}@example.com");
        var opened = await other.GetAsync(link);
        var refused = await other.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await Forms.ParseAsync(await other.GetAsync("/Identity/Account/Manage/ChangePassword"))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));

        var page = await opened.Content.ReadAsStringAsync();
        Assert.Contains("sent to another email address", page, StringComparison.Ordinal);
        Assert.DoesNotContain(email, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARecruiterInvitesColleaguesToTheirOwnOrganisationOnly()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var own = await NewOrganisationAsync(admin, $"Own Care {Guid.NewGuid():N}");
        var foreign = await NewOrganisationAsync(admin, $"Foreign Care {Guid.NewGuid():N}");
        var recruiterEmail = $"recruiter.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(recruiterEmail, SignIn.Password);
        await admin.SubmitAsync(await admin.GetPageAsync($"/admin/organisations/{own}"), new Dictionary<string, string> { ["Input.Email"] = recruiterEmail, ["Input.Role"] = "Recruiter" });
        var recruiter = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(recruiter, recruiterEmail);
        var colleague = $"colleague.{Guid.NewGuid():N}@example.com";
        var stranger = $"stranger.{Guid.NewGuid():N}@example.com";

        var sent = await recruiter.SubmitAsync(await recruiter.GetPageAsync("/recruit"), new Dictionary<string, string> { ["InviteTo"] = own.ToString(), ["InviteEmail"] = colleague });
        var refused = await recruiter.SubmitAsync(await recruiter.GetPageAsync("/recruit"), new Dictionary<string, string> { ["InviteTo"] = foreign.ToString(), ["InviteEmail"] = stranger });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.NotNull(await InviteLinkAsync(colleague));
        Assert.Contains("That organisation was not found", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        await app.DeliverMailAsync();
        Assert.Empty(app.MailTo(stranger));
    }

    [Fact]
    public async Task AManagerInvitesStaffToAJobAndSeesOnlyTheirOwnStaff()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var organisation = await NewOrganisationAsync(admin, $"Meanwood Care {Guid.NewGuid():N}");
        var managerEmail = $"manager.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(managerEmail, SignIn.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetPageAsync($"/admin/organisations/{organisation}"),
            new Dictionary<string, string> { ["Input.Email"] = managerEmail, ["Input.Role"] = "Manager" })).StatusCode);
        var manager = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(manager, managerEmail);
        var otherOrganisation = await NewOrganisationAsync(admin, $"Moortown Care {Guid.NewGuid():N}");
        var otherEmail = $"manager.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(otherEmail, SignIn.Password);
        await admin.SubmitAsync(await admin.GetPageAsync($"/admin/organisations/{otherOrganisation}"), new Dictionary<string, string> { ["Input.Email"] = otherEmail, ["Input.Role"] = "Manager" });
        var otherManager = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(otherManager, otherEmail);

        // A job that is not on the list is refused and nothing is sent.
        var staffEmail = $"staff.{Guid.NewGuid():N}@example.com";
        var refused = await manager.SubmitAsync(await manager.GetPageAsync("/manage"), new Dictionary<string, string> { ["InviteTo"] = organisation.ToString(), ["InviteEmail"] = staffEmail, ["JobRole"] = "astronaut" });
        Assert.Contains("Choose their job from the list", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        await app.DeliverMailAsync();
        Assert.Empty(app.MailTo(staffEmail));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(await manager.GetPageAsync("/manage"),
            new Dictionary<string, string> { ["InviteTo"] = organisation.ToString(), ["InviteEmail"] = staffEmail, ["JobRole"] = "enhanced-care-worker" })).StatusCode);
        var link = await InviteLinkAsync(staffEmail);
        var staff = await SignedInAsync(staffEmail);
        Assert.Contains("on its staff", (await staff.GetPageAsync(link)).Text("main"), StringComparison.Ordinal);
        var accepted = await staff.SubmitAsync(await staff.GetPageAsync(link), new Dictionary<string, string>());
        Assert.Equal("/learn/record", accepted.Headers.Location!.OriginalString);

        var row = (await manager.GetPageAsync("/manage")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Enhanced care worker", StringComparison.Ordinal));
        Assert.Contains("Sam Taylor", row.TextContent, StringComparison.Ordinal);
        Assert.Empty((await otherManager.GetPageAsync("/manage")).QuerySelectorAll("tbody tr"));
        // Staff get no recruiter or manager pages.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/manage")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var membership = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Membership>()
            .SingleAsync(m => m.OrganisationId == organisation && m.Role == MembershipRole.Staff);
        Assert.Equal("enhanced-care-worker", membership.JobRole);
    }
}
