using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Portal.Infrastructure.Passport;

/// <summary>
/// Baking and reading badge images (OB 3.0 section 5.3.1): the compact JWS in one iTXt chunk with
/// keyword "openbadgecredential", uncompressed, empty language tag and translated keyword. Chunk
/// layout from the PNG specification: length (data only, big-endian), type, data, then a CRC-32
/// over type and data.
/// </summary>
public static class BakedPng
{
    public const string Keyword = "openbadgecredential";

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image with the credential added just before IEND (any credential already in it is replaced).</summary>
    public static byte[] Bake(ReadOnlySpan<byte> png, string jws)
    {
        ArgumentException.ThrowIfNullOrEmpty(jws);
        if (!png.StartsWith(Signature))
            throw new ArgumentException("Not a PNG image.", nameof(png));
        using var output = new MemoryStream();
        output.Write(Signature);
        var offset = Signature.Length;
        while (offset + 12 <= png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            var type = png.Slice(offset + 4, 4);
            var whole = png.Slice(offset, 12 + length);
            if (type.SequenceEqual("IEND"u8))
            {
                WriteChunk(output, "iTXt"u8, ITxtData(jws));
                output.Write(whole);
                return output.ToArray();
            }
            if (!(type.SequenceEqual("iTXt"u8) && IsCredentialChunk(png.Slice(offset + 8, length))))
                output.Write(whole);
            offset += 12 + length;
        }
        throw new ArgumentException("The PNG image has no end chunk.", nameof(png));
    }

    /// <summary>What reading an uploaded image found: the credential's text, or why there is none.</summary>
    public sealed record Extracted(string? Text, string? Problem);

    /// <summary>
    /// Finds the first iTXt chunk with the credential keyword (the spec lets a reader stop there).
    /// Never throws on bad input: a truncated, corrupt or non-PNG upload gets a plain reason.
    /// </summary>
    public static Extracted Extract(ReadOnlySpan<byte> png)
    {
        if (!png.StartsWith(Signature))
            return new(null, "This file is not a PNG image. Upload the badge image (.png) you were given, or paste the credential text instead.");
        var offset = Signature.Length;
        while (offset + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            if (length > int.MaxValue - 12 || offset + 12 + (long)length > png.Length)
                return new(null, "This PNG image is damaged or cut short, so no credential could be read from it.");
            var type = png.Slice(offset + 4, 4);
            var data = png.Slice(offset + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + (int)length)..]);
            if (type.SequenceEqual("iTXt"u8) && IsCredentialChunk(data))
            {
                if (Crc32.Compute(png.Slice(offset + 4, 4 + (int)length)) != crc)
                    return new(null, "The credential inside this image is damaged (its checksum does not match), so it cannot be trusted.");
                var afterKeyword = data[(Keyword.Length + 1)..];
                if (afterKeyword.Length < 2 || afterKeyword[0] != 0)
                    return new(null, "The credential inside this image is compressed, which badges must never be, so it cannot be read.");
                var rest = afterKeyword[2..];
                var languageEnd = rest.IndexOf((byte)0);
                if (languageEnd < 0)
                    return new(null, "The credential inside this image is damaged, so it cannot be read.");
                rest = rest[(languageEnd + 1)..];
                var translatedEnd = rest.IndexOf((byte)0);
                if (translatedEnd < 0)
                    return new(null, "The credential inside this image is damaged, so it cannot be read.");
                return new(Encoding.UTF8.GetString(rest[(translatedEnd + 1)..]), null);
            }
            if (type.SequenceEqual("IEND"u8))
                break;
            offset += 12 + (int)length;
        }
        return new(null, "This image has no credential baked into it. Ask the person for the badge image from their passport, or for the credential text (.jwt).");
    }

    private static bool IsCredentialChunk(ReadOnlySpan<byte> data) =>
        data.Length > Keyword.Length && data[Keyword.Length] == 0 && data[..Keyword.Length].SequenceEqual(Encoding.Latin1.GetBytes(Keyword));

    private static byte[] ITxtData(string jws)
    {
        using var data = new MemoryStream();
        data.Write(Encoding.Latin1.GetBytes(Keyword));
        // Null separator, compression flag 0 (none), compression method 0, empty language tag and
        // its null, empty translated keyword and its null; then the text, not null-terminated.
        data.Write([0, 0, 0, 0, 0]);
        data.Write(Encoding.UTF8.GetBytes(jws));
        return data.ToArray();
    }

    internal static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        var typed = new byte[4 + data.Length];
        type.CopyTo(typed);
        data.CopyTo(typed.AsSpan(4));
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typed));
        output.Write(word);
    }

    /// <summary>
    /// The badge picture credentials are baked into: a ring in the portal's colours, drawn here so
    /// the portal ships no image file. 8-bit RGBA, one zlib-compressed IDAT.
    /// </summary>
    public static byte[] BadgeImage(int size = 240)
    {
        var raw = new byte[size * (1 + (size * 4))];
        var centre = (size - 1) / 2.0;
        for (var y = 0; y < size; y++)
        {
            var row = y * (1 + (size * 4));
            raw[row] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                var distance = Math.Sqrt(((x - centre) * (x - centre)) + ((y - centre) * (y - centre))) / (size / 2.0);
                (byte R, byte G, byte B, byte A) colour = distance switch
                {
                    > 1.0 => (0, 0, 0, 0),
                    > 0.86 => (0x00, 0x5E, 0xA5, 0xFF),
                    > 0.80 => (0xFF, 0xFF, 0xFF, 0xFF),
                    > 0.30 => (0x00, 0x7F, 0x3B, 0xFF),
                    _ => (0xFF, 0xFF, 0xFF, 0xFF),
                };
                var at = row + 1 + (x * 4);
                (raw[at], raw[at + 1], raw[at + 2], raw[at + 3]) = colour;
            }
        }

        using var output = new MemoryStream();
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)size);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)size);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type: truecolour with alpha
        WriteChunk(output, "IHDR"u8, header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw);
            WriteChunk(output, "IDAT"u8, compressed.ToArray());
        }
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }
}

/// <summary>CRC-32 as PNG (and GZIP) define it: polynomial 0xEDB88320, reflected, initial and final value all ones.</summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
