using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Portal.Browser.Tests.Support;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Learn;

/// <summary>
/// A home-care worker with no signal between visits: installs the portal, keeps a module on their
/// phone, reads it and answers its quiz offline, and has it recorded once, at the time they finished,
/// when the signal comes back. Signing out leaves nothing of theirs on the phone.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class OfflineJourneyTests(BrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Slug = "duty-of-care";

    private static readonly LearningModule Module =
        new ContentStore(Path.Combine(TestEnvironment.RepositoryRoot(), "content"), TimeProvider.System, NullLogger<ContentStore>.Instance)
            .Load().Modules[Slug];

    private async Task<IPage> SignedInPhoneAsync(string email)
    {
        var phone = await fixture.NewPhonePageAsync();
        await AccountSteps.SignUpAndConfirmAsync(phone, email, name: "Jodie Walsh");
        await AccountSteps.SignInAsync(phone, email);
        return phone;
    }

    private async Task<List<Completion>> CompletionsAsync(string email)
    {
        await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={fixture.Server.DatabasePath}").Options);
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Set<Completion>().Where(c => c.UserId == userId).ToListAsync();
    }

    [Fact]
    public async Task ThePortalCanBeInstalledAndItsWorkerControlsThePage()
    {
        var phone = await fixture.NewPhonePageAsync();
        await phone.GotoAsync("/learn");

        var manifest = await phone.EvaluateAsync<string>(
            "async () => { const r = await fetch(document.querySelector('link[rel=manifest]').href); const m = await r.json(); " +
            "return [m.name, m.display, m.start_url, m.icons.map(i => i.sizes + ':' + i.purpose).join(',')].join('|'); }");
        await OfflineSteps.WaitForWorkerAsync(phone);

        Assert.Equal("Health and Care Portal|standalone|/learn|192x192:any,512x512:any,512x512:maskable", manifest);
    }

    [Fact]
    public async Task AModuleKeptOnThePhoneIsDoneOfflineAndRecordedOnceWhenTheSignalReturns()
    {
        var email = $"jodie.{Guid.NewGuid():N}@example.com";
        var phone = await SignedInPhoneAsync(email);
        await phone.GotoAsync($"/learn/{Slug}");
        await OfflineSteps.WaitForWorkerAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Keep this on my phone" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Kept on this phone (")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        output.WriteLine($"{Module.Title} kept on the phone: {await phone.EvaluateAsync<int>("async () => (await PortalOffline.kept(await PortalOffline.learner()))[0].bytes")} bytes in {Module.Lessons.Count + 3} pages.");
        await phone.AssertNoSeriousIssuesAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "Modules kept on this phone" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-kept-list] li")).ToContainTextAsync(Module.Title);
        await phone.AssertNoSeriousIssuesAsync();

        // Between visits: no signal at all.
        await phone.Context.SetOfflineAsync(true);
        await phone.GotoAsync("/learn");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "You are offline" })).ToBeVisibleAsync();
        await phone.AssertNoSeriousIssuesAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = Module.Title }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("You are offline.")).ToBeVisibleAsync();
        await phone.AssertNoSeriousIssuesAsync();
        var finished = await OfflineSteps.ReadEveryLessonAndAnswerTheQuizAsync(phone, Module);
        await phone.AssertNoSeriousIssuesAsync();
        Assert.Empty(await CompletionsAsync(email));
        var queued = await phone.EvaluateAsync<int>("async () => (await PortalOffline.queued(await PortalOffline.learner())).length");
        Assert.Equal(Module.Lessons.Count + 1, queued);

        var sent = await phone.EvaluateAsync<string>("async () => JSON.stringify(await PortalOffline.queued(await PortalOffline.learner()))");

        // The signal comes back a while later: the page sends what waited, and shows the result.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(phone.Locator("[data-offline-answers]")).ToContainTextAsync($"You passed {Module.Title}");
        await phone.AssertNoSeriousIssuesAsync();

        // The answer was lost on the way (the signal dropped again): the phone sends the same items, with the same keys, again.
        await phone.EvaluateAsync(
            "async sent => { const open = indexedDB.open('portal-offline'); const db = await new Promise(r => open.onsuccess = () => r(open.result)); " +
            "const tx = db.transaction('queue', 'readwrite'); for (const item of JSON.parse(sent)) tx.objectStore('queue').put(item); " +
            "await new Promise(r => tx.oncomplete = r); db.close(); return PortalOffline.send(); }", sent);
        await phone.GotoAsync("/learn");
        await Assertions.Expect(phone.Locator("[data-offline-answers]")).ToContainTextAsync($"You passed {Module.Title}");
        Assert.Equal(0, await phone.EvaluateAsync<int>("async () => (await PortalOffline.queued(await PortalOffline.learner())).length"));

        var completion = Assert.Single(await CompletionsAsync(email));
        // The time they finished on the phone, not the time it arrived.
        Assert.Equal(finished, completion.CompletedAtUtc, TimeSpan.FromSeconds(2));
        await phone.GotoAsync("/learn/record");
        var entry = phone.Locator(".record-item", new() { Has = phone.GetByRole(AriaRole.Link, new() { Name = Module.Title, Exact = true }) });
        await Assertions.Expect(entry.Locator(".status")).ToHaveTextAsync("Valid");
    }

    [Fact]
    public async Task ModulesUnderWayAreKeptAutomaticallyWhenAskedAndCanBeRemoved()
    {
        var email = $"jodie.{Guid.NewGuid():N}@example.com";
        var phone = await SignedInPhoneAsync(email);
        await phone.GotoAsync($"/learn/{Slug}");
        await OfflineSteps.WaitForWorkerAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex($"/learn/{Slug}/lessons/1$"));

        await phone.GotoAsync("/learn/offline");
        await Assertions.Expect(phone.GetByText("Nothing is kept on this phone yet.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByLabel("Keep the modules I need to do on this phone automatically")).Not.ToBeCheckedAsync();
        await phone.GetByLabel("Keep the modules I need to do on this phone automatically").CheckAsync();
        await Assertions.Expect(phone.Locator("[data-kept-list] li")).ToContainTextAsync(Module.Title);
        await phone.AssertNoSeriousIssuesAsync();

        await phone.GetByRole(AriaRole.Button, new() { Name = $"Remove {Module.Title} from this phone" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-kept-list] li")).ToHaveCountAsync(0);
        Assert.Equal(0, await phone.EvaluateAsync<int>("async () => (await (await caches.open('portal-kept-' + await PortalOffline.learner())).keys()).length"));
    }

    [Fact]
    public async Task SigningOutLeavesNothingOfTheLearnersOnThePhone()
    {
        var email = $"jodie.{Guid.NewGuid():N}@example.com";
        var phone = await SignedInPhoneAsync(email);
        await phone.GotoAsync($"/learn/{Slug}");
        await OfflineSteps.WaitForWorkerAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Keep this on my phone" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Kept on this phone (")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Contains("portal-kept-", await phone.EvaluateAsync<string>("async () => (await caches.keys()).join(',')"), StringComparison.Ordinal);

        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        Assert.DoesNotContain("portal-kept-", await phone.EvaluateAsync<string>("async () => (await caches.keys()).join(',')"), StringComparison.Ordinal);
        Assert.Equal(0, await phone.EvaluateAsync<int>(
            "async () => { const open = indexedDB.open('portal-offline'); const db = await new Promise(r => open.onsuccess = () => r(open.result)); " +
            "const count = db.transaction('kept').objectStore('kept').count(); return await new Promise(r => count.onsuccess = () => r(count.result)); }"));
        // Offline now, the lesson is not there for whoever picks the phone up next.
        await phone.Context.SetOfflineAsync(true);
        await phone.GotoAsync($"/learn/{Slug}/lessons/1");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "You are offline" })).ToBeVisibleAsync();
    }
}
