using System.Security.Cryptography;
using System.Text;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Short content hashes. A learner's record stores the version they completed, so the same text
/// must give the same version on every machine: line endings are normalised before hashing
/// because a Windows checkout turns LF into CRLF without anyone changing a word.
/// </summary>
internal static class ContentVersion
{
    private const int Length = 16;

    public static string Of(ReadOnlySpan<byte> bytes)
    {
        var normalised = new byte[bytes.Length];
        var count = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n')
                continue;
            normalised[count++] = bytes[i];
        }
        return Hash(normalised.AsSpan(0, count));
    }

    // The path is hashed with each version so that renaming a file (which can change a slug, and so a URL)
    // also changes the set's version.
    public static string OfSet(IEnumerable<(string File, string Version)> files) =>
        Hash(Encoding.UTF8.GetBytes(string.Join('\n',
            files.OrderBy(f => f.File, StringComparer.Ordinal).Select(f => $"{f.File} {f.Version}"))));

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..Length];
}
