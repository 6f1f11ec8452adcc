using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using Portal.Infrastructure.Passport;

namespace Portal.Infrastructure.Tests.Passport;

/// <summary>The byte-level formats, against the vectors the specifications and the 1EdTech validator publish.</summary>
public sealed class PassportFormatTests
{
    [Fact]
    public void Crc32MatchesTheStandardCheckValue() =>
        // The CRC-32 "check" value: the CRC of the ASCII digits 1 to 9.
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void Crc32OfAnEmptyIendChunkIsTheOneEveryPngEndsWith() =>
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));

    [Theory]
    [InlineData("a@example.com", "Kosher", "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399")]
    [InlineData("jjefferson18@example.com", "FleurDeSel", "sha256$658625b25ab3d75d613ca97d9a5a77f70e2192feca5557f4ad09a4d4f121f5fc")]
    public void IdentityHashMatchesTheSpecificationsExamples(string email, string salt, string expected) =>
        Assert.Equal(expected, CredentialJson.IdentityHash(email, salt));

    [Fact]
    public void IdentityHashIgnoresCaseAndSpacesAroundTheAddress() =>
        Assert.Equal(CredentialJson.IdentityHash("a@example.com", "Kosher"), CredentialJson.IdentityHash("  A@Example.COM ", "Kosher"));

    [Fact]
    public void AStatusListWithOneRevocationHasTheSameBitsAsTheValidatorsTestList()
    {
        // inspector-vc/src/test/resources/ob30/bit-string-list/testlist (1EdTech, Apache-2.0): index 23 set.
        var reference = Expand("uH4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA");
        var ours = Expand(CredentialJson.EncodeList([23]));
        Assert.Equal(16_384, ours.Length);
        Assert.Equal(reference, ours);
        Assert.Equal(0x01, ours[2]);
    }

    [Fact]
    public void AnEmptyStatusListIsSixteenKilobytesOfZeros() =>
        Assert.Equal(Expand("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"), Expand(CredentialJson.EncodeList([])));

    [Fact]
    public void TheFirstIndexIsTheLeftMostBit() =>
        Assert.Equal(0x80, Expand(CredentialJson.EncodeList([0]))[0]);

    [Fact]
    public void DatesAreWrittenInWholeSecondsSoNbfCanEqualValidFrom()
    {
        var at = new DateTime(2026, 6, 2, 9, 30, 15, 987, DateTimeKind.Utc);
        Assert.Equal("2026-06-02T09:30:15Z", CredentialJson.Date(at));
        Assert.Equal(new DateTime(2026, 6, 2, 9, 30, 15, DateTimeKind.Utc), CredentialJson.ToSecond(at));
    }

    [Fact]
    public void ABakedBadgeGivesBackExactlyTheCredentialInOneUncompressedChunk()
    {
        const string jws = "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6InVybjp1dWlkOjEifQ.c2lnbmF0dXJl";
        var baked = BakedPng.Bake(BakedPng.BadgeImage(32), jws);
        Assert.Equal(new BakedPng.Extracted(jws, null), BakedPng.Extract(baked));

        // Baking again replaces the chunk: it "MUST NOT appear in a PNG more than once".
        var again = BakedPng.Bake(baked, "a.b.c");
        Assert.Equal("a.b.c", BakedPng.Extract(again).Text);
        Assert.Equal(1, Occurrences(again, Encoding.Latin1.GetBytes("openbadgecredential\0")));
        var marker = Encoding.Latin1.GetBytes("openbadgecredential\0");
        var at = baked.AsSpan().IndexOf(marker) + marker.Length;
        Assert.Equal([0, 0, 0, 0], baked[at..(at + 4)]);
    }

    [Fact]
    public void AChangedByteInTheBakedCredentialIsCaughtByItsChecksum()
    {
        var baked = BakedPng.Bake(BakedPng.BadgeImage(32), "aaaa.bbbb.cccc");
        var at = baked.AsSpan().IndexOf("bbbb"u8);
        baked[at] = (byte)'x';
        Assert.Contains("checksum", BakedPng.Extract(baked).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ACutShortImageIsReportedNotThrown()
    {
        var baked = BakedPng.Bake(BakedPng.BadgeImage(32), "aaaa.bbbb.cccc");
        Assert.Contains("cut short", BakedPng.Extract(baked.AsSpan(0, baked.Length - 30)).Problem, StringComparison.Ordinal);
    }

    private static int Occurrences(byte[] haystack, byte[] needle)
    {
        var count = 0;
        for (var span = haystack.AsSpan(); span.IndexOf(needle) is var i and >= 0; span = span[(i + 1)..])
            count++;
        return count;
    }

    private static byte[] Expand(string encoded)
    {
        using var gzip = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encoded.AsSpan(1))), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        return bits.ToArray();
    }
}
