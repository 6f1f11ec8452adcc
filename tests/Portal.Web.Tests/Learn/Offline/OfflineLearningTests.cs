using System.IO.Compression;
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

/// <summary>
/// The server's side of learning without signal: the install manifest and worker, the kept copies of
/// lessons and quiz, the sync endpoint's guards, and the weight of a lesson page on mobile data.
/// </summary>
public sealed class OfflineLearningTests(PortalWebFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PortalWebFactory>
{
    private const string Slug = "duty-of-care";

    /// <summary>The first lesson page, compressed as a proxy would send it (the page plus its scripts; styles are cached).</summary>
    private const int FirstLessonBudgetBytes = 30 * 1024;

    private LearningModule Module => app.Services.GetRequiredService<ContentStore>().Current.Modules[Slug];

    private async Task<(HttpClient Browser, string Email)> SignedInAsync()
    {
        var email = $"keeper.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        return (browser, email);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<string> TokenAsync(HttpClient browser) =>
        (await browser.GetPageAsync("/learn/offline")).QuerySelector("form[data-signout] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private object Items(DateTimeOffset at) => new
    {
        items = Module.Lessons.Select(l => (object)new { key = Guid.NewGuid(), kind = "lesson", module = Slug, version = Module.Version, lesson = l.Number, at = at.AddMinutes(l.Number) })
            .Append(new
            {
                key = Guid.NewGuid(),
                kind = "quiz",
                module = Slug,
                version = Module.Version,
                at = at.AddMinutes(10),
                answers = Module.Quiz.Questions.ToDictionary(q => q.Id, q => q.Answers.Where(a => a.Correct).Select(a => a.Id).ToArray()),
            })
            .ToList(),
    };

    [Fact]
    public async Task TheManifestNamesTheAppItsIconsAndWhereItStarts()
    {
        var browser = app.CreateBrowser();
        var home = await browser.GetPageAsync("/");
        var href = home.QuerySelector("link[rel=manifest]")!.GetAttribute("href")!;

        var response = await browser.GetAsync(href);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;

        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("standalone", "/learn", "/"), (root.GetProperty("display").GetString(), root.GetProperty("start_url").GetString(), root.GetProperty("scope").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("short_name").GetString()));
        var icons = root.GetProperty("icons").EnumerateArray().Select(i => (Sizes: i.GetProperty("sizes").GetString(), Purpose: i.GetProperty("purpose").GetString(), Src: i.GetProperty("src").GetString()!)).ToList();
        Assert.Contains(icons, i => i is { Sizes: "192x192", Purpose: "any" });
        Assert.Contains(icons, i => i is { Sizes: "512x512", Purpose: "any" });
        Assert.Contains(icons, i => i.Purpose == "maskable");
        foreach (var icon in icons)
        {
            var image = await browser.GetAsync(icon.Src);
            var bytes = await image.Content.ReadAsByteArrayAsync();
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            // A PNG's header gives its width and height at bytes 16-23.
            var size = $"{System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16))}x{System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))}";
            Assert.Equal(icon.Sizes, size);
        }
    }

    [Fact]
    public async Task TheWorkerIsAScriptFromThisSiteAndThePolicyStillForbidsInlineScript()
    {
        var browser = app.CreateBrowser();
        var home = await browser.GetAsync("/");
        var page = await Forms.ParseAsync(home);

        var worker = await browser.GetAsync(page.Body!.GetAttribute("data-worker"));

        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self';", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task TheKeptLessonSaysNothingOfWhereTheLearnerIsUpToAndChangesNothing()
    {
        var (browser, email) = await SignedInAsync();
        await browser.SubmitAsync(await browser.GetPageAsync($"/learn/{Slug}"), new Dictionary<string, string>());

        var kept = await browser.GetPageAsync($"/learn/{Slug}/lessons/3?kept=true");
        var normal = await browser.GetPageAsync($"/learn/{Slug}/lessons/3");

        Assert.Null(kept.QuerySelector(".alert-warning"));
        Assert.Contains("The lessons go in order", normal.QuerySelector(".alert-warning")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(Module.Version, kept.QuerySelector("form input[name=version]")?.GetAttribute("value"));
        await using var scope = app.Services.CreateAsyncScope();
        var userId = await UserIdAsync(email);
        Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ModuleProgress>().SingleAsync(p => p.UserId == userId)).Lesson);
    }

    [Fact]
    public async Task TheKeptQuizCanBeAnsweredButHoldsNoAnswers()
    {
        var (browser, _) = await SignedInAsync();

        var kept = await browser.GetPageAsync($"/learn/{Slug}/quiz?kept=true");
        var normal = await browser.GetPageAsync($"/learn/{Slug}/quiz");

        Assert.NotNull(kept.QuerySelector("form.quiz"));
        Assert.Null(normal.QuerySelector("form.quiz"));
        var html = kept.DocumentElement.OuterHtml;
        foreach (var question in Module.Quiz.Questions)
        {
            Assert.Contains(question.Text, html, StringComparison.Ordinal);
            foreach (var answer in question.Answers)
                Assert.DoesNotContain(answer.Feedback, html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("correct", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheKeepListNamesEveryPageOfTheModule()
    {
        var (browser, _) = await SignedInAsync();
        var page = await browser.GetPageAsync("/learn/offline");

        using var manifest = JsonDocument.Parse(await browser.GetStringAsync($"/learn/offline?handler=Module&slug={Slug}"));
        var unknown = await browser.GetAsync("/learn/offline?handler=Module&slug=no-such-module");

        Assert.NotNull(page.QuerySelector("[data-kept-list]"));
        var lessons = manifest.RootElement.GetProperty("lessons").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Equal(Module.Lessons.Select(l => $"/learn/{Slug}/lessons/{l.Number}"), lessons);
        Assert.Equal(Module.Lessons.Count + 3, manifest.RootElement.GetProperty("pages").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task WhatWasDoneOfflineIsRecordedOnceForThePersonSignedIn()
    {
        var (browser, email) = await SignedInAsync();
        var token = await TokenAsync(browser);
        var finished = DateTimeOffset.UtcNow.AddHours(-1);
        var items = Items(finished.AddMinutes(-10));

        var first = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/learn/offline?handler=Sync") { Content = JsonContent.Create(items), Headers = { { "RequestVerificationToken", token } } });
        var again = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/learn/offline?handler=Sync") { Content = JsonContent.Create(items), Headers = { { "RequestVerificationToken", token } } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var answers = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        var last = answers.RootElement.GetProperty("answers").EnumerateArray().Last();
        Assert.Equal("recorded", last.GetProperty("outcome").GetString());
        Assert.True(last.GetProperty("repeat").GetBoolean());
        Assert.StartsWith("/learn/certificates/", last.GetProperty("certificate").GetString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var userId = await UserIdAsync(email);
        var completion = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Completion>().SingleAsync(c => c.UserId == userId);
        Assert.Equal(finished.UtcDateTime, completion.CompletedAtUtc, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task TheSyncEndpointRefusesAPostWithoutTheToken()
    {
        var (browser, email) = await SignedInAsync();

        var response = await browser.PostAsJsonAsync("/learn/offline?handler=Sync", Items(DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var userId = await UserIdAsync(email);
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ModuleProgress>().AnyAsync(p => p.UserId == userId));
    }

    [Fact]
    public async Task TheSyncEndpointIsForSignedInPeopleOnly()
    {
        var response = await app.CreateBrowser().PostAsJsonAsync("/learn/offline?handler=Sync", Items(DateTimeOffset.UtcNow));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheFirstLessonPageFitsTheDataBudget()
    {
        var (browser, _) = await SignedInAsync();
        var response = await browser.GetAsync($"/learn/{Slug}/lessons/1");
        var html = await response.Content.ReadAsByteArrayAsync();
        var page = await Forms.ParseAsync(response);
        // What else the first visit fetches that the worker does not already hold: the scripts and the manifest.
        var extras = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)
            .Append(page.QuerySelector("link[rel=manifest]")!.GetAttribute("href")!);
        long compressed = Gzipped(html), uncompressed = html.Length;
        foreach (var extra in extras)
        {
            var bytes = await browser.GetByteArrayAsync(extra);
            compressed += Gzipped(bytes);
            uncompressed += bytes.Length;
        }

        output.WriteLine($"First lesson page: {html.Length} bytes of HTML ({Gzipped(html)} compressed); with its scripts and manifest {uncompressed} bytes ({compressed} compressed).");
        Assert.True(compressed < FirstLessonBudgetBytes, $"The first lesson page weighs {compressed} bytes compressed ({uncompressed} uncompressed), over the {FirstLessonBudgetBytes}-byte budget.");
    }

    private static long Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bytes);
        return output.Length;
    }
}
