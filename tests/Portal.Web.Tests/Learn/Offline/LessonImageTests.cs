using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Learn.Offline;

/// <summary>An image in a lesson as a care worker on mobile data gets it: sized, lazy, served once for good, and kept with the module.</summary>
public sealed class LessonImageTests(LessonImageTests.Factory app) : IClassFixture<LessonImageTests.Factory>
{
    private const string Slug = "duty-of-care";

    public sealed class Factory : ContentCopyFactory
    {
        public byte[] Image { get; } = Png(640, 427);

        public Factory()
        {
            Directory.CreateDirectory(Path.Combine(ContentCopy, "media"));
            File.WriteAllBytes(Path.Combine(ContentCopy, "media", "standing.png"), Image);
            var lesson = Path.Combine(ContentCopy, "learn", $"{Slug}.md");
            var lines = File.ReadAllLines(lesson).ToList();
            lines.Insert(lines.FindIndex(l => l.StartsWith("## ", StringComparison.Ordinal)) + 1, "\n![A care worker helping a man to stand from his chair](media/standing.png)\n");
            File.WriteAllLines(lesson, lines);
        }

        private static byte[] Png(int width, int height)
        {
            var bytes = new byte[64];
            byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
            signature.CopyTo(bytes, 0);
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
            "IHDR"u8.CopyTo(bytes.AsSpan(12));
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
            return bytes;
        }
    }

    [Fact]
    public async Task TheLessonKeepsTheImagesSpaceLoadsItLazilyAndThePhoneKeepsItWithTheModule()
    {
        var email = $"reader.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        await SignIn.PostSignInAsync(browser, email, SignIn.Password);
        await browser.SubmitAsync(await browser.GetPageAsync($"/learn/{Slug}"), new Dictionary<string, string>());

        var lesson = await browser.GetPageAsync($"/learn/{Slug}/lessons/1");
        var image = lesson.QuerySelector("article.lesson img")!;
        var src = image.GetAttribute("src")!;
        var served = await browser.GetAsync(src);
        using var kept = JsonDocument.Parse(await browser.GetStringAsync($"/learn/offline?handler=Module&slug={Slug}"));

        Assert.Equal(("640", "427", "lazy", "A care worker helping a man to stand from his chair"),
            (image.GetAttribute("width"), image.GetAttribute("height"), image.GetAttribute("loading"), image.GetAttribute("alt")));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(app.Image, await served.Content.ReadAsByteArrayAsync());
        Assert.True(served.Headers.CacheControl?.Public is true && served.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365), served.Headers.CacheControl?.ToString());
        Assert.Contains(src, kept.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("url").GetString()));
    }
}
