using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Tests.Talent;

public sealed class PostcodeDistrictsTests
{
    private static readonly PostcodeDistricts Shipped = PostcodeDistricts.Shipped();

    [Theory]
    [InlineData("LS6 2AB", "LS6", "LS6 2AB")]
    [InlineData("ls62ab", "LS6", "LS6 2AB")]
    [InlineData(" LS12 3ZZ ", "LS12", "LS12 3ZZ")]
    [InlineData("ls1", "LS1", "LS1")]
    public void FullPostcodesAndDistrictsArePlacedInTheirDistrict(string input, string district, string formatted)
    {
        var (location, problem) = Shipped.Locate(input);

        Assert.Null(problem);
        Assert.Equal((district, formatted), (location!.District, location.Postcode));
    }

    [Theory]
    [InlineData("", "Enter a postcode like LS6 2AB")]
    [InlineData("not a postcode", "Enter a postcode like LS6 2AB")]
    [InlineData("M1 1AA", "M1 is outside the area the portal covers (postcode districts LS1 to LS29)")]
    [InlineData("LS99 1AA", "LS99 is outside the area")]
    public void UnknownPostcodesAreRejectedWithAReason(string input, string message)
    {
        var (location, problem) = Shipped.Locate(input);

        Assert.Null(location);
        Assert.StartsWith(message, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedLookupCoversLeedsAndPutsDistrictsWhereTheyAre()
    {
        Assert.Equal(29, Shipped.All.Count);
        var centre = Shipped.Locate("LS1").Location!;
        var otley = Shipped.Locate("LS21").Location!;
        var wetherby = Shipped.Locate("LS22").Location!;
        // Otley is north-west of the centre, Wetherby north-east, both about 10 miles out.
        Assert.True(otley.Latitude > centre.Latitude && otley.Longitude < centre.Longitude);
        Assert.True(wetherby.Latitude > centre.Latitude && wetherby.Longitude > centre.Longitude);
        Assert.InRange(Portal.Domain.Talent.Distance.Miles(centre.Latitude, centre.Longitude, otley.Latitude, otley.Longitude), 7, 13);
    }
}
