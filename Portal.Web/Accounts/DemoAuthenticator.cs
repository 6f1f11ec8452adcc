using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Portal.Web.Accounts;

/// <summary>
/// The demo accounts' authenticator, for trying the portal in Development: staff accounts need a
/// second factor, and someone trying the demo may have no authenticator app to hand, so the
/// second-step page shows the code an app would (RFC 6238: HMAC-SHA1, 30 seconds, 6 digits).
/// </summary>
public static class DemoAuthenticator
{
    /// <summary>The demo staff accounts' authenticator key (base32), printed in the README; any app accepts it.</summary>
    public const string Key = "DEMODEMODEMODEMODEMODEMODEMODEMO";

    public static string CodeAt(DateTimeOffset now)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, now.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 codes are HMAC-SHA1 by definition; nothing here protects real data.
        var hash = HMACSHA1.HashData(KeyBytes(), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] KeyBytes()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in Key)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
