using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Learn.Offline;

/// <summary>A module edited and reloaded while a learner had it kept on their phone: what they did on the old text still counts.</summary>
public sealed class ContentChangeWhileOfflineTests(ContentChangeWhileOfflineTests.Factory app) : IClassFixture<ContentChangeWhileOfflineTests.Factory>
{
    private const string Slug = "duty-of-care";

    public sealed class Factory : ContentCopyFactory;

    [Fact]
    public async Task AQuizTakenOnTheTextBeforeAReloadIsMarkedAgainstThatText()
    {
        var email = $"offline.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        await SignIn.PostSignInAsync(browser, email, SignIn.Password);
        var token = (await browser.GetPageAsync("/learn/offline")).QuerySelector("form[data-signout] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var store = app.Services.GetRequiredService<ContentStore>();
        var taken = store.Current.Modules[Slug];

        // Kept and done on the phone; meanwhile the module is edited and the content reloaded.
        var file = Path.Combine(app.ContentCopy, "learn", $"{Slug}.md");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.TrimEnd() + "\n\nOne more sentence added by an editor.\n");
        store.Load();
        Assert.NotEqual(taken.Version, store.Current.Modules[Slug].Version);

        var items = new
        {
            items = taken.Lessons.Select(l => (object)new { key = Guid.NewGuid(), kind = "lesson", module = Slug, version = taken.Version, lesson = l.Number, at = DateTimeOffset.UtcNow.AddMinutes(-20 + l.Number) })
                .Append(new
                {
                    key = Guid.NewGuid(),
                    kind = "quiz",
                    module = Slug,
                    version = taken.Version,
                    at = DateTimeOffset.UtcNow.AddMinutes(-5),
                    answers = taken.Quiz.Questions.ToDictionary(q => q.Id, q => q.Answers.Where(a => a.Correct).Select(a => a.Id).ToArray()),
                })
                .ToList(),
        };
        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/learn/offline?handler=Sync") { Content = JsonContent.Create(items), Headers = { { "RequestVerificationToken", token } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answers = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(answers.RootElement.GetProperty("answers").EnumerateArray(), a => Assert.Equal("recorded", a.GetProperty("outcome").GetString()));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.Equal(taken.Version, (await db.Set<Completion>().SingleAsync(c => c.UserId == userId)).ContentVersion);
    }
}
