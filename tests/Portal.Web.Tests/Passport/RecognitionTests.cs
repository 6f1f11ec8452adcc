using System.Net;
using System.Net.Sockets;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Organisations;
using Portal.Domain.Passport;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Passport;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Passport;

/// <summary>
/// The employer's side of the passport across two real portals: this one ("home") and a second
/// portal process on a loopback port playing another issuer, whose keys, status list and share
/// links home fetches over HTTP. The trust list, /verify for a trusted issuer, a manager
/// recognising a new starter's credentials, the matrix counting them, and revocation after the check.
/// </summary>
public sealed class RecognitionTests(RecognitionTests.Portals portals) : IClassFixture<RecognitionTests.Portals>
{
    private const string OtherName = "Calder Valley Care Academy";

    /// <summary>Aligned to Care Certificate standard 12, which the equivalence table maps to our module of the same name.</summary>
    private const string LifeSupport = "basic-life-support-awareness";

    private const string DutyOfCare = "duty-of-care";

    public sealed class Home : PortalWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Passport:AllowLoopbackHttp"] = "true",
            ["Passport:KeySize"] = "2048",
        };
    }

    /// <summary>Another portal with its own database, keys and name, listening on a real loopback port.</summary>
    public sealed class Other : PortalWebFactory
    {
        public Other()
        {
            UseKestrel(Port);
        }

        public int Port { get; } = FreePort();

        public string Site => $"http://127.0.0.1:{Port}";

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Mail:SiteUrl"] = Site,
            ["Passport:IssuerName"] = OtherName,
            ["Passport:KeySize"] = "2048",
        };

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    public sealed class Portals : IAsyncLifetime
    {
        public Home Home { get; } = new();
        public Other Other { get; } = new();

        public Task InitializeAsync()
        {
            Other.StartServer();
            _ = Home.Services;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Other.DisposeAsync();
            await Home.DisposeAsync();
        }
    }

    private Home HomePortal => portals.Home;
    private Other OtherPortal => portals.Other;

    private sealed record Employer(Guid Id, HttpClient Manager, string ManagerId);

    private async Task<Employer> EmployerAsync(string name)
    {
        await using var scope = HomePortal.Services.CreateAsyncScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var organisation = (await organisations.CreateAsync($"{name} {Guid.NewGuid():N}"[..36], OrganisationType.CareProvider, null, "LS9 7TF")).Value!;
        var email = $"manager.{Guid.NewGuid():N}@example.com";
        var user = await HomePortal.CreateUserAsync(email, SignIn.Password);
        Assert.True((await organisations.AddMemberAsync(organisation.Id, email, MembershipRole.Manager)).IsDone);
        var browser = HomePortal.CreateBrowser();
        await HomePortal.SignInWithTwoFactorAsync(browser, email);
        return new Employer(organisation.Id, browser, user.Id);
    }

    private static async Task<long> StaffAsync(Home portal, Guid organisation, string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var membership = Membership.Start(organisation, userId, MembershipRole.Staff, DateTime.UtcNow.AddDays(-1), "care-worker", null, false);
        db.Add(membership);
        await db.SaveChangesAsync();
        return membership.Id;
    }

    /// <summary>A person who passed the module on the portal given, with their credential issued there; answers its id and text.</summary>
    private static async Task<(Guid Id, string Jws)> PassedAsync(PortalWebFactory portal, string userId, string module)
    {
        await portal.CompletedAsync(userId, module, DateTime.UtcNow.AddDays(-2));
        await using var scope = portal.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentStore>().Current;
        await scope.ServiceProvider.GetRequiredService<PassportService>().IssueDueAsync(userId, content);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var title = content.Modules[module].Title;
        var credential = await db.Set<PassportCredential>().AsNoTracking().SingleAsync(c => c.UserId == userId && c.AchievementName == title);
        return (credential.Id, credential.Jws);
    }

    private static async Task RevokeAsync(PortalWebFactory portal, Guid credential)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var admin = await portal.CreateUserAsync($"admin.{Guid.NewGuid():N}@example.com", SignIn.Password);
        Assert.True((await scope.ServiceProvider.GetRequiredService<PassportService>().RevokeAsync(admin.Id, isAdmin: true, credential, "Issued in error")).IsDone);
    }

    private async Task<(int Checked, int Revoked)> RunDailyCheckAsync()
    {
        await using var scope = HomePortal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecognitionCheckJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Puts the other portal on home's trust list through the admin page, unless it is there already.</summary>
    private async Task TrustOtherAsync()
    {
        await using (var scope = HomePortal.Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<TrustedIssuer>().AnyAsync(t => t.IssuerUrl == OtherPortal.Site + "/passport/issuer" && t.RemovedAtUtc == null))
                return;
        }
        var admin = await HomePortal.AsAdminWithTwoFactorAsync();
        var response = await AddIssuerAsync(admin, OtherPortal.Site + "/passport/issuer", OtherPortal.Site + "/passport/keys");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> AddIssuerAsync(HttpClient admin, string issuer, string keys) =>
        await admin.SubmitAsync(await admin.GetPageAsync("/admin/issuers"), new Dictionary<string, string>
        {
            ["Input.Name"] = OtherName,
            ["Input.IssuerUrl"] = issuer,
            ["Input.KeysUrl"] = keys,
        }, "form#add-issuer");

    private async Task<string> VerifyAsync(string jws)
    {
        var browser = HomePortal.CreateBrowser();
        var response = await browser.SubmitAsync(await browser.GetPageAsync("/verify"), new Dictionary<string, string> { ["Input.Jws"] = jws });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Forms.ParseAsync(response)).QuerySelector(".verify-result")?.TextContent ?? "(no result)";
    }

    private static async Task<IDocument> CheckPassportAsync(HttpClient manager, long membership, Dictionary<string, string> fields)
    {
        var page = await manager.GetPageAsync($"/manage/staff/{membership}/recognise");
        var response = await manager.SubmitAsync(page, fields, "form#recognise-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ParseAsync(response);
    }

    private static async Task ConfirmAsync(HttpClient manager, IDocument found)
    {
        var response = await manager.SubmitAsync(found, new Dictionary<string, string>(), "form[action*='handler=Confirm']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The text of the person's cell in the matrix column for the module.</summary>
    private static async Task<string> MatrixCellAsync(HttpClient manager, Guid organisation, string personName, string moduleTitle)
    {
        var page = await manager.GetPageAsync($"/manage/matrix?org={organisation}");
        var headers = page.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        var column = headers.FindIndex(h => h.StartsWith(moduleTitle, StringComparison.Ordinal));
        Assert.True(column >= 0, $"No column {moduleTitle} in: {string.Join(" | ", headers)}");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == personName);
        return row.Children[column].TextContent;
    }

    private string Title(string module) => HomePortal.Services.GetRequiredService<ContentStore>().Current.Modules[module].Title;

    [Fact]
    public async Task AnAdminTrustsTheOtherPortalAfterFetchingItsKeysAndVerifyThenChecksItsCredentialsAndItsStatusList()
    {
        var learner = await OtherPortal.CreateUserAsync($"kyra.{Guid.NewGuid():N}@example.com", SignIn.Password);
        var (id, jws) = await PassedAsync(OtherPortal, learner.Id, DutyOfCare);
        await using (var scope = HomePortal.Services.CreateAsyncScope())
        {
            // Start from a list without it, whatever ran before.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            foreach (var entry in await db.Set<TrustedIssuer>().Where(t => t.RemovedAtUtc == null).ToListAsync())
                entry.Remove("test", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        Assert.Contains("issuer is not on the trust list", await VerifyAsync(jws), StringComparison.Ordinal);

        var admin = await HomePortal.AsAdminWithTwoFactorAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AddIssuerAsync(admin, OtherPortal.Site + "/passport/issuer", OtherPortal.Site + "/passport/keys")).StatusCode);

        var list = await admin.GetPageAsync("/admin/issuers");
        var entries = list.QuerySelectorAll(".trusted-issuer").Select(e => e.TextContent).ToList();
        Assert.Contains("always trusted", entries[0], StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Contains(OtherName, StringComparison.Ordinal) && e.Contains("Active", StringComparison.Ordinal) && e.Contains(OtherPortal.Site + "/passport/keys", StringComparison.Ordinal));
        var valid = await VerifyAsync(jws);
        Assert.Contains("This credential is genuine and valid", valid, StringComparison.Ordinal);
        Assert.Contains($"signed by a key {OtherName} publishes", valid, StringComparison.Ordinal);

        // Revoked at the other portal: home reads the bit from its status list, over HTTP.
        await RevokeAsync(OtherPortal, id);
        Assert.Contains("This credential has been revoked", await VerifyAsync(jws), StringComparison.Ordinal);

        // Removed from the list (audited): no longer recognised.
        var remove = await admin.SubmitAsync(await admin.GetPageAsync("/admin/issuers"), new Dictionary<string, string>(), "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Contains("issuer is not on the trust list", await VerifyAsync(jws), StringComparison.Ordinal);
        await using (var scope = HomePortal.Services.CreateAsyncScope())
        {
            var actions = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEvents.Where(e => e.SubjectKind == AuditSubject.TrustedIssuer).Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditAction.TrustedIssuerAdded, actions);
            Assert.Contains(AuditAction.TrustedIssuerRemoved, actions);
        }
    }

    [Fact]
    public async Task AddingAnIssuerRefusesPlainHttpElsewhereAndKeysThatCannotBeFetched()
    {
        var admin = await HomePortal.AsAdminWithTwoFactorAsync();
        var before = await HomePortal.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<PortalDbContext>().Set<TrustedIssuer>().CountAsync();

        var http = await Forms.ParseAsync(await AddIssuerAsync(admin, "https://learning.example.org/passport/issuer", "http://learning.example.org/passport/keys"));
        Assert.Contains("Only https addresses are fetched", http.Text(".alert-danger"), StringComparison.Ordinal);
        // A port on this machine where nothing listens.
        var nothing = await Forms.ParseAsync(await AddIssuerAsync(admin, "https://learning.example.org/passport/issuer", $"http://127.0.0.1:{OtherPortal.Port}/passport/no-such-keys"));
        Assert.Contains("The public keys could not be fetched", nothing.Text(".alert-danger"), StringComparison.Ordinal);
        // A page that is not a key set.
        var notKeys = await Forms.ParseAsync(await AddIssuerAsync(admin, "https://learning.example.org/passport/issuer", $"{OtherPortal.Site}/passport/issuer"));
        Assert.Contains("did not answer with a key set", notKeys.Text(".alert-danger"), StringComparison.Ordinal);

        Assert.Equal(before, await HomePortal.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<PortalDbContext>().Set<TrustedIssuer>().CountAsync());
    }

    [Fact]
    public void AKeySetThatPublishesAPrivatePartIsRefused()
    {
        Assert.Contains("private key", TrustList.KeySetProblem("""{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB","d":"secret"}]}"""), StringComparison.Ordinal);
        Assert.Contains("no RSA public key", TrustList.KeySetProblem("""{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]}"""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManagerOfAnotherOrganisationRecognisesOurCredentialAndItCountsUntilTheDailyCheckFindsItRevoked()
    {
        var trainedAt = await EmployerAsync("Armley Home Care");
        var newEmployer = await EmployerAsync("Harehills Care");
        var email = $"lena.{Guid.NewGuid():N}@example.com";
        var learner = await HomePortal.CreateUserAsync(email, SignIn.Password);
        await StaffAsync(HomePortal, trainedAt.Id, learner.Id);
        var (id, jws) = await PassedAsync(HomePortal, learner.Id, LifeSupport);
        var membership = await StaffAsync(HomePortal, newEmployer.Id, learner.Id);
        // A person's passes follow them (one record across employers), so the pass itself already counts
        // here; take it away to see the recognised credential alone, as for training done before the portal.
        await using (var scope = HomePortal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Portal.Domain.Training.Completion>().Where(c => c.UserId == learner.Id).ExecuteDeleteAsync();
        Assert.Contains("Missing", await MatrixCellAsync(newEmployer.Manager, newEmployer.Id, "Sam Taylor", Title(LifeSupport)), StringComparison.Ordinal);

        var found = await CheckPassportAsync(newEmployer.Manager, membership, new Dictionary<string, string> { ["Input.Jws"] = jws });
        var card = found.Text(".found-credentials");
        Assert.Contains("Counts as", card, StringComparison.Ordinal);
        Assert.Contains(Title(LifeSupport), card, StringComparison.Ordinal);
        await ConfirmAsync(newEmployer.Manager, found);

        var cell = await MatrixCellAsync(newEmployer.Manager, newEmployer.Id, "Sam Taylor", Title(LifeSupport));
        Assert.Contains("Valid", cell, StringComparison.Ordinal);
        Assert.Contains("recognised from", cell, StringComparison.Ordinal);
        var record = await newEmployer.Manager.GetPageAsync($"/manage/staff/{membership}");
        Assert.Contains("recognised from", record.Text(".recognised"), StringComparison.Ordinal);
        Assert.Contains("valid until", record.Text(".recognised"), StringComparison.Ordinal);
        // The copy an inspector takes away says so too.
        var csv = await newEmployer.Manager.GetStringAsync($"/manage/matrix?org={newEmployer.Id}&handler=Csv");
        Assert.Contains("; recognised from ", csv.Split('\n').Single(l => l.Contains("Sam Taylor", StringComparison.Ordinal)), StringComparison.Ordinal);

        // A second confirm (another tab) adds nothing, and says why.
        var again = await newEmployer.Manager.SubmitAsync(found, new Dictionary<string, string>(), "form[action*='handler=Confirm']");
        Assert.Contains("already recognised", (await Forms.ParseAsync(again)).Text(".alert-danger"), StringComparison.Ordinal);
        await using (var scope = HomePortal.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Recognition>().CountAsync(r => r.UserId == learner.Id));

        // Revoked at the issuer: it counts until the daily check learns of it, then stops.
        await RevokeAsync(HomePortal, id);
        Assert.Contains("Valid", await MatrixCellAsync(newEmployer.Manager, newEmployer.Id, "Sam Taylor", Title(LifeSupport)), StringComparison.Ordinal);
        var (_, revoked) = await RunDailyCheckAsync();
        Assert.True(revoked >= 1);
        Assert.Contains("Missing", await MatrixCellAsync(newEmployer.Manager, newEmployer.Id, "Sam Taylor", Title(LifeSupport)), StringComparison.Ordinal);
        Assert.Contains("Revoked by the issuer", (await newEmployer.Manager.GetPageAsync($"/manage/staff/{membership}")).Text(".recognised"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACredentialIssuedToSomeoneElseOrFromAnUntrustedSiteDoesNotCount()
    {
        var employer = await EmployerAsync("Chapeltown Care");
        var starter = await HomePortal.CreateUserAsync($"nia.{Guid.NewGuid():N}@example.com", SignIn.Password);
        var membership = await StaffAsync(HomePortal, employer.Id, starter.Id);
        var someoneElse = await HomePortal.CreateUserAsync($"other.{Guid.NewGuid():N}@example.com", SignIn.Password);
        var (_, theirs) = await PassedAsync(HomePortal, someoneElse.Id, DutyOfCare);

        var found = await CheckPassportAsync(employer.Manager, membership, new Dictionary<string, string> { ["Input.Jws"] = theirs });
        Assert.Contains("issued to a different email address", found.Text(".found-credentials"), StringComparison.Ordinal);
        Assert.Null(found.QuerySelector("form[action*='handler=Confirm']"));
        // A forged confirm with that text records nothing.
        var forged = await employer.Manager.PostFormAsync(found, "form#recognise-form", [new("Confirm.Credentials", theirs)]);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);

        var untrusted = await CheckPassportAsync(employer.Manager, membership, new Dictionary<string, string> { ["Input.ShareLink"] = "https://learning.example.org/passport/shared/abc" });
        Assert.Contains("not from this portal or from an issuer on the trust list", untrusted.Text(".alert-danger"), StringComparison.Ordinal);
        await using var scope = HomePortal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Recognition>().AnyAsync(r => r.UserId == starter.Id));
    }

    [Fact]
    public async Task AnotherOrganisationsStaffAreNotFound()
    {
        var mine = await EmployerAsync("Seacroft Care");
        var theirs = await EmployerAsync("Gipton Care");
        var person = await HomePortal.CreateUserAsync($"ola.{Guid.NewGuid():N}@example.com", SignIn.Password);
        var membership = await StaffAsync(HomePortal, theirs.Id, person.Id);
        var (_, jws) = await PassedAsync(HomePortal, person.Id, DutyOfCare);

        Assert.Equal(HttpStatusCode.NotFound, (await mine.Manager.GetAsync($"/manage/staff/{membership}/recognise")).StatusCode);
        // A post with a good token of their own (from any form of theirs) is not found either, and records nothing.
        var token = (await mine.Manager.GetPageAsync("/verify")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await mine.Manager.PostAsync($"/manage/staff/{membership}/recognise?handler=Confirm",
            new FormUrlEncodedContent([new("Confirm.Credentials", jws), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        await using var scope = HomePortal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Recognition>().AnyAsync(r => r.UserId == person.Id));
    }

    [Fact]
    public async Task AManagerRecognisesTheOtherPortalsCredentialFromItsShareLinkThroughTheEquivalenceTable()
    {
        await TrustOtherAsync();
        var email = $"tom.{Guid.NewGuid():N}@example.com";
        var there = await OtherPortal.CreateUserAsync(email, SignIn.Password);
        var (id, _) = await PassedAsync(OtherPortal, there.Id, LifeSupport);
        string token;
        await using (var scope = OtherPortal.Services.CreateAsyncScope())
            token = (await scope.ServiceProvider.GetRequiredService<PassportService>().ShareAsync(there.Id, [id], DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)))).Value!;
        var employer = await EmployerAsync("Burmantofts Care");
        var here = await HomePortal.CreateUserAsync(email, SignIn.Password);
        var membership = await StaffAsync(HomePortal, employer.Id, here.Id);

        var found = await CheckPassportAsync(employer.Manager, membership, new Dictionary<string, string> { ["Input.ShareLink"] = $"{OtherPortal.Site}/passport/shared/{token}" });
        var card = found.Text(".found-credentials");
        Assert.Contains(OtherName, card, StringComparison.Ordinal);
        Assert.Contains("Counts as", card, StringComparison.Ordinal);
        await ConfirmAsync(employer.Manager, found);
        Assert.Contains($"recognised from {OtherName}", await MatrixCellAsync(employer.Manager, employer.Id, "Sam Taylor", Title(LifeSupport)), StringComparison.Ordinal);

        // Revoked over there; home's daily check reads the other portal's status list over HTTP.
        await RevokeAsync(OtherPortal, id);
        await RunDailyCheckAsync();
        Assert.Contains("Missing", await MatrixCellAsync(employer.Manager, employer.Id, "Sam Taylor", Title(LifeSupport)), StringComparison.Ordinal);
    }
}
