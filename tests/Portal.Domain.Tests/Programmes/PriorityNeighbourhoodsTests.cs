using Portal.Domain.Programmes;

namespace Portal.Domain.Tests.Programmes;

public sealed class PriorityNeighbourhoodsTests
{
    private readonly PriorityNeighbourhoods _leeds = new(["LS9 7", "ls14 1", "LS11 5"]);

    [Theory]
    [InlineData("LS9 7TF")]
    [InlineData("ls9 7tf")]
    [InlineData("LS97TF")]
    [InlineData("  LS9   7TF ")]
    [InlineData("LS14 1AB")]
    [InlineData("LS9 7")]
    public void APostcodeInAConfiguredSectorIsInAPriorityNeighbourhood(string postcode) =>
        Assert.Equal(NeighbourhoodStanding.Priority, _leeds.Place(postcode));

    [Theory]
    [InlineData("LS9 8AA")]
    [InlineData("LS6 2AB")]
    [InlineData("LS97 1AB")]
    [InlineData("LS1 7AA")]
    public void APostcodeInAnotherSectorIsNotInAPriorityNeighbourhood(string postcode) =>
        Assert.Equal(NeighbourhoodStanding.NotPriority, _leeds.Place(postcode));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("LS9")]
    [InlineData("LS97")]
    [InlineData("not a postcode")]
    [InlineData("9LS 7TF")]
    public void AMissingPartialOrUnreadablePostcodeIsNotKnownRatherThanOut(string? postcode) =>
        Assert.Equal(NeighbourhoodStanding.NotKnown, _leeds.Place(postcode));

    [Fact]
    public void SectorsAreNormalisedWhenConfigured() =>
        Assert.Equal(["LS11 5", "LS14 1", "LS9 7"], _leeds.Sectors.Order(StringComparer.Ordinal));

    [Fact]
    public void ADistrictIsNotASectorAndIsRefusedAsConfiguration() =>
        Assert.Throws<ArgumentException>(() => new PriorityNeighbourhoods(["LS9"]));
}
