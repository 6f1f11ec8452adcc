using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// "Your data" through the pages: the summary, the JSON download (from it and from Identity's own
/// button), deleting an account, and who opened a person's record.
/// </summary>
public sealed class PersonalDataPageTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task APersonReadsTheirDataAndTakesItAwayAsJsonThatNoCacheKeeps()
    {
        var (browser, id, email) = await SignedInAsync();
        await app.CompletedAsync(id, "fire-safety", DateTime.UtcNow.AddDays(-3));

        var profile = await browser.GetPageAsync("/profile");
        var page = await browser.GetPageAsync(profile.QuerySelector<IHtmlAnchorElement>("main a[href='/profile/data']")!.Href);
        Assert.Equal("Your data", page.Text("h1"));
        Assert.Contains("fire-safety: passed", page.Source.Text, StringComparison.Ordinal);
        Assert.Contains("No recruiter, manager or navigator has opened your profile, training record or plan.", page.Source.Text, StringComparison.Ordinal);
        // The browser reading the page is one of the devices signed in.
        Assert.Contains("Signed in on 1 device:", page.Source.Text, StringComparison.Ordinal);
        Assert.Contains("Passkeys: none", page.Source.Text, StringComparison.Ordinal);

        var link = page.QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent.StartsWith("Download it all", StringComparison.Ordinal));
        Assert.Equal("/profile/data/json", new Uri(link.Href).AbsolutePath);
        var download = await browser.GetAsync(link.Href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal(email, json.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("fire-safety", json.RootElement.GetProperty("training").GetProperty("completions")[0].GetProperty("module").GetString());
        Assert.Equal(1, await CountAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.PersonalDataExported && e.SubjectId == id)));
    }

    [Fact]
    public async Task IdentitysDownloadButtonGivesTheWholeRecordNotSixFields()
    {
        var (browser, id, _) = await SignedInAsync();
        await app.CompletedAsync(id, "fire-safety", DateTime.UtcNow.AddDays(-3));

        var page = await browser.GetPageAsync("/Identity/Account/Manage/PersonalData");
        var download = await browser.SubmitAsync(page, new Dictionary<string, string>(), "form#download-data");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal(1, json.RootElement.GetProperty("training").GetProperty("completions").GetArrayLength());
        Assert.True(json.RootElement.TryGetProperty("applications", out _));
    }

    [Fact]
    public async Task DeletingTheAccountRemovesEveryRowIncludingMatches()
    {
        var (browser, id, email) = await SignedInAsync();
        await app.CompletedAsync(id, "fire-safety", DateTime.UtcNow.AddDays(-3));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Add(new MatchPerson { UserId = id, Findable = true, Cutoff = -1, ContentVersion = "v1", ComputedAtUtc = DateTime.UtcNow });
            db.Add(new JobMatch { UserId = id, VacancyId = Guid.NewGuid(), Score = 0.7f, ForPerson = true, ComputedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var page = await browser.GetPageAsync("/Identity/Account/Manage/DeletePersonalData");
        var deleted = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = SignIn.Password }, "form#delete-user");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.Users.CountAsync(u => u.Id == id || u.Email == email)));
        Assert.Equal(0, await CountAsync(db => db.Set<JobMatch>().CountAsync(m => m.UserId == id)));
        Assert.Equal(0, await CountAsync(db => db.Set<MatchPerson>().CountAsync(m => m.UserId == id)));
        Assert.Equal(0, await CountAsync(db => db.Set<Completion>().CountAsync(c => c.UserId == id)));
        Assert.Equal(1, await CountAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.PersonalDataErased && e.SubjectId == id)));
    }

    [Fact]
    public async Task APersonSeesWhichManagerInWhichOrganisationOpenedTheirRecord()
    {
        var (staff, staffId, _) = await SignedInAsync();
        long membership;
        string organisationName;
        HttpClient manager;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
            organisationName = $"Headingley Homecare {Guid.NewGuid():N}"[..36];
            var organisation = (await organisations.CreateAsync(organisationName, OrganisationType.CareProvider, null, "LS6 1AA")).Value!;
            var managerEmail = $"manager.{Guid.NewGuid():N}@example.com";
            var managerUser = await app.CreateUserAsync(managerEmail, SignIn.Password);
            await app.WithUsersAsync(async users =>
            {
                var tracked = (await users.FindByIdAsync(managerUser.Id))!;
                tracked.DisplayName = "Morgan Manager";
                return await users.UpdateAsync(tracked);
            });
            Assert.True((await organisations.AddMemberAsync(organisation.Id, managerEmail, MembershipRole.Manager)).IsDone);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = Membership.Start(organisation.Id, staffId, MembershipRole.Staff, DateTime.UtcNow.AddDays(-30), "care-worker");
            db.Add(row);
            await db.SaveChangesAsync();
            membership = row.Id;
            manager = app.CreateBrowser();
            await app.SignInWithTwoFactorAsync(manager, managerEmail);
        }

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/manage/staff/{membership}")).StatusCode);

        var page = await staff.GetPageAsync("/profile/data");
        var line = Assert.Single(page.QuerySelectorAll("#opened + ul li")).TextContent;
        Assert.Contains($"Morgan Manager at {organisationName} opened your training record", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInsLockoutsTwoFactorChangesAndRefusedPagesAreOnRecordAndAnAdminCanFindThem()
    {
        var email = $"audit.{Guid.NewGuid():N}@example.com";
        var id = (await app.CreateUserAsync(email, SignIn.Password)).Id;
        for (var i = 0; i < 5; i++)
            await SignIn.PostSignInAsync(app.CreateBrowser(), email, "not the password at all");
        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(id))!;
            await users.SetLockoutEndDateAsync(user, null);
            return await users.SetTwoFactorEnabledAsync(user, true);
        });
        await app.WithUsersAsync(async users => await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(id))!, false));
        var nobody = $"nobody.{Guid.NewGuid():N}@example.com";
        await SignIn.PostSignInAsync(app.CreateBrowser(), nobody, "not the password at all");
        var learner = await app.AsNewUserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/learn/certificates/999999999")).StatusCode);

        var actions = await CountAsync(db => db.AuditEvents.Where(e => e.SubjectId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(
            [AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.AccountLockedOut, AuditAction.TwoFactorTurnedOn, AuditAction.TwoFactorTurnedOff],
            actions);
        var refused = await CountAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.AccessRefused).OrderByDescending(e => e.Id).Take(2).Select(e => e.Details).ToListAsync());
        Assert.Equal(["404 on GET /learn/certificates/999999999", "403 on GET /admin"], refused);
        Assert.DoesNotContain(nobody, await CountAsync(db => db.AuditEvents.Select(e => e.SubjectId + " " + e.Details).ToListAsync()), StringComparer.OrdinalIgnoreCase);

        var admin = await app.AsAdminWithTwoFactorAsync();
        var home = await admin.GetPageAsync("/admin");
        var search = await admin.GetPageAsync(home.QuerySelector<IHtmlAnchorElement>("main a[href='/admin/audit']")!.Href);
        Assert.NotNull(search.QuerySelector("main form[method=get] select[name='Input.Action']"));
        var results = await admin.GetPageAsync($"{search.Url}?Input.Person={Uri.EscapeDataString(email)}&Input.Action={nameof(AuditAction.AccountLockedOut)}");
        var row = Assert.Single(results.QuerySelectorAll("tbody tr"));
        Assert.Contains("AccountLockedOut", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("after a wrong password", row.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// A passkey is a way into the account, like an authenticator: adding and removing one are on
    /// record, but the counter update at each passkey sign-in is not (it would bury the rest).
    /// </summary>
    [Fact]
    public async Task AddingAndRemovingAPasskeyAreOnRecordButSigningInWithItIsNotAnAddition()
    {
        var id = (await app.CreateUserAsync($"passkey.{Guid.NewGuid():N}@example.com", SignIn.Password)).Id;
        var credential = Guid.NewGuid().ToByteArray();
        UserPasskeyInfo Passkey(uint count) => new(credential, [1, 2, 3], DateTimeOffset.UtcNow, count, ["internal"], true, true, true, [4], [5]) { Name = "Sam's phone" };

        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(id))!;
            Assert.True((await users.AddOrUpdatePasskeyAsync(user, Passkey(0))).Succeeded);
            Assert.True((await users.AddOrUpdatePasskeyAsync(user, Passkey(1))).Succeeded);
            return (await users.RemovePasskeyAsync(user, credential)).Succeeded;
        });

        var events = await CountAsync(db => db.AuditEvents.Where(e => e.SubjectId == id).OrderBy(e => e.Id).Select(e => new { e.Action, e.Details }).ToListAsync());
        Assert.Equal([(AuditAction.PasskeyAdded, "Sam's phone"), (AuditAction.PasskeyRemoved, "Sam's phone")], events.Select(e => (e.Action, e.Details)));
    }

    private async Task<(HttpClient Browser, string Id, string Email)> SignedInAsync()
    {
        var email = $"data.{Guid.NewGuid():N}@example.com";
        var id = (await app.CreateUserAsync(email, SignIn.Password)).Id;
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        return (browser, id, email);
    }

    private async Task<T> CountAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
