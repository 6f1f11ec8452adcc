using System.Buffers.Binary;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>
/// Images in lessons: read from content/media/ at load, sized so the page keeps their space, lazy so
/// mobile data goes on what is read, and refused with the file and line when they cannot be shown well.
/// </summary>
public sealed class ContentMediaTests : IDisposable
{
    private const string File = "learn/duty-of-care.md";
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    /// <summary>A PNG's signature and header chunk: all the loader reads.</summary>
    private static byte[] Png(int width, int height, int size = 64)
    {
        var bytes = new byte[Math.Max(size, 33)];
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }

    private TempContent ModuleShowing(string image) =>
        _content.Module("duty-of-care", body: $"## What it is\n\nText one.\n\n{image}\n\n## When it is hard\n\nText two.\n\n## Who to ask\n\nText three.\n");

    [Fact]
    public void AnImageFromTheMediaFolderIsGivenItsSizeAVersionedAddressAndLoadsLazily()
    {
        _content.WriteBytes("media/standing.png", Png(640, 427));

        var lesson = ModuleShowing("![A carer helping a man to stand](media/standing.png)").Load().Modules["duty-of-care"].Lessons[0];

        var image = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(lesson.Html).QuerySelector("img")!;
        Assert.Equal(("640", "427", "lazy", "A carer helping a man to stand"),
            (image.GetAttribute("width"), image.GetAttribute("height"), image.GetAttribute("loading"), image.GetAttribute("alt")));
        Assert.Matches("^/media/standing.png\\?v=[0-9a-f]{12}$", image.GetAttribute("src"));
        Assert.Equal([image.GetAttribute("src")!], lesson.Images);
    }

    [Fact]
    public void AChangedImageGetsANewAddressSoNoPhoneShowsTheOldOne()
    {
        _content.WriteBytes("media/standing.png", Png(640, 427));
        var before = ModuleShowing("![A carer](media/standing.png)").Load().Modules["duty-of-care"].Lessons[0].Images.Single();
        _content.WriteBytes("media/standing.png", Png(800, 533));

        var after = _content.Load().Modules["duty-of-care"].Lessons[0].Images.Single();

        Assert.NotEqual(before, after);
    }

    [Theory]
    [InlineData("an image outside the media folder, which cannot be sized", "![A carer](/images/standing.png)", "is not in content/media/")]
    [InlineData("an image that is not there", "![A carer](media/sitting.png)", "there is no image 'media/sitting.png' in content/media/")]
    [InlineData("an image with no alt text", "![](media/standing.png)", "has no alt text")]
    public void AnImageThatCannotBeShownWellIsAnErrorOnItsLine(string mistake, string image, string message)
    {
        _ = mistake; // names the case in the test list
        _content.WriteBytes("media/standing.png", Png(640, 427));
        ModuleShowing("Some words first.\n\n" + image);

        var error = _content.SingleError();

        Assert.Equal((File, _content.LineOf(File, image)), (error.File, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnImageTooHeavyForMobileDataOrNotAnImageIsAnErrorNamingTheFile()
    {
        _content.WriteBytes("media/huge.png", Png(4000, 3000, ContentMedia.MaxBytes + 1));
        _content.Write("media/notes.txt", "not an image");
        _content.Module("duty-of-care");

        var errors = _content.Errors();

        Assert.Equal(["media/huge.png", "media/notes.txt"], errors.Select(e => e.File));
        Assert.Contains("make it 200 KB or less", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not a PNG, JPEG, GIF or WebP image", errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gif", new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x40, 0x01, 0xF0, 0x00 }, 320, 240)]
    [InlineData("jpeg, size in the first start-of-frame after an app segment",
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xAB, 0x02, 0x80, 0x03 }, 640, 427)]
    [InlineData("webp lossless", new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4C, 0, 0, 0, 0, 0x2F, 0x7F, 0xC0, 0x06, 0x00, 0, 0, 0, 0, 0 }, 128, 28)]
    public void SizesAreReadFromEachFormatsOwnHeader(string format, byte[] header, int width, int height)
    {
        _ = format;
        var padded = header.Concat(new byte[16]).ToArray();

        Assert.Equal((width, height), ContentMedia.Size(padded));
    }
}
