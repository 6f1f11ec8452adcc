using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Portal.Infrastructure.Content;

/// <summary>
/// The images content may show, from content/media/, read once per load. Knowing each image's
/// size at load lets every page reserve its space before it arrives (no text jumping under a thumb on
/// a slow connection), and the byte limit keeps a lesson affordable on a small data allowance.
/// </summary>
public sealed class ContentMedia
{
    public const string Folder = "media";

    /// <summary>Where the site serves the folder.</summary>
    public const string RequestPath = "/media";

    /// <summary>A lesson is read on mobile data: a photograph this size is plenty for a phone screen.</summary>
    public const int MaxBytes = 200 * 1024;

    /// <param name="Url">The address pages use, with a version so a changed image is never served from an old copy.</param>
    internal sealed record Image(string Name, int Width, int Height, long Bytes, string Url);

    private readonly Dictionary<string, Image> _images;

    private ContentMedia(Dictionary<string, Image> images) => _images = images;

    internal static ContentMedia Empty { get; } = new([]);

    internal Image? Find(string name) => _images.GetValueOrDefault(name);

    /// <summary>Every image in the folder; unreadable, unknown or oversized files are errors naming the file.</summary>
    internal static ContentMedia Read(string root, List<ContentError> errors)
    {
        var folder = Path.Combine(root, Folder);
        if (!Directory.Exists(folder))
            return Empty;
        var images = new Dictionary<string, Image>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var file = $"{Folder}/{name}";
            if (name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
                continue;
            var bytes = File.ReadAllBytes(path);
            if (Size(bytes) is not var (width, height))
            {
                errors.Add(new(file, 1, "this is not a PNG, JPEG, GIF or WebP image the loader can read; save it as one of those"));
                continue;
            }
            if (bytes.Length > MaxBytes)
            {
                errors.Add(new(file, 1, $"the image is {bytes.Length / 1024} KB; lessons are read on mobile data, so make it {MaxBytes / 1024} KB or less (a phone screen needs no more than 800 pixels across)"));
                continue;
            }
            var version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
            images[name] = new Image(name, width, height, bytes.Length, $"{RequestPath}/{Uri.EscapeDataString(name)}?v={version}");
        }
        return new ContentMedia(images);
    }

    /// <summary>Width and height from the image's own header; null when it is not an image this reads.</summary>
    internal static (int Width, int Height)? Size(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data[..8].SequenceEqual((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) && data[12..16].SequenceEqual("IHDR"u8))
            return Positive(BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]));
        if (data.Length >= 10 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
            return Positive(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        if (data.Length >= 30 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
            return WebP(data);
        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8)
            return Jpeg(data);
        return null;
    }

    private static (int, int)? Positive(int width, int height) => width > 0 && height > 0 ? (width, height) : null;

    private static (int, int)? WebP(ReadOnlySpan<byte> data)
    {
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
            return Positive(BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8) && data.Length >= 25 && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return Positive((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return Positive((data[24] | data[25] << 8 | data[26] << 16) + 1, (data[27] | data[28] << 8 | data[29] << 16) + 1);
        return null;
    }

    /// <summary>Walks the JPEG markers to the first start-of-frame, which carries the size.</summary>
    private static (int, int)? Jpeg(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 9 < data.Length)
        {
            if (data[at] != 0xFF)
                return null;
            var marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return Positive(BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]));
            if (length < 2)
                return null;
            at += 2 + length;
        }
        return null;
    }
}
