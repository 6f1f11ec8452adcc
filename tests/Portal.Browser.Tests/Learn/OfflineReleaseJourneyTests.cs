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
/// A new release ships while a care worker is out of signal with a module on her phone: the module's
/// text changed on the server. What she did on the text she had still counts, once, on that text.
/// </summary>
public sealed class OfflineReleaseJourneyTests(OfflineReleaseJourneyTests.ReleaseFixture fixture) : IClassFixture<OfflineReleaseJourneyTests.ReleaseFixture>
{
    private const string Slug = "duty-of-care";
    private const string Edit = "One more sentence, added by an editor in the new release.";

    /// <summary>A portal of its own, reading a copy of the content that the test edits before restarting it.</summary>
    public sealed class ReleaseFixture : BrowserFixture
    {
        private readonly string _content;

        public ReleaseFixture()
            : this(TestEnvironment.CopyContent("portal-content-release-"))
        {
        }

        private ReleaseFixture(string content)
            : base(new Dictionary<string, string> { ["Content__Path"] = content }) => _content = content;

        public string ModuleFile => Path.Combine(_content, "learn", $"{Slug}.md");

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(_content, recursive: true);
        }
    }

    private static readonly LearningModule Module =
        new ContentStore(Path.Combine(TestEnvironment.RepositoryRoot(), "content"), TimeProvider.System, NullLogger<ContentStore>.Instance)
            .Load().Modules[Slug];

    [Fact]
    public async Task WhatSheDidOnTheTextSheKeptCountsOnceAfterANewReleaseChangedIt()
    {
        var email = $"marcia.{Guid.NewGuid():N}@example.com";
        var phone = await fixture.NewPhonePageAsync();
        await AccountSteps.SignUpAndConfirmAsync(phone, email, name: "Marcia Obi");
        await AccountSteps.SignInAsync(phone, email);
        await phone.GotoAsync($"/learn/{Slug}");
        await OfflineSteps.WaitForWorkerAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Keep this on my phone" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Kept on this phone (")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // No signal: she works through the kept module and answers the quiz.
        await phone.Context.SetOfflineAsync(true);
        await phone.GotoAsync($"/learn/{Slug}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        var finished = await OfflineSteps.ReadEveryLessonAndAnswerTheQuizAsync(phone, Module);

        // Meanwhile the module is edited and a new release of the portal starts with it.
        await File.AppendAllTextAsync(fixture.ModuleFile, $"\n{Edit}\n");
        await fixture.Server.RestartAsync();

        // The signal returns: what waited is sent, and she is told she passed.
        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(phone.Locator("[data-offline-answers]")).ToContainTextAsync($"You passed {Module.Title}");
        await phone.AssertNoSeriousIssuesAsync();

        await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={fixture.Server.DatabasePath}").Options);
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var completion = Assert.Single(await db.Set<Completion>().Where(c => c.UserId == userId).ToListAsync());
        Assert.Equal(Module.Version, completion.ContentVersion);
        Assert.Equal(finished, completion.CompletedAtUtc, TimeSpan.FromSeconds(2));

        // Online, the module now has the new text.
        await phone.GotoAsync($"/learn/{Slug}/lessons/{Module.Lessons.Count}?kept=true");
        await Assertions.Expect(phone.GetByText(Edit)).ToBeVisibleAsync();
    }
}
